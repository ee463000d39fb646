package io.osbaseline.azure;

import io.osbaseline.model.Finding;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.ReportedVerdict;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * One sub-assessment of Defender for Cloud's recommendation "Vulnerabilities in security configuration on your
 * Linux (or Windows) machines should be remediated": Defender's verdict on one baseline rule for one machine.
 *
 * @param machineResourceId the machine's Azure resource id
 * @param baselineId this SDK's id of the baseline the recommendation covers ({@code azure-linux}, {@code azure-windows})
 * @param ruleId the rule's id as Defender reports it
 * @param title the rule's name as Defender reports it
 * @param status Defender's status: Healthy → PASS, Unhealthy → FAIL, NotApplicable → NOT_APPLICABLE, else UNKNOWN
 * @param severity Defender's severity (High, Medium, Low), if any
 * @param timeGenerated when Defender produced it, as it reports it
 */
public record DefenderFinding(String machineResourceId, String baselineId, String ruleId, @CheckForNull String title,
        Status status, @CheckForNull String severity, @CheckForNull String timeGenerated) {
    /** The {@code source} Defender's verdicts carry. */
    public static final String SOURCE = "defender-for-cloud";

    public DefenderFinding {
        Objects.requireNonNull(machineResourceId, "machineResourceId");
        Objects.requireNonNull(baselineId, "baselineId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
    }

    /** Whether this is Defender's verdict on the rule and machine of {@code finding}: by rule id, or by title. */
    public boolean concerns(Finding finding) {
        if (!finding.machineId().equalsIgnoreCase(machineResourceId) || !finding.baselineId().equals(baselineId)) {
            return false;
        }
        if (finding.ruleId().equalsIgnoreCase(ruleId)) {
            return true;
        }
        return title != null && !ReportedVerdict.normalizeTitle(title).isEmpty()
                && ReportedVerdict.normalizeTitle(title).equals(ReportedVerdict.normalizeTitle(finding.title()));
    }
}

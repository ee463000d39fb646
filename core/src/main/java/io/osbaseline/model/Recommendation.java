package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import javax.annotation.CheckForNull;

/**
 * One recommendation per baseline, as Defender for Cloud shows it: the machines by state and the failed checks ranked
 * by severity, then by the number of machines affected.
 *
 * @param baselineId the baseline
 * @param title the recommendation, for example "Vulnerabilities in security configuration on your Linux machines
 *     should be remediated"
 * @param baselineTitle the baseline's name
 * @param osFamily the OS family the baseline applies to, or null for any
 * @param unhealthy machines with at least one failed check
 * @param healthy machines with no failed check
 * @param notApplicable machines the baseline does not apply to, with the reason
 * @param unassessed machines that could not be assessed, with the reason
 * @param failedChecks the failed checks, most severe and most widespread first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendation(
        String baselineId,
        String title,
        String baselineTitle,
        @CheckForNull OsFamily osFamily,
        List<MachineRef> unhealthy,
        List<MachineRef> healthy,
        List<MachineRef> notApplicable,
        List<MachineRef> unassessed,
        List<FailedCheck> failedChecks) {

    public Recommendation {
        unhealthy = List.copyOf(unhealthy);
        healthy = List.copyOf(healthy);
        notApplicable = List.copyOf(notApplicable);
        unassessed = List.copyOf(unassessed);
        failedChecks = List.copyOf(failedChecks);
    }
}

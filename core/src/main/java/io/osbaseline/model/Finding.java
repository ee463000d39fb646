package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * The verdict of one rule on one machine.
 *
 * @param machineId the machine
 * @param baselineId the rule's baseline
 * @param ruleId the rule
 * @param title the rule's title
 * @param severity the rule's severity
 * @param category the rule's category
 * @param status the verdict
 * @param expected what the baseline expects
 * @param actual what the machine has, when it was read
 * @param reason why the status is what it is, always present for UNKNOWN, NOT_APPLICABLE and EXEMPT
 * @param source who decided the verdict when it was not this engine's rules: the source of the
 *     {@link io.osbaseline.model.fact.ReportedVerdict} that stands for the rule, for example
 *     {@code azure-guest-configuration}; null for a verdict of our own rules
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String machineId,
        String baselineId,
        String ruleId,
        String title,
        Severity severity,
        String category,
        Status status,
        String expected,
        @CheckForNull String actual,
        @CheckForNull String reason,
        @CheckForNull String source) {

    public Finding {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(baselineId, "baselineId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        category = category == null ? "" : category;
        expected = expected == null ? "" : expected;
        if (reason == null && (status == Status.UNKNOWN || status == Status.NOT_APPLICABLE || status == Status.EXEMPT)) {
            throw new IllegalArgumentException("a " + status + " finding needs a reason (rule " + ruleId + ")");
        }
    }

    /** A verdict of this engine's own rules. */
    public Finding(String machineId, String baselineId, String ruleId, String title, Severity severity,
            String category, Status status, String expected, @CheckForNull String actual, @CheckForNull String reason) {
        this(machineId, baselineId, ruleId, title, severity, category, status, expected, actual, reason, null);
    }

    /** A finding of {@code rule} on {@code machineId}. */
    public static Finding of(String machineId, RuleInfo rule, Status status, @CheckForNull String actual,
            @CheckForNull String reason) {
        return new Finding(machineId, rule.baselineId(), rule.id(), rule.title(), rule.severity(), rule.category(),
                status, rule.expected(), actual, reason);
    }
}

package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * The metadata every rule carries, built-in or custom: what it checks, how much it matters and how to fix it.
 *
 * @param baselineId the baseline the rule belongs to
 * @param id the rule id, as published by the baseline (for example {@code 5.2.1} or {@code AZ-WIN-00145})
 * @param title short title
 * @param severity severity
 * @param category category within the baseline
 * @param cce CCE id, where one exists
 * @param expected the expected value in the baseline's terms
 * @param rationale why the setting matters
 * @param remediation how to fix it
 * @param requires the collectors whose facts the rule needs; when one did not run, the rule is UNKNOWN
 * @param osFamily the OS family the rule applies to, or null for any
 * @param notes where sources disagree or the rule deviates from a source, what was chosen and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleInfo(
        String baselineId,
        String id,
        String title,
        Severity severity,
        String category,
        @CheckForNull String cce,
        String expected,
        @CheckForNull String rationale,
        @CheckForNull String remediation,
        List<String> requires,
        @CheckForNull OsFamily osFamily,
        @CheckForNull String notes) {

    public RuleInfo {
        Objects.requireNonNull(baselineId, "baselineId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        category = category == null ? "" : category;
        expected = expected == null ? "" : expected;
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    /** Whether the rule applies to machines of this OS family. */
    public boolean appliesTo(OsFamily family) {
        return osFamily == null || osFamily == family;
    }

    /** A copy with another expected value, after a user overrode the rule's parameters. */
    public RuleInfo withExpected(String newExpected) {
        return new RuleInfo(baselineId, id, title, severity, category, cce, newExpected, rationale, remediation,
                requires, osFamily, notes);
    }
}

package io.osbaseline.drl.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.annotation.CheckForNull;

/**
 * One rule of a baseline pack as written in its YAML file: the metadata, and either a templated {@code check} or
 * hand-written {@code drl}.
 *
 * @param id the published rule id
 * @param title short title
 * @param severity Critical, Important, Warning or Informational
 * @param category category within the baseline
 * @param cce CCE id, where one exists
 * @param expected the expected value in the baseline's terms; templates derive one when absent
 * @param rationale why it matters, in our words
 * @param remediation how to fix it, in our words
 * @param requires collectors the rule needs beyond those its template implies
 * @param notes where the sources disagree, what was chosen and why
 * @param check a templated check: a one-key map from the check kind to its parameters
 * @param drl hand-written DRL rules, for checks no template fits
 */
public record RuleSpec(
        String id,
        String title,
        String severity,
        String category,
        @CheckForNull String cce,
        @CheckForNull String expected,
        @CheckForNull String rationale,
        @CheckForNull String remediation,
        @CheckForNull List<String> requires,
        @CheckForNull String notes,
        @CheckForNull JsonNode check,
        @CheckForNull List<DrlSnippet> drl) {

    public RuleSpec {
        requires = requires == null ? List.of() : List.copyOf(requires);
        drl = drl == null ? null : List.copyOf(drl);
    }

    /**
     * A hand-written DRL rule of a check: its conditions and its consequence.
     *
     * @param name what distinguishes it from the check's other rules, for example {@code found} or {@code none}
     * @param when the conditions (DRL LHS)
     * @param then the consequence (DRL RHS), which reports through {@code verdicts}
     * @param expect the expectation {@code verdicts.judge} tests against, if the consequence judges a value
     * @param part the part of the check this rule judges, when the check has several expectations
     * @param unreported what the part, or the check, stands at when no rule reported on it: {@code "fail: not set"}
     */
    public record DrlSnippet(@CheckForNull String name, String when, String then, @CheckForNull String expect,
            @CheckForNull String part, @CheckForNull String unreported) {
    }
}

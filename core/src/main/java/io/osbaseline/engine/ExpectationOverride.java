package io.osbaseline.engine;

import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * A user's expected value for a rule, replacing the baseline's.
 *
 * @param ruleId the rule
 * @param part for rules that check several settings, the one to override (for example a sysctl key); null for a rule
 *     with one expectation
 * @param expectation the new expectation
 */
public record ExpectationOverride(String ruleId, @CheckForNull String part, Expectation expectation) {
    public ExpectationOverride {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(expectation, "expectation");
    }
}

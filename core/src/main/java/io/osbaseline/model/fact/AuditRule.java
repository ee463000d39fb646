package io.osbaseline.model.fact;

import java.util.Objects;

/**
 * One audit rule, as {@code auditctl -l} prints it or as a rules file under {@code /etc/audit/rules.d} holds it.
 *
 * @param rule the rule text, whitespace collapsed
 * @param source {@code runtime} or the rules file
 */
public record AuditRule(String rule, String source) implements Fact {
    public AuditRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }
}

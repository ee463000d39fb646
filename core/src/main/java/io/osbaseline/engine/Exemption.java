package io.osbaseline.engine;

import io.osbaseline.model.Machine;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * Exempts machines from a rule, with a reason and optionally an expiry. An exempted (machine, rule) pair is EXEMPT
 * whatever the rule finds; once the exemption has expired, the rule's own verdict counts again.
 *
 * @param ruleId the rule, or {@code *} for every rule
 * @param machines the machines it covers
 * @param reason why, shown in reports
 * @param expiresAt when it stops applying, or null for never
 */
public record Exemption(String ruleId, MachineSelector machines, String reason, @CheckForNull Instant expiresAt) {
    public Exemption {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(machines, "machines");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exemption needs a reason (rule " + ruleId + ", " + machines + ")");
        }
    }

    /** Whether this exemption covers {@code ruleId} on {@code machine} at {@code now}. */
    public boolean covers(String ruleId, Machine machine, Instant now) {
        return (this.ruleId.equals("*") || this.ruleId.equals(ruleId)) && machines.matches(machine)
                && (expiresAt == null || now.isBefore(expiresAt));
    }
}

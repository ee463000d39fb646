package io.osbaseline.model;

import java.util.List;

/**
 * A check that fails on at least one machine, with the rule's metadata (for the drill-down) and the machines it fails
 * on.
 *
 * @param rule the rule
 * @param affected the number of machines it fails on
 * @param machines those machines, with their actual values
 */
public record FailedCheck(RuleInfo rule, int affected, List<AffectedMachine> machines) {
    public FailedCheck {
        machines = List.copyOf(machines);
    }
}

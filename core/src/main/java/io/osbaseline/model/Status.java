package io.osbaseline.model;

/** The verdict of one rule on one machine. Every (machine, rule) pair ends in exactly one. */
public enum Status {
    PASS,
    FAIL,
    /** The rule does not apply to this machine, for example a rule for a service that is not installed. */
    NOT_APPLICABLE,
    /** The machine is exempted from the rule, with a reason. */
    EXEMPT,
    /** The facts the rule needs were not collected. Never a silent pass. */
    UNKNOWN
}

package io.osbaseline.drl.pack;

import java.util.List;

/**
 * Turns the parameters of one kind of check into DRL rules, the way ComplianceAsCode turns rule data into checks
 * with one template per check kind. Each template decides what an absent fact means for its kind (an unset sysctl is
 * UNKNOWN, an absent package passes a "not installed" check), so that no check passes silently on missing data.
 */
interface CheckTemplate {

    /** The key that selects this template in a rule's {@code check}, for example {@code sysctl}. */
    String kind();

    /** The collectors whose facts the generated rules examine. */
    List<String> requires(Params params);

    /** The expected value in words, used when the rule states none. */
    String expected(Params params);

    /** Writes the rules. */
    void write(Params params, CheckWriter out);
}

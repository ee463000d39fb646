package io.osbaseline.drl.windows;

import io.osbaseline.model.Status;
import java.util.List;
import java.util.function.Consumer;

/**
 * One rule of the Windows pack: how a compliant bundle sets it and the actual value then reported, and how to break
 * it, with the status and actual value then reported.
 *
 * @param ruleId the rule
 * @param domainRole the role of the machine it is tested on (Win32_ComputerSystem.DomainRole), one the rule applies to
 * @param comply sets the compliant value
 * @param compliantActual the actual value the rule reports then
 * @param breakIt sets a non-compliant value
 * @param brokenStatus FAIL, or UNKNOWN for the one rule that no present value can fail
 * @param brokenActual the actual value the rule reports then (null when UNKNOWN)
 */
record RuleCase(String ruleId, int domainRole, Consumer<WindowsBundle> comply, String compliantActual,
        Consumer<WindowsBundle> breakIt, Status brokenStatus, String brokenActual) {
    static final int DC = 5;
    static final int MEMBER = 3;
    static final int WORKGROUP = 1;

    @Override
    public String toString() {
        return ruleId;
    }

    static WindowsBundle.Value dword(long value) {
        return new WindowsBundle.Value("dword", Long.toString(value));
    }

    static WindowsBundle.Value sz(String value) {
        return new WindowsBundle.Value("sz", value);
    }

    static WindowsBundle.Value multi(String... items) {
        return new WindowsBundle.Value("multi", String.join("\n", items));
    }

    static RuleCase reg(String id, int role, String key, String name, WindowsBundle.Value good, String goodActual,
            WindowsBundle.Value bad, String badActual) {
        return new RuleCase(id, role, b -> b.value(key, name, good), goodActual, b -> b.value(key, name, bad),
                Status.FAIL, badActual);
    }

    static RuleCase secpol(String id, int role, String key, String good, String bad) {
        return new RuleCase(id, role, b -> b.systemAccess(key, good), good, b -> b.systemAccess(key, bad),
                Status.FAIL, bad);
    }

    static RuleCase audit(String id, int role, String guid, String subcategory, int good, String goodActual, int bad,
            String badActual) {
        return new RuleCase(id, role, b -> b.audit(guid, subcategory, good), goodActual,
                b -> b.audit(guid, subcategory, bad), Status.FAIL, badActual);
    }

    /** A subcategory the baseline accepts at any setting: only its absence leaves it unjudged. */
    static RuleCase auditAny(String id, int role, String guid, String subcategory) {
        return new RuleCase(id, role, b -> b.audit(guid, subcategory, 0), "No Auditing", b -> b.noAudit(guid),
                Status.UNKNOWN, null);
    }

    static RuleCase right(String id, int role, String right, List<String> good, String goodActual, List<String> bad,
            String badActual) {
        return new RuleCase(id, role, b -> b.right(right, good), goodActual, b -> b.right(right, bad), Status.FAIL,
                badActual);
    }

    static RuleCase device(String id, String key, String good, String bad) {
        return new RuleCase(id, WORKGROUP, b -> b.device(key, good), good, b -> b.device(key, bad), Status.FAIL, bad);
    }
}

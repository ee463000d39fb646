package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.RuleCase.*;

import java.util.List;
import java.util.stream.Stream;

/** Advanced audit policy (the auditpol backup). */
final class AuditPolicyCases {
    private AuditPolicyCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                audit("CCE-38004-8", DC, "{0CCE9236-69AE-11D9-BED3-505054503030}", "Audit Computer Account Management", 1, "Success", 0, "No Auditing"),
                audit("CCE-37741-6", MEMBER, "{0CCE923F-69AE-11D9-BED3-505054503030}", "Audit Credential Validation", 3, "Success and Failure", 1, "Success"),
                audit("AZ-WIN-00004", DC, "{0CCE9242-69AE-11D9-BED3-505054503030}", "Audit Kerberos Authentication Service", 3, "Success and Failure", 2, "Failure"),
                audit("CCE-36265-7", DC, "{0CCE9238-69AE-11D9-BED3-505054503030}", "Audit Distribution Group Management", 1, "Success", 2, "Failure"),
                audit("CCE-37855-4", DC, "{0CCE923A-69AE-11D9-BED3-505054503030}", "Audit Other Account Management Events", 1, "Success", 2, "Failure"),
                audit("CCE-38034-5", DC, "{0CCE9237-69AE-11D9-BED3-505054503030}", "Audit Security Group Management", 1, "Success", 2, "Failure"),
                audit("CCE-37856-2", DC, "{0CCE9235-69AE-11D9-BED3-505054503030}", "Audit User Account Management", 3, "Success and Failure", 1, "Success"),
                audit("AZ-WIN-00182", DC, "{0CCE9248-69AE-11D9-BED3-505054503030}", "Audit Plug and Play Events", 1, "Success", 2, "Failure"),
                audit("CCE-36059-4", DC, "{0CCE922B-69AE-11D9-BED3-505054503030}", "Audit Process Creation", 1, "Success", 2, "Failure"),
                audit("CCE-37433-0", DC, "{0CCE923B-69AE-11D9-BED3-505054503030}", "Audit Directory Service Access", 2, "Failure", 1, "Success"),
                audit("CCE-37616-0", DC, "{0CCE923C-69AE-11D9-BED3-505054503030}", "Audit Directory Service Changes", 1, "Success", 2, "Failure"),
                auditAny("AZ-WIN-00093", DC, "{0CCE923D-69AE-11D9-BED3-505054503030}", "Audit Directory Service Replication"),
                audit("CCE-37133-6", DC, "{0CCE9217-69AE-11D9-BED3-505054503030}", "Audit Account Lockout", 2, "Failure", 1, "Success"),
                audit("AZ-WIN-00026", DC, "{0CCE9249-69AE-11D9-BED3-505054503030}", "Audit Group Membership", 1, "Success", 2, "Failure"),
                audit("CCE-38237-4", DC, "{0CCE9216-69AE-11D9-BED3-505054503030}", "Audit Logoff", 1, "Success", 2, "Failure"),
                audit("CCE-38036-0", DC, "{0CCE9215-69AE-11D9-BED3-505054503030}", "Audit Logon", 3, "Success and Failure", 1, "Success"),
                audit("CCE-36322-6", DC, "{0CCE921C-69AE-11D9-BED3-505054503030}", "Audit Other Logon/Logoff Events", 3, "Success and Failure", 1, "Success"),
                audit("CCE-36266-5", DC, "{0CCE921B-69AE-11D9-BED3-505054503030}", "Audit Special Logon", 1, "Success", 2, "Failure"),
                audit("AZ-WIN-00100", DC, "{0CCE9244-69AE-11D9-BED3-505054503030}", "Audit Detailed File Share", 2, "Failure", 1, "Success"),
                audit("AZ-WIN-00102", DC, "{0CCE9224-69AE-11D9-BED3-505054503030}", "Audit File Share", 3, "Success and Failure", 1, "Success"),
                audit("AZ-WIN-00113", DC, "{0CCE9227-69AE-11D9-BED3-505054503030}", "Audit Other Object Access Events", 3, "Success and Failure", 1, "Success"),
                audit("CCE-37617-8", DC, "{0CCE9245-69AE-11D9-BED3-505054503030}", "Audit Removable Storage", 3, "Success and Failure", 1, "Success"),
                audit("CCE-38327-3", DC, "{0CCE9230-69AE-11D9-BED3-505054503030}", "Audit Authentication Policy Change", 1, "Success", 2, "Failure"),
                audit("CCE-36320-0", DC, "{0CCE9231-69AE-11D9-BED3-505054503030}", "Audit Authorization Policy Change", 1, "Success", 2, "Failure"),
                audit("AZ-WIN-00111", DC, "{0CCE9232-69AE-11D9-BED3-505054503030}", "Audit MPSSVC Rule-Level Policy Change", 3, "Success and Failure", 1, "Success"),
                audit("AZ-WIN-00114", DC, "{0CCE9234-69AE-11D9-BED3-505054503030}", "Audit Other Policy Change Events", 2, "Failure", 1, "Success"),
                audit("CCE-38028-7", DC, "{0CCE922F-69AE-11D9-BED3-505054503030}", "Audit Audit Policy Change", 1, "Success", 2, "Failure"),
                audit("CCE-36267-3", DC, "{0CCE9228-69AE-11D9-BED3-505054503030}", "Audit Sensitive Privilege Use", 3, "Success and Failure", 1, "Success"),
                audit("CCE-37853-9", DC, "{0CCE9213-69AE-11D9-BED3-505054503030}", "Audit IPsec Driver", 3, "Success and Failure", 2, "Failure"),
                audit("CCE-38030-3", DC, "{0CCE9214-69AE-11D9-BED3-505054503030}", "Audit Other System Events", 3, "Success and Failure", 1, "Success"),
                audit("CCE-38114-5", DC, "{0CCE9210-69AE-11D9-BED3-505054503030}", "Audit Security State Change", 1, "Success", 2, "Failure"),
                audit("CCE-36144-4", DC, "{0CCE9211-69AE-11D9-BED3-505054503030}", "Audit Security System Extension", 1, "Success", 2, "Failure"),
                audit("CCE-37132-8", DC, "{0CCE9212-69AE-11D9-BED3-505054503030}", "Audit System Integrity", 3, "Success and Failure", 1, "Success"));
    }
}

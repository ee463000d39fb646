package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: accounts, groups, password policy and PAM. */
final class AccountCases {
    private AccountCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("23.2", "no account has an empty password",
                        r -> r.edit("/etc/shadow", "alice:$6$pepper$ZyXwVuTsRqPoNmLkJiHgFe:", "alice::"),
                        "alice has an empty password"),
                rule("24", "only root has UID 0",
                        r -> r.append("/etc/passwd", "toor:x:0:0::/root:/bin/sh"), "toor has UID 0"),
                rule("6.2.16", "every UID is unique",
                        r -> r.append("/etc/passwd", "bob:x:1000:1000::/home/bob:/bin/bash"),
                        "UID 1000 is shared by alice and bob"),
                rule("22", "root group has GID 0",
                        r -> r.edit("/etc/group", "root:x:0:", "root:x:5:"), "root group has GID 5"),
                rule("156.1", "no legacy + entries",
                        r -> r.append("/etc/passwd", "+::::::"), "+::::::"),
                rule("29", "077", r -> r.edit("/etc/login.defs", "UMASK 077", "UMASK 022"), "022"),
                rule("157.1", "365", r -> r.edit("/etc/login.defs", "PASS_MAX_DAYS 365", "PASS_MAX_DAYS 99999"),
                        "99999"),
                rule("157.2", "7", r -> r.edit("/etc/login.defs", "PASS_WARN_AGE 7", ""),
                        "PASS_WARN_AGE is not set in login.defs"),
                rule("157.12", "7", r -> r.edit("/etc/login.defs", "PASS_MIN_DAYS 7", "PASS_MIN_DAYS 0"), "0"),
                rule("21", "/etc/pam.d/su: auth required pam_wheel.so use_uid",
                        r -> r.edit("/etc/pam.d/su", "auth       required   pam_wheel.so use_uid",
                                "# auth       required   pam_wheel.so use_uid"),
                        "/etc/pam.d/su has no auth line for pam_wheel.so"));
    }
}

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
                        "/etc/pam.d/su has no auth line for pam_wheel.so"),
                rule("5.3.1", "common-password: pam_pwquality.so minlen=14 (pwquality.conf); "
                                + "common-password: pam_pwquality.so minclass=4 (pwquality.conf); "
                                + "common-password: pam_pwquality.so dcredit=-1 (pwquality.conf); "
                                + "common-password: pam_pwquality.so ucredit=-1 (pwquality.conf); "
                                + "common-password: pam_pwquality.so ocredit=-1 (pwquality.conf); "
                                + "common-password: pam_pwquality.so lcredit=-1 (pwquality.conf)",
                        r -> r.edit("/etc/security/pwquality.conf", "minlen = 14", "minlen = 8"),
                        "common-password: pam_pwquality.so minlen=8 (pwquality.conf)"),
                rule("5.3.2", "common-auth: pam_faillock.so deny=5 (faillock.conf); "
                                + "common-auth: pam_faillock.so unlock_time=900 (faillock.conf)",
                        // the module argument wins over faillock.conf
                        r -> r.edit("/etc/pam.d/common-auth", "pam_faillock.so authfail", "pam_faillock.so authfail deny=10"),
                        "common-auth: pam_faillock.so deny=10"),
                rule("157.5", "common-password: pam_pwhistory.so remember=5",
                        r -> r.edit("/etc/pam.d/common-password", "remember=5", "remember=3"),
                        "common-password: pam_pwhistory.so remember=3"),
                rule("157.11", "common-password: pam_unix.so sha512; login.defs ENCRYPT_METHOD SHA512",
                        r -> r.edit("/etc/pam.d/common-password", "try_first_pass sha512", "try_first_pass yescrypt"),
                        "common-password: pam_unix.so yescrypt"),
                rule("157.14", "no last password change is in the future",
                        r -> r.edit("/etc/shadow", "ZyXwVuTsRqPoNmLkJiHgFe:19700", "ZyXwVuTsRqPoNmLkJiHgFe:47482"),
                        "alice: last password change on 2100-01-01"),
                rule("EnsureMaxDaysBetweenPasswordChanges", "root: 365; alice: 365",
                        r -> r.edit("/etc/shadow", "ZyXwVuTsRqPoNmLkJiHgFe:19700:7:365", "ZyXwVuTsRqPoNmLkJiHgFe:19700:7:"),
                        "alice: no maximum age"),
                rule("6.2.15", "every primary GID is in /etc/group",
                        r -> r.append("/etc/passwd", "bob:x:1002:2000::/home/bob:/usr/sbin/nologin"),
                        "bob: GID 2000 is not in /etc/group"),
                rule("6.2.17", "every GID is unique", r -> r.append("/etc/group", "staff:x:1000:"),
                        "GID 1000 is used by alice, staff"),
                rule("6.2.18", "every account name is unique",
                        r -> r.append("/etc/passwd", "alice:x:1003:1000::/home/alice:/bin/bash"),
                        "alice appears 2 times in /etc/passwd"),
                rule("6.2.19", "every group name is unique", r -> r.append("/etc/group", "alice:x:1004:"),
                        "alice appears 2 times in /etc/group"),
                rule("6.2.20", "the shadow group has no members",
                        r -> r.edit("/etc/group", "shadow:x:42:", "shadow:x:42:alice"), "shadow group members: alice"),
                rule("27.1", "no PATH assignment for root has . or an empty entry",
                        r -> r.append("/root/.profile", "export PATH=$PATH:."), "/root/.profile:5: PATH=$PATH:."),
                rule("156.2", "no legacy + entries", r -> r.append("/etc/shadow", "+::::::::"), "/etc/shadow entry +"),
                rule("156.3", "no legacy + entries", r -> r.append("/etc/group", "+:::"), "+:::"),
                rule("157.15", "every system account has a non-login shell",
                        r -> r.edit("/etc/passwd", "daemon:/usr/sbin:/usr/sbin/nologin", "daemon:/usr/sbin:/bin/sh"),
                        "daemon (UID 1) has shell '/bin/sh'"),
                rule("157.16", "root's primary GID is 0", r -> r.edit("/etc/passwd", "root:x:0:0:", "root:x:0:10:"),
                        "root's primary GID is 10"),
                rule("157.18", "only root has UID 0", r -> r.append("/etc/passwd", "admin:x:0:0::/root:/bin/bash"),
                        "admin has UID 0"),
                rule("159", "no games or test account",
                        r -> r.append("/etc/passwd", "games:x:5:60:games:/usr/games:/usr/sbin/nologin"),
                        "games account exists"),
                rule("33", "root has a password",
                        r -> r.edit("/etc/shadow", "root:$6$rounds=5000$saltsalt$AbCdEfGhIjKlMnOpQrStUv:", "root::"),
                        "root's password is empty"));
    }
}

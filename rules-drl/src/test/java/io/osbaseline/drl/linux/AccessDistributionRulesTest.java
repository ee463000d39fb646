package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Status;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounts-and-access rules on the hardened root of every distribution (their PAM files, sshd layout, crypto
 * policy and account databases differ), and the distribution differences that change a verdict.
 */
class AccessDistributionRulesTest {
    private static final String CONFIG = "/etc/ssh/sshd_config";

    /** The rules of the accounts-and-access areas. */
    private static final Set<String> RULES = Stream.of(BannerCases.cases(), FilePermissionCases.cases(),
            AccountCases.cases(), SshCases.cases(), HomeDirectoryCases.cases()).flatMap(s -> s)
            .map(RuleCase::ruleId).collect(Collectors.toSet());

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for rule " + ruleId));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distro.class)
    void theHardenedRootOfEveryDistributionComplies(Distro distro, @TempDir Path dir) {
        Assessment a = SharedEngines.linux().assess(LinuxRoot.hardened(distro, dir).snapshot());

        for (Finding f : a.findings()) {
            if (!RULES.contains(f.ruleId())) {
                continue;
            }
            if (f.ruleId().equals("5.2.14") && distro != Distro.RHEL_8) {
                assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
                assertThat(f.reason()).startsWith("the baseline checks this on the RHEL 8 family only; this machine "
                        + "runs ");
            } else if (f.ruleId().equals("107") && distro.debianFamily() && distro != Distro.UBUNTU_16_04) {
                assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
                assertThat(f.reason()).isEqualTo("openssh-server " + distro.openSshVersion()
                        + " has no RhostsRSAAuthentication: OpenSSH 7.4 removed it with SSH protocol 1");
            } else {
                assertThat(f.status()).as("%s on %s: %s %s", f.ruleId(), distro, f.actual(), f.reason())
                        .isEqualTo(Status.PASS);
            }
        }
    }

    static Stream<RuleCase> differences() {
        return Stream.of(
                // RHEL 9: the crypto policy comes through an Include; the hardening drop-in sorts before it
                rule(Distro.RHEL_9, "113", "aes256-ctr,aes192-ctr,aes128-ctr",
                        r -> r.edit("/etc/ssh/sshd_config.d/40-hardening.conf",
                                "Ciphers aes256-ctr,aes192-ctr,aes128-ctr", ""),
                        "aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes128-gcm@openssh.com"),
                // RHEL 8: the crypto policy reaches sshd as -o options, which win over sshd_config ...
                rule(Distro.RHEL_8, "113", "aes256-ctr,aes128-ctr",
                        r -> r.edit("/etc/crypto-policies/back-ends/opensshserver.config", "-oCiphers=aes256-ctr,",
                                "-oCiphers=chacha20-poly1305@openssh.com,"),
                        "chacha20-poly1305@openssh.com,aes128-ctr"),
                // ... unless /etc/sysconfig/sshd overrides CRYPTO_POLICY (which 5.2.14 forbids)
                rule(Distro.RHEL_8, "110.3", "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,"
                                + "hmac-sha2-512",
                        r -> r.append("/etc/sysconfig/sshd", "CRYPTO_POLICY='-oMACs=hmac-sha1'"), "hmac-sha1"),
                rule(Distro.ROCKY_9, "5.3.2", "password-auth: pam_faillock.so deny=5 (faillock.conf); "
                                + "system-auth: pam_faillock.so deny=5 (faillock.conf); "
                                + "password-auth: pam_faillock.so unlock_time=900 (faillock.conf); "
                                + "system-auth: pam_faillock.so unlock_time=900 (faillock.conf)",
                        r -> r.edit("/etc/security/faillock.conf", "deny = 5", "deny = 10"),
                        "password-auth: pam_faillock.so deny=10 (faillock.conf); "
                                + "system-auth: pam_faillock.so deny=10 (faillock.conf)"),
                // SUSE: pam_cracklib takes its options on the line, through the common-password link
                rule(Distro.SLES_15, "5.3.1", "common-password: pam_cracklib.so minlen=14; "
                                + "common-password: pam_cracklib.so minclass=4; common-password: pam_cracklib.so dcredit=-1; "
                                + "common-password: pam_cracklib.so ucredit=-1; common-password: pam_cracklib.so ocredit=-1; "
                                + "common-password: pam_cracklib.so lcredit=-1",
                        r -> r.edit("/etc/pam.d/common-password-pc", "minlen=14", "minlen=8"),
                        "common-password: pam_cracklib.so minlen=8"),
                // Ubuntu 20.04: pam_tally2, which locks nothing without deny
                rule(Distro.UBUNTU_20_04, "5.3.2", "common-auth: pam_tally2.so deny=5; "
                                + "common-auth: pam_tally2.so unlock_time=900",
                        r -> r.edit("/etc/pam.d/common-auth", "onerr=fail deny=5", "onerr=fail"),
                        "common-auth: pam_tally2.so sets no deny"),
                // Azure Linux: system-password, where a module argument wins over pwquality.conf
                rule(Distro.AZURE_LINUX_2, "5.3.1", "system-password: pam_pwquality.so minlen=14 (pwquality.conf); "
                                + "system-password: pam_pwquality.so minclass=4 (pwquality.conf); "
                                + "system-password: pam_pwquality.so dcredit=-1 (pwquality.conf); "
                                + "system-password: pam_pwquality.so ucredit=-1 (pwquality.conf); "
                                + "system-password: pam_pwquality.so ocredit=-1 (pwquality.conf); "
                                + "system-password: pam_pwquality.so lcredit=-1 (pwquality.conf)",
                        r -> r.edit("/etc/pam.d/system-password", "retry=3", "retry=3 minlen=8"),
                        "system-password: pam_pwquality.so minlen=8"),
                rule(Distro.AZURE_LINUX_2, "157.11", "system-password: pam_unix.so sha512; login.defs ENCRYPT_METHOD SHA512",
                        r -> r.edit("/etc/pam.d/system-password", "pam_unix.so sha512", "pam_unix.so md5"),
                        "system-password: pam_unix.so md5"),
                // RHEL family: no shadow group at all
                rule(Distro.ALMA_9, "6.2.20", "no shadow group", r -> r.append("/etc/group", "shadow:x:42:alice"),
                        "shadow group members: alice"),
                rule(Distro.SLES_15, "11.1", "0400 root:shadow", r -> r.mode("/etc/shadow", 0440), "0440 root:shadow"),
                rule(Distro.RHEL_9, "157.15", "every system account has a non-login shell",
                        r -> r.edit("/etc/passwd", "sshd:x:100:65534::/run/sshd:/sbin/nologin",
                                "sshd:x:100:65534::/run/sshd:/bin/bash"),
                        "sshd (UID 100) has shell '/bin/bash'"),
                rule(Distro.UBUNTU_22_04, "106.11", "allowgroups sshusers; denygroups root; denyusers root",
                        r -> r.edit(CONFIG, "AllowGroups sshusers", "Match Group sshusers\n  AllowGroups sshusers")
                                .edit(CONFIG, "DenyUsers root", "").edit(CONFIG, "DenyGroups root", ""),
                        "none of AllowUsers, AllowGroups, DenyUsers, DenyGroups is set"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("differences")
    void passesOnTheHardenedRootOfItsDistribution(RuleCase c, @TempDir Path dir) {
        Finding f = finding(SharedEngines.linux().assess(LinuxRoot.hardened(c.distro(), dir).snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s on %s (reason: %s)", c.ruleId(), c.distro(), f.reason())
                .isEqualTo(Status.PASS);
        assertThat(f.actual()).isEqualTo(c.compliantActual());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("differences")
    void failsWhenBrokenOnItsDistribution(RuleCase c, @TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardened(c.distro(), dir);
        c.breakIt().accept(root);
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s on %s (reason: %s)", c.ruleId(), c.distro(), f.reason())
                .isEqualTo(Status.FAIL);
        assertThat(f.actual()).isEqualTo(c.failingActual());
    }
}

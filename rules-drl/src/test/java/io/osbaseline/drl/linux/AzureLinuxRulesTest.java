package io.osbaseline.drl.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Finding;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the Azure Linux baseline pack, judged by the real engine on snapshots the real {@code local} provider
 * takes of real files: once on a compliant root, once with one setting broken. Each case asserts the status and the
 * actual value reported.
 */
class AzureLinuxRulesTest {

    /** One rule: the actual value on the compliant root, and a way to break it with the actual value then reported. */
    record RuleCase(String ruleId, String compliantActual, Consumer<LinuxRoot> breakIt, String failingActual) {
        @Override
        public String toString() {
            return ruleId;
        }
    }

    private static RuleCase rule(String id, String compliantActual, Consumer<LinuxRoot> breakIt, String failingActual) {
        return new RuleCase(id, compliantActual, breakIt, failingActual);
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                // Filesystem mount options
                rule("1.1.4", "fstab: defaults,nodev",
                        r -> r.edit("/etc/fstab", "/home ext4 defaults,nodev", "/home ext4 defaults"), "fstab: defaults"),
                rule("1.1.5", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/tmp tmpfs defaults,nodev,nosuid", "/tmp tmpfs defaults,nosuid"),
                        "fstab: defaults,nosuid,noexec"),
                rule("1.1.7", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/tmp tmpfs defaults,nodev,nosuid", "/tmp tmpfs defaults,nodev"),
                        "fstab: defaults,nodev,noexec"),
                rule("1.1.16", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "tmpfs /dev/shm tmpfs defaults,nodev,nosuid,noexec 0 0", ""),
                        "/dev/shm is not in /etc/fstab, so systemd mounts it without noexec"),
                // Kernel modules
                rule("6.1", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/hardening.conf", "install cramfs /bin/true", ""),
                        "no install directive: the module can be loaded"),
                rule("6.2", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/hardening.conf", "install freevxfs /bin/true",
                                "install freevxfs /sbin/modprobe --ignore-install freevxfs"),
                        "install /sbin/modprobe --ignore-install freevxfs"),
                rule("54", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/hardening.conf", "install dccp /bin/true", "blacklist dccp"),
                        "no install directive; blacklisted"),
                rule("55", "install /bin/true",
                        r -> r.delete("/etc/modprobe.d/hardening.conf"),
                        "no install directive: the module can be loaded"),
                // Services and packages
                rule("1.1.21", "not installed",
                        r -> r.unit("autofs.service", "[Service]", "ExecStart=/usr/sbin/automount",
                                "[Install]", "WantedBy=multi-user.target").enable("autofs.service"),
                        "autofs.service enabled"),
                rule("114", "not installed",
                        r -> r.unit("avahi-daemon.socket", "[Socket]", "ListenStream=/run/avahi-daemon/socket",
                                "[Install]", "WantedBy=sockets.target").enable("avahi-daemon.socket"),
                        "avahi-daemon.socket enabled"),
                rule("115", "cups.service disabled",
                        r -> r.enable("cups.service"), "cups.service enabled"),
                rule("90", "cron.service enabled",
                        r -> r.delete("/etc/systemd/system/multi-user.target.wants/cron.service"),
                        "none of cron.service, crond.service, cronie.service is enabled"),
                rule("1.5.4", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: prelink", "Status: install ok installed",
                                "Version: 0.0.20131005-1", ""),
                        "prelink 0.0.20131005-1 installed"),
                rule("2.3.3", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: talk", "Status: install ok installed",
                                "Version: 0.17-17", ""),
                        "talk 0.17-17 installed"),
                rule("73", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: inetutils-telnetd",
                                "Status: install ok installed", "Version: 2:2.4-2", ""),
                        "inetutils-telnetd 2:2.4-2 installed"),
                rule("183", "not installed",
                        r -> r.append("/var/lib/dpkg/status", "Package: rsh-client", "Status: hold ok installed",
                                "Version: 0.17-24", ""),
                        "rsh-client 0.17-24 installed"),
                // File permissions
                rule("12.1", "0644 root:root", r -> r.mode("/etc/passwd", 0664), "0664 root:root"),
                rule("12.2", "0644 root:root", r -> r.mode("/etc/group", 0666), "0666 root:root"),
                rule("11.1", "0400 root:root", r -> r.mode("/etc/shadow", 0640), "0640 root:root"),
                rule("5.2.1", "0600 root:root", r -> r.mode("/etc/ssh/sshd_config", 0644), "0644 root:root"),
                rule("1.7.1.5", "0644 root:root", r -> r.mode("/etc/issue", 0666), "0666 root:root"),
                // Banners
                rule("111.1", "no match", r -> r.file("/etc/issue", "Debian GNU/Linux 12 \\n \\l", "Kernel \\r on \\m"),
                        "line: Kernel \\r on \\m"),
                // Accounts, login.defs, PAM
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
                // SSH server
                rule("109", "no", r -> r.edit("/etc/ssh/sshd_config", "PermitRootLogin no", "PermitRootLogin yes"),
                        "yes"),
                rule("110", "no", r -> r.file("/etc/ssh/sshd_config.d/50-lab.conf", "PermitEmptyPasswords yes"),
                        "yes"),
                rule("106.3", "yes", r -> r.edit("/etc/ssh/sshd_config", "IgnoreRhosts yes", "IgnoreRhosts no"), "no"),
                rule("106.7", "4", r -> r.edit("/etc/ssh/sshd_config", "MaxAuthTries 4", "MaxAuthTries 10"), "10"),
                rule("108", "no",
                        r -> r.edit("/etc/ssh/sshd_config", "HostbasedAuthentication no", "HostbasedAuthentication yes"),
                        "yes"),
                rule("112", "no",
                        r -> r.edit("/etc/ssh/sshd_config", "PermitUserEnvironment no", "PermitUserEnvironment yes"),
                        "yes"),
                // Kernel parameters
                rule("25", "2", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "randomize_va_space = 2",
                        "randomize_va_space = 0"), "0"),
                rule("38.3", "net.ipv4.conf.all.send_redirects=0; net.ipv4.conf.default.send_redirects=0",
                        r -> r.file("/etc/sysctl.d/99-router.conf", "net.ipv4.conf.default.send_redirects = 1"),
                        "net.ipv4.conf.default.send_redirects=1"),
                rule("40.1", "0", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "accept_source_route = 0",
                        "accept_source_route = 1"), "1"),
                rule("43", "1", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "bogus_error_responses = 1",
                        "bogus_error_responses = 0"), "0"),
                rule("44", "1", r -> r.edit("/etc/sysctl.d/60-hardening.conf", "echo_ignore_broadcasts = 1",
                        "echo_ignore_broadcasts = 0"), "0"),
                rule("47", "1", r -> r.file("/etc/sysctl.conf", "net.ipv4.tcp_syncookies=0"), "0"));
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for rule " + ruleId));
    }

    @ParameterizedTest(name = "{0} passes on a compliant root")
    @MethodSource("cases")
    void passesOnACompliantRoot(RuleCase c, @TempDir Path dir) {
        Finding f = finding(SharedEngines.linux().assess(LinuxRoot.hardenedDebian(dir).snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s (reason: %s)", c.ruleId(), f.reason()).isEqualTo(Status.PASS);
        assertThat(f.actual()).isEqualTo(c.compliantActual());
    }

    @ParameterizedTest(name = "{0} fails when broken")
    @MethodSource("cases")
    void failsWhenBroken(RuleCase c, @TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        c.breakIt().accept(root);
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s (reason: %s)", c.ruleId(), f.reason()).isEqualTo(Status.FAIL);
        assertThat(f.actual()).isEqualTo(c.failingActual());
    }

    @Test
    void everyRuleOfThePackHasACase() {
        Set<String> tested = cases().map(RuleCase::ruleId).collect(Collectors.toSet());
        List<String> rules = SharedEngines.linux().rules().stream().map(RuleInfo::id).toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void theCompliantRootIsHealthyWithEveryRuleJudged(@TempDir Path dir) {
        Assessment a = SharedEngines.linux().assess(LinuxRoot.hardenedDebian(dir).snapshot());
        assertThat(a.status()).isEqualTo(AssessmentStatus.HEALTHY);
        assertThat(a.findings()).allSatisfy(f -> assertThat(f.status()).as(f.ruleId() + ": " + f.reason())
                .isEqualTo(Status.PASS));
    }

    @Test
    void anSshRuleIsNotApplicableWithoutAnOpenSshServer(@TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).delete("/etc/ssh/sshd_config");
        Assessment a = SharedEngines.linux().assess(root.snapshot());
        assertThat(finding(a, "109").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding(a, "109").reason()).isEqualTo("the OpenSSH server is not configured on this machine");
        assertThat(finding(a, "5.2.1").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aMountRuleIsNotApplicableWhenThePathIsNotASeparateMount(@TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).edit("/etc/fstab",
                "UUID=8a2e4c11-77b0-4d1f-8f0e-2b9f9c1d3e42 /home ext4 defaults,nodev 0 2", "");
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), "1.1.4");
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("/home is not a separate mount");
    }

    @Test
    void withoutAPackageDatabasePackageRulesAreUnknownNotPassing(@TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).delete("/var/lib/dpkg/status");
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), "73");
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.reason()).startsWith("collector 'packages' failed: ");
    }
}

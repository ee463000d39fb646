package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/**
 * Rule cases of the Azure Linux baseline: kernel network and process parameters, core dumps, the running kernel and
 * processor.
 */
final class NetworkCases {
    private NetworkCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
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
                rule("47", "1", r -> r.file("/etc/sysctl.conf", "net.ipv4.tcp_syncookies=0"), "0"),
                rule("38.4", "net.ipv4.conf.all.accept_redirects=0; net.ipv4.conf.default.accept_redirects=0; "
                                + "net.ipv6.conf.all.accept_redirects=0; net.ipv6.conf.default.accept_redirects=0",
                        r -> r.file("/etc/sysctl.d/99-local.conf", "net.ipv6.conf.all.accept_redirects = 1"),
                        "net.ipv6.conf.all.accept_redirects=1"),
                rule("38.5", "net.ipv4.conf.all.secure_redirects=0; net.ipv4.conf.default.secure_redirects=0",
                        r -> r.file("/etc/sysctl.conf", "net.ipv4.conf.default.secure_redirects = 1"),
                        "net.ipv4.conf.default.secure_redirects=1"),
                rule("40.2", "0", r -> r.file("/etc/sysctl.conf", "net.ipv6.conf.all.accept_source_route = 1"), "1"),
                rule("42.1", "0", r -> r.edit("/etc/sysctl.d/61-baseline.conf",
                        "net.ipv4.conf.default.accept_source_route = 0",
                        "net.ipv4.conf.default.accept_source_route = 1"), "1"),
                rule("42.2", "0", r -> r.file("/etc/sysctl.d/70-router.conf",
                        "net.ipv6.conf.default.accept_source_route=1"), "1"),
                rule("45.1", "net.ipv4.conf.all.log_martians=1; net.ipv4.conf.default.log_martians=1",
                        r -> r.edit("/etc/sysctl.d/61-baseline.conf", "log_martians = 1", "log_martians = 0"),
                        "net.ipv4.conf.all.log_martians=0; net.ipv4.conf.default.log_martians=0"),
                rule("46.1", "1", r -> r.file("/etc/sysctl.conf", "net.ipv4.conf.all.rp_filter = 2"), "2"),
                rule("46.2", "1", r -> r.edit("/etc/sysctl.d/61-baseline.conf", "net.ipv4.conf.default.rp_filter = 1",
                        "net.ipv4.conf.default.rp_filter = 0"), "0"),
                rule("1.5.1", "* hard core 0; fs.suid_dumpable=0",
                        r -> r.edit("/etc/security/limits.conf", "hard    core    0", "hard    core    unlimited"),
                        "* hard core unlimited"),
                rule("10", "Linux version 6.1.0-18-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian "
                                + "12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC "
                                + "Debian 6.1.76-1 (2024-02-01)",
                        r -> r.running().kernel("6.9.3-custom", "Linux version 6.9.3-custom (builder@ci-07) (gcc "
                                + "13.2.0) #1 SMP PREEMPT_DYNAMIC Sat Jun  1 10:00:00 UTC 2024"),
                        "Linux version 6.9.3-custom (builder@ci-07) (gcc 13.2.0) #1 SMP PREEMPT_DYNAMIC Sat Jun  1 "
                                + "10:00:00 UTC 2024"),
                rule("26", "nx among the CPU flags",
                        r -> r.running().cpuFlags("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov"),
                        "no nx among the CPU flags"));
    }
}

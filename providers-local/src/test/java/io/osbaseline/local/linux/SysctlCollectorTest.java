package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.Sysctl;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlCollectorTest {
    @TempDir
    Path dir;

    @Test
    void debian12PersistentValuesInSystemdOrderWithSysctlConfLast() {
        Outcome o = Outcome.offline(new SysctlCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.facts(Sysctl.class)).containsExactly(
                new Sysctl("fs.protected_fifos", "1", "/usr/lib/sysctl.d/99-protect-links.conf"),
                new Sysctl("fs.protected_hardlinks", "1", "/usr/lib/sysctl.d/99-protect-links.conf"),
                new Sysctl("fs.protected_regular", "2", "/usr/lib/sysctl.d/99-protect-links.conf"),
                new Sysctl("fs.protected_symlinks", "1", "/usr/lib/sysctl.d/99-protect-links.conf"),
                new Sysctl("kernel.pid_max", "4194304", "/usr/lib/sysctl.d/50-pid-max.conf"),
                // 60-cis.conf says 2, but /etc/sysctl.conf (read through 99-sysctl.conf, then last) says 1
                new Sysctl("kernel.randomize_va_space", "1", "/etc/sysctl.conf"),
                new Sysctl("net.ipv4.conf.all.accept_redirects", "0", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("net.ipv4.conf.all.send_redirects", "0", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("net.ipv4.conf.default.send_redirects", "0", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("net.ipv4.ip_forward", "1", "/etc/sysctl.conf"),
                new Sysctl("net.ipv6.conf.all.accept_ra", "0", "/etc/sysctl.d/60-cis.conf"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.run().detail()).isEqualTo("persistent configuration from 5 files, 11 keys set; "
                + "runtime values (/proc/sys) unavailable offline");
        assertThat(o.gaps()).containsExactly(new CoverageGap("sysctl", "/proc/sys",
                "runtime values cannot be read under an offline root"));
    }

    @Test
    void rhel9GlobsApplyToKeysNoLineNamesAndExclusionsHold() {
        Outcome o = Outcome.offline(new SysctlCollector(), Fixtures.rhel9(new TestRoot(dir)));
        List<Sysctl> facts = o.facts(Sysctl.class);

        assertThat(facts).contains(
                new Sysctl("kernel.sysrq", "0", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("kernel.yama.ptrace_scope", "0", "/usr/lib/sysctl.d/10-default-yama-scope.conf"),
                new Sysctl("net.ipv4.conf.default.rp_filter", "2", "/usr/lib/sysctl.d/50-default.conf"),
                // excluded from the vendor glob, then set explicitly by a later file
                new Sysctl("net.ipv4.conf.all.rp_filter", "1", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("net.ipv4.conf.default.accept_source_route", "0", "/usr/lib/sysctl.d/50-default.conf"),
                new Sysctl("net.ipv4.conf.all.log_martians", "1", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("net.ipv4.conf.default.log_martians", "1", "/etc/sysctl.d/60-cis.conf"),
                new Sysctl("net.core.default_qdisc", "fq_codel", "/usr/lib/sysctl.d/50-default.conf"));
        // "-net.ipv4.conf.all.accept_source_route" keeps the glob off it, and nothing else sets it
        assertThat(facts).extracting(Sysctl::key).doesNotContain("net.ipv4.conf.all.accept_source_route",
                "net.ipv4.conf.*.rp_filter", "net.ipv4.conf.all.promote_secondaries");
    }

    @Test
    void aFileInEtcHidesTheVendorFileOfTheSameNameAndDevNullMasksIt() {
        TestRoot r = new TestRoot(dir);
        r.file("/usr/lib/sysctl.d/50-default.conf", "kernel.sysrq = 16", "kernel.core_uses_pid = 1");
        r.file("/etc/sysctl.d/50-default.conf", "kernel.sysrq = 0");
        r.file("/usr/lib/sysctl.d/50-coredump.conf", "kernel.core_pattern=|/lib/systemd/systemd-coredump %P");
        r.symlink("/etc/sysctl.d/50-coredump.conf", "/dev/null");
        r.file("/run/sysctl.d/40-run.conf", "; a comment", "vm.swappiness = 10", "vm.overcommit_memory");
        r.file("/usr/lib/sysctl.d/40-run.conf", "vm.swappiness = 60");

        Outcome o = Outcome.offline(new SysctlCollector(), r);

        assertThat(o.facts(Sysctl.class)).containsExactly(
                new Sysctl("kernel.sysrq", "0", "/etc/sysctl.d/50-default.conf"),
                new Sysctl("vm.swappiness", "10", "/run/sysctl.d/40-run.conf"));
        assertThat(o.gaps()).extracting(CoverageGap::path).containsExactly("/proc/sys");
    }

    @Test
    void liveRuntimeValuesWinAndCoverBaselineKeysTheConfigurationDoesNotName() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/sysctl.d/90-local.conf",
                "net.ipv4.ip_forward = 1",
                "net.ipv4.tcp_rmem = 4096 87380 6291456",
                "net/ipv4/conf/eth0.100/rp_filter = 1");
        r.file("/proc/sys/net/ipv4/ip_forward", "0");
        r.file("/proc/sys/net/ipv4/tcp_rmem", "4096\t131072\t6291456");
        r.file("/proc/sys/net/ipv4/conf/eth0.100/rp_filter", "2");
        r.file("/proc/sys/kernel/randomize_va_space", "2");
        r.file("/proc/sys/fs/suid_dumpable", "0");

        Outcome o = Outcome.run(new SysctlCollector(), r, true, new HostCommands(List.of()));

        assertThat(o.facts(Sysctl.class)).containsExactly(
                new Sysctl("fs.suid_dumpable", "0", "runtime"),
                new Sysctl("kernel.randomize_va_space", "2", "runtime"),
                new Sysctl("net.ipv4.conf.eth0/100.rp_filter", "2", "runtime"),
                new Sysctl("net.ipv4.ip_forward", "0", "runtime"),
                new Sysctl("net.ipv4.tcp_rmem", "4096 131072 6291456", "runtime"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).startsWith("persistent configuration from 1 file; 5 runtime values from "
                + "/proc/sys; not in this kernel: net.ipv4.conf.all.accept_redirects, ");
    }

    @Test
    void aKeyThatWouldLeaveProcSysIsIgnoredNotRead() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/sysctl.d/99-evil.conf", "net/../../../etc/shadow = 1", "kernel..x = 1", "fs.suid_dumpable = 0");
        r.file("/etc/shadow", "root:$6$secret$hash:19700:0:99999:7:::");
        r.file("/proc/sys/fs/suid_dumpable", "0");

        Outcome o = Outcome.run(new SysctlCollector(), r, true, new HostCommands(List.of()));

        assertThat(o.facts(Sysctl.class)).extracting(Sysctl::key).doesNotContain("net.//.//.//etc.shadow")
                .allSatisfy(k -> assertThat(k).doesNotContain("shadow"));
        assertThat(o.facts(Sysctl.class)).extracting(Sysctl::value).noneMatch(v -> v.contains("secret"));
        assertThat(o.gaps()).extracting(g -> g.reason()).contains(
                "'net/../../../etc/shadow' is not a sysctl key; ignored", "'kernel..x' is not a sysctl key; ignored");
    }

    @Test
    void liveKeysTheKernelDoesNotHaveAreReportedAsUnavailable() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/sysctl.d/90-ipv6.conf", "net.ipv6.conf.all.accept_redirects = 0");
        r.file("/proc/sys/net/ipv4/conf/all/accept_redirects", "0");

        Outcome o = Outcome.run(new SysctlCollector(), r, true, new HostCommands(List.of()));

        assertThat(o.facts(Sysctl.class)).containsExactly(
                new Sysctl("net.ipv4.conf.all.accept_redirects", "0", "runtime"));
        assertThat(o.facts(Setting.class)).contains(
                new Setting("sysctl", "unavailable", "net.ipv6.conf.all.accept_redirects"),
                new Setting("sysctl", "unavailable", "net.ipv6.conf.all.disable_ipv6"))
                .doesNotContain(new Setting("sysctl", "unavailable", "net.ipv4.conf.all.accept_redirects"));
        assertThat(Outcome.offline(new SysctlCollector(), r).facts(Setting.class)).isEmpty();
    }

    @Test
    void keysAreNormalizedAsSysctlDotDSays() {
        assertThat(SysctlCollector.normalizeKey("net/ipv4/conf/eth0.100/rp_filter"))
                .isEqualTo("net.ipv4.conf.eth0/100.rp_filter");
        assertThat(SysctlCollector.normalizeKey("net.ipv4.ip_forward")).isEqualTo("net.ipv4.ip_forward");
        assertThat(SysctlCollector.toPath("net.ipv4.conf.eth0/100.rp_filter"))
                .isEqualTo("net/ipv4/conf/eth0.100/rp_filter");
    }
}

package io.osbaseline.drl.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system and services rules beyond one compliant and one broken root: what an image (an offline root) can and
 * cannot tell, defaults judged when a setting is absent, and the other branches of the rules that have several.
 */
class SystemRulesEdgeCasesTest {
    @TempDir
    Path dir;

    private static Assessment assess(LinuxRoot root) {
        return SharedEngines.linux().assess(root.snapshot());
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for rule " + ruleId));
    }

    private static void assertFinding(Assessment a, String ruleId, Status status, String actualOrReason) {
        Finding f = finding(a, ruleId);
        assertThat(f.status()).as("status of %s (actual: %s, reason: %s)", ruleId, f.actual(), f.reason())
                .isEqualTo(status);
        assertThat(status == Status.PASS || status == Status.FAIL ? f.actual() : f.reason()).as(ruleId)
                .isEqualTo(actualOrReason);
    }

    @Test
    void anImageHasNoRuntimeStateAndSaysSoRuleByRule() {
        Assessment a = assess(LinuxRoot.hardenedDebian(dir).offline());

        String noKernel = "collector 'kernel' unavailable: the running kernel and processor are runtime state, which "
                + "an offline root does not have";
        assertFinding(a, "10", Status.UNKNOWN, noKernel);
        assertFinding(a, "26", Status.UNKNOWN, noKernel);
        assertFinding(a, "49", Status.UNKNOWN, "collector 'interfaces' unavailable: network interfaces are runtime "
                + "state, which an offline root does not have");
        assertFinding(a, "48", Status.UNKNOWN, "the network interfaces were not read: network interfaces are runtime "
                + "state, which an offline root does not have");
        assertFinding(a, "3.6.2", Status.UNKNOWN, "collector 'firewall' unavailable: the firewall rules in force are "
                + "runtime state, which an offline root does not have, and it has no saved iptables rules "
                + "(/etc/iptables/rules.v4, /etc/sysconfig/iptables)");
        assertFinding(a, "163", Status.UNKNOWN, "auditd.service is enabled; whether it runs is runtime state, which "
                + "was not read (an offline root, or a host where systemd does not run)");
        // rules whose title asks for an enabled service are judged on what is enabled
        assertFinding(a, "62", Status.PASS, "rsyslog.service enabled (whether it runs now was not read); "
                + "systemd-journald.service static (whether it runs now was not read)");
        assertFinding(a, "68", Status.PASS, "logrotate.timer enabled (whether it runs now was not read)");
        assertFinding(a, "162", Status.PASS, "auditd.service enabled");
    }

    @Test
    void anImageIsJudgedOnItsSavedFirewallRulesAndItsNetworkConfiguration() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).offline();
        root.file("/etc/iptables/rules.v4", "*filter", ":INPUT DROP [0:0]", ":FORWARD DROP [0:0]",
                ":OUTPUT ACCEPT [0:0]", "COMMIT");
        root.file("/etc/rc.local", "#!/bin/sh -e", "ip link set eth1 promisc on", "exit 0");

        Assessment a = assess(root);

        assertFinding(a, "3.6.2", Status.FAIL, "OUTPUT ACCEPT");
        assertFinding(a, "48", Status.FAIL, "/etc/rc.local:2: ip link set eth1 promisc on");
    }

    @Test
    void kernelParametersTheRunningKernelLacks() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        for (String key : new String[] {"net.ipv6.conf.all.accept_redirects", "net.ipv6.conf.default.accept_redirects",
            "net.ipv6.conf.all.accept_source_route", "net.ipv6.conf.default.accept_source_route",
            "net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6"}) {
            root.running().withoutSysctl(key);
        }

        Assessment a = assess(root);

        assertFinding(a, "38.4", Status.PASS, "net.ipv4.conf.all.accept_redirects=0; "
                + "net.ipv4.conf.default.accept_redirects=0; net.ipv6.conf.all.accept_redirects does not exist in the "
                + "running kernel; net.ipv6.conf.default.accept_redirects does not exist in the running kernel");
        assertFinding(a, "40.2", Status.NOT_APPLICABLE,
                "net.ipv6.conf.all.accept_source_route does not exist in the running kernel");
        assertFinding(a, "42.2", Status.NOT_APPLICABLE,
                "net.ipv6.conf.default.accept_source_route does not exist in the running kernel");
        assertFinding(a, "50", Status.FAIL, "net.ipv6.conf.all.disable_ipv6 does not exist in the running kernel; "
                + "net.ipv6.conf.default.disable_ipv6 does not exist in the running kernel");
    }

    @Test
    void sambaWithoutAMinimumProtocolIsJudgedByItsVersionsDefault() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.edit("/etc/samba/smb.conf", "   server min protocol = SMB2_10\n", "");
        assertFinding(assess(root), "185", Status.PASS,
                "server min protocol not set: Samba 4.17.12 defaults to SMB2_02");

        root.edit("/var/lib/dpkg/status", "2:4.17.12+dfsg-0+deb12u1", "2:4.9.5+dfsg-5+deb10u3");
        assertFinding(assess(root), "185", Status.FAIL, "server min protocol not set: Samba 4.9.5 defaults to NT1");

        root.edit("/var/lib/dpkg/status", "Package: samba\n", "Package: samba-common\n");
        assertFinding(assess(root), "185", Status.PASS, "the Samba server (package samba) is not installed");
    }

    @Test
    void postfixListeningOnlyOnLoopback() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.file("/etc/postfix/main.cf", "inet_interfaces = loopback-only");
        assertFinding(assess(root), "122", Status.PASS, "inet_interfaces = loopback-only");

        root.file("/etc/postfix/main.cf", "myhostname = web-1");
        assertFinding(assess(root), "122", Status.FAIL, "inet_interfaces not set (postfix's default: all)");
    }

    @Test
    void journaldPersistenceByDefault() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.delete("/etc/systemd/journald.conf");
        assertFinding(assess(root), "61.1", Status.PASS, "Storage not set (auto); /var/log/journal 2755 root:root");

        root.delete("/var/log/journal");
        assertFinding(assess(root), "61.1", Status.FAIL, "Storage not set (auto); /var/log/journal absent");

        root.delete("/lib/systemd/system/systemd-journald.service");
        assertFinding(assess(root), "61.1", Status.NOT_APPLICABLE, "systemd-journald is not installed");
    }

    @Test
    void loggerFileModesByDefault() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.edit("/etc/rsyslog.conf", "$FileCreateMode 0640\n", "");
        assertFinding(assess(root), "63", Status.FAIL, "$FileCreateMode not set (rsyslog's default: 0644)");

        root.delete("/etc/rsyslog.conf");
        root.file("/etc/syslog-ng/syslog-ng.conf", "@version: 4.3", "options { chain_hostnames(off); };");
        root.mode("/etc/syslog-ng/syslog-ng.conf", 0640);
        Assessment a = assess(root);
        assertFinding(a, "63", Status.PASS, "syslog-ng perm() not set (syslog-ng's default: 0600)");
        assertFinding(a, "63.1", Status.PASS, "/etc/syslog-ng/syslog-ng.conf 0640 root:root");
        assertFinding(a, "64", Status.NOT_APPLICABLE, "rsyslog is not configured (no /etc/rsyslog.conf)");
        assertFinding(a, "67", Status.PASS, "no /etc/rsyslog.conf");

        root.delete("/etc/syslog-ng/syslog-ng.conf");
        a = assess(root);
        assertFinding(a, "63", Status.NOT_APPLICABLE, "neither rsyslog nor syslog-ng is configured");
        assertFinding(a, "63.1", Status.NOT_APPLICABLE, "neither rsyslog nor syslog-ng is configured");
    }

    @Test
    void logrotateThroughCronWhereThereIsNoTimer() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.delete("/etc/systemd/system/timers.target.wants/logrotate.timer");
        root.delete("/lib/systemd/system/logrotate.timer");
        root.file("/etc/cron.daily/logrotate", "#!/bin/sh", "/usr/sbin/logrotate /etc/logrotate.conf");
        root.mode("/etc/cron.daily/logrotate", 0755);
        assertFinding(assess(root), "68", Status.PASS, "/etc/cron.daily/logrotate 0755 root:root");

        root.delete("/etc/cron.daily/logrotate");
        assertFinding(assess(root), "68", Status.FAIL, "neither logrotate.timer nor /etc/cron.daily/logrotate");
    }

    @Test
    void atNeedsAnAllowListOnlyWhenInstalled() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.append("/var/lib/dpkg/status", "Package: at", "Status: install ok installed", "Version: 3.2.5-1", "");
        assertFinding(assess(root), "98", Status.FAIL, "at is installed and there is no /etc/at.allow");

        root.file("/etc/at.allow", "root");
        root.mode("/etc/at.allow", 0640);
        assertFinding(assess(root), "98", Status.FAIL, "/etc/at.allow 0640 root:root");
    }

    @Test
    void bootLoaderWithoutConfiguration() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.delete("/boot/grub/grub.cfg");

        Assessment a = assess(root);

        String none = "no GRUB configuration (/boot/grub/grub.cfg, /boot/grub2/grub.cfg, /boot/grub/grub.conf)";
        assertFinding(a, "31", Status.NOT_APPLICABLE, none);
        assertFinding(a, "31.1", Status.NOT_APPLICABLE, none);
    }

    @Test
    void processorsOtherThanX86AndDistributionsOsbaselineDoesNotKnow() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.file("/etc/os-release", "NAME=\"Arch Linux\"", "ID=arch", "PRETTY_NAME=\"Arch Linux\"");
        root.running().cpuFeatures("fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics");

        Assessment a = assess(root);

        assertFinding(a, "10", Status.UNKNOWN, "osbaseline does not know how Arch Linux marks the kernels it builds");
        assertFinding(a, "26", Status.NOT_APPLICABLE, "XD/NX is an x86 processor feature, and this is not an x86 "
                + "processor");
        assertFinding(a, "64", Status.NOT_APPLICABLE, "the baseline checks $FileGroup adm on Debian and Ubuntu only");
    }

    @Test
    void removableMediaAndNfsMountsThatAreNotThere() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.edit("/etc/fstab", "/dev/sr0 /media/cdrom0 udf,iso9660 user,noauto,nodev,nosuid,noexec 0 0\n", "");
        root.edit("/etc/fstab", "files.example.com:/export/share /mnt/share nfs4 rw,nodev,nosuid,_netdev 0 0\n", "");

        Assessment a = assess(root);

        assertFinding(a, "2.1", Status.PASS, "no removable media entries in /etc/fstab");
        assertFinding(a, "5", Status.PASS, "no NFS mounts in /etc/fstab");
    }

    @Test
    void anInetdConfTooLargeToShipIsUnknownNotPassing() {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir);
        root.file("/etc/inetd.conf", "#" + "x".repeat(70_000));

        assertFinding(assess(root), "72", Status.UNKNOWN,
                "/etc/inetd.conf exists but its lines were not read (see the snapshot's gaps)");
    }

    @Test
    void theOsConfigAgentsLogLevelIsNotAnOperatingSystemControl() {
        Finding f = finding(assess(LinuxRoot.hardenedDebian(dir)), "EnsureLoggingLevel");

        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("an OSConfig agent setting, not an operating system control; osbaseline "
                + "does not use the OSConfig agent");
    }
}

package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.SystemService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesCollectorTest {
    @TempDir
    Path tmp;

    private TestRoot root() throws IOException {
        return new TestRoot(Files.createDirectory(tmp.resolve("root")));
    }

    /** A stand-in for a host command: a shell script in its own bin directory. */
    private HostCommands command(String name, String script) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new HostCommands(List.of(bin));
    }

    @Test
    void debian12EnablementOfflineFromUnitFilesAndLinks() throws IOException {
        Outcome o = Outcome.offline(new ServicesCollector(), Fixtures.debian12(root()));

        assertThat(o.facts(SystemService.class)).containsExactly(
                new SystemService("apt-daily.timer", "enabled", null),
                new SystemService("cron.service", "enabled", null),
                new SystemService("dbus-org.freedesktop.timesync1.service", "alias", null),
                new SystemService("getty@.service", "enabled", null),
                new SystemService("nftables.service", "disabled", null),
                new SystemService("rpcbind.service", "masked", null),
                new SystemService("rsyslog.service", "enabled", null),
                new SystemService("ssh.service", "enabled", null),
                new SystemService("ssh.socket", "disabled", null),
                new SystemService("sshd.service", "alias", null),
                new SystemService("syslog.service", "alias", null),
                new SystemService("systemd-journald.service", "static", null),
                new SystemService("systemd-timesyncd.service", "enabled", null));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.run().detail()).isEqualTo("13 units; active states unknown (see gaps)");
        assertThat(o.gaps()).containsExactly(new CoverageGap("services", "systemctl",
                "active states cannot be read under an offline root"));
    }

    @Test
    void rhel9AliasesEnableTheirUnitAndAlsoOnlyIsIndirect() throws IOException {
        Outcome o = Outcome.offline(new ServicesCollector(), Fixtures.rhel9(root()));

        assertThat(o.facts(SystemService.class)).containsExactly(
                new SystemService("auditd.service", "enabled", null),
                new SystemService("chronyd.service", "enabled", null),
                new SystemService("dbus-broker.service", "enabled", null),
                new SystemService("dbus-org.fedoraproject.FirewallD1.service", "alias", null),
                new SystemService("dbus.service", "alias", null),
                new SystemService("debug-shell.service", "disabled", null),
                new SystemService("firewalld.service", "enabled", null),
                new SystemService("kdump.service", "disabled", null),
                new SystemService("nfs-idmapd.service", "indirect", null),
                new SystemService("nfs-server.service", "disabled", null),
                new SystemService("sshd.service", "enabled", null));
    }

    @Test
    void aMaskInEtcWinsOverAnEnablingLinkAndTheVendorFile() throws IOException {
        TestRoot r = root();
        r.file("/usr/lib/systemd/system/cups.service", "[Service]", "ExecStart=/usr/sbin/cupsd -l", "[Install]",
                "WantedBy=multi-user.target");
        r.file("/usr/lib/systemd/system/avahi-daemon.socket", "[Socket]", "ListenStream=/run/avahi.sock",
                "[Install]", "WantedBy=sockets.target");
        r.symlink("/etc/systemd/system/multi-user.target.wants/cups.service", "/usr/lib/systemd/system/cups.service");
        r.symlink("/etc/systemd/system/cups.service", "/dev/null");
        r.symlink("/run/systemd/system/avahi-daemon.socket", "/dev/null");

        Outcome o = Outcome.offline(new ServicesCollector(), r);

        assertThat(o.facts(SystemService.class)).containsExactly(
                new SystemService("avahi-daemon.socket", "masked-runtime", null),
                new SystemService("cups.service", "masked", null));
    }

    @Test
    void noSystemdMeansNothingToReadNotAFailure() throws IOException {
        TestRoot r = root().file("/etc/passwd", "root:x:0:0::/root:/bin/sh");

        Outcome o = Outcome.offline(new ServicesCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).endsWith(": systemd not installed");
        assertThat(o.facts()).isEmpty();
    }

    @Test
    void liveActiveStatesComeFromSystemctl() throws IOException {
        TestRoot r = Fixtures.rhel9(root()).dir("/run/systemd/system");
        Path args = tmp.resolve("systemctl-args");
        HostCommands commands = command("systemctl", "echo \"$@\" > " + args + "\n"
                + "cat <<'OUT'\n"
                + "auditd.service                 loaded active running Security Auditing Service\n"
                + "dbus-broker.service            loaded active running D-Bus System Message Bus\n"
                + "● kdump.service                loaded failed failed  Crash recovery kernel arming\n"
                + "sshd.service                   loaded active running OpenSSH server daemon\n"
                + "OUT\n");

        Outcome o = Outcome.run(new ServicesCollector(), r, true, commands);

        assertThat(Files.readString(args).strip()).isEqualTo("list-units --all --no-legend --plain --no-pager");
        assertThat(o.facts(SystemService.class)).contains(
                new SystemService("auditd.service", "enabled", "active"),
                new SystemService("chronyd.service", "enabled", "inactive"),
                new SystemService("dbus.service", "alias", "active"),
                new SystemService("kdump.service", "disabled", "failed"),
                new SystemService("sshd.service", "enabled", "active"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("11 units; active states from systemctl");
    }

    @Test
    void liveWithoutARunningSystemdLeavesActiveStatesUnknown() throws IOException {
        TestRoot r = Fixtures.debian12(root());
        HostCommands commands = command("systemctl", "echo 'should not run' >&2; exit 1\n");

        Outcome o = Outcome.run(new ServicesCollector(), r, true, commands);

        assertThat(o.facts(SystemService.class)).allSatisfy(s -> assertThat(s.activeState()).isNull());
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.gaps()).containsExactly(new CoverageGap("services", "systemctl",
                "systemd is not running on this host (no /run/systemd/system)"));
    }

    @Test
    void liveSystemctlFailureIsAGapWithItsMessage() throws IOException {
        TestRoot r = Fixtures.debian12(root()).dir("/run/systemd/system");
        HostCommands commands = command("systemctl", "echo 'Failed to connect to bus: Host is down' >&2; exit 1\n");

        Outcome o = Outcome.run(new ServicesCollector(), r, true, commands);

        assertThat(o.facts(SystemService.class)).hasSize(13).allSatisfy(s -> assertThat(s.activeState()).isNull());
        assertThat(o.gaps()).containsExactly(new CoverageGap("services", "systemctl",
                "systemctl list-units failed: Failed to connect to bus: Host is down"));
    }

    @Test
    void templateOfAnInstance() {
        assertThat(ServicesCollector.template("getty@tty1.service")).isEqualTo("getty@.service");
        assertThat(ServicesCollector.template("sshd.service")).isEqualTo("sshd.service");
    }
}

package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.InstalledPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagesCollectorTest {
    @TempDir
    Path tmp;

    private TestRoot root() throws IOException {
        return new TestRoot(Files.createDirectory(tmp.resolve("root")));
    }

    /** A stand-in for the host's rpm: a script that records its arguments and prints {@code output}. */
    private HostCommands rpm(String output, int exitCode, String stderr) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path p = bin.resolve("rpm");
        Files.writeString(p, "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + tmp.resolve("rpm-args") + "\n"
                + "printf '" + output + "'\n"
                + (stderr.isEmpty() ? "" : "echo '" + stderr + "' >&2\n")
                + "exit " + exitCode + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new HostCommands(List.of(bin));
    }

    private List<String> rpmArgs() throws IOException {
        return Files.readAllLines(tmp.resolve("rpm-args"));
    }

    @Test
    void dpkgInstalledPackagesOnly() throws IOException {
        Outcome o = Outcome.offline(new PackagesCollector(), Fixtures.debian12(root()));

        assertThat(o.facts(InstalledPackage.class)).containsExactly(
                new InstalledPackage("openssh-server", "1:9.2p1-2+deb12u3", "dpkg"),
                new InstalledPackage("libc6", "2.36-9+deb12u7", "dpkg"),
                new InstalledPackage("rsyslog", "8.2302.0-1", "dpkg"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("3 dpkg packages from /var/lib/dpkg/status");
    }

    @Test
    void offlineRpmDatabaseWithoutAnRpmCommandFails() throws IOException {
        Outcome o = Outcome.offline(new PackagesCollector(), Fixtures.rhel9(root()));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail())
                .isEqualTo("an rpm database is in /var/lib/rpm but this host has no rpm command to read it");
        assertThat(o.facts()).isEmpty();
        assertThat(o.gaps()).containsExactly(new CoverageGap("packages", "/var/lib/rpm",
                "no rpm command on this host"));
    }

    @Test
    void offlineRpmDatabaseIsReadWithRpmRootAndDbpath() throws IOException {
        TestRoot r = Fixtures.rhel9(root());
        HostCommands rpm = rpm("openssh-server\\t8.7p1-38.el9\\nbash\\t5.1.8-9.el9\\ngpg-pubkey\\tfd431d51-4ae0493b\\n",
                0, "");

        Outcome o = Outcome.run(new PackagesCollector(), r, false, rpm);

        assertThat(rpmArgs()).containsExactly("--root", r.dir().toRealPath().toString(), "--dbpath", "/var/lib/rpm",
                "-qa", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n");
        assertThat(o.facts(InstalledPackage.class)).containsExactly(
                new InstalledPackage("openssh-server", "8.7p1-38.el9", "rpm"),
                new InstalledPackage("bash", "5.1.8-9.el9", "rpm"),
                new InstalledPackage("gpg-pubkey", "fd431d51-4ae0493b", "rpm"));
        assertThat(o.run().detail()).isEqualTo("3 rpm packages from /var/lib/rpm");
    }

    @Test
    void liveRpmIsAskedWithoutRoot() throws IOException {
        TestRoot r = Fixtures.rhel9(root());

        Outcome o = Outcome.run(new PackagesCollector(), r, true, rpm("bash\\t5.1.8-9.el9\\n", 0, ""));

        assertThat(rpmArgs()).containsExactly("-qa", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n");
        assertThat(o.facts(InstalledPackage.class)).containsExactly(new InstalledPackage("bash", "5.1.8-9.el9", "rpm"));
    }

    @Test
    void rpmThatCannotReadTheDatabaseFailsWithItsMessage() throws IOException {
        HostCommands rpm = rpm("", 1, "error: cannot open Packages database in /var/lib/rpm");

        Outcome o = Outcome.run(new PackagesCollector(), Fixtures.rhel9(root()), false, rpm);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail()).isEqualTo(
                "rpm could not read /var/lib/rpm: error: cannot open Packages database in /var/lib/rpm");
    }

    @Test
    void dpkgStillCountsWhenAnRpmDatabaseCannotBeRead() throws IOException {
        TestRoot r = Fixtures.debian12(root()).text("/usr/lib/sysimage/rpm/rpmdb.sqlite", "SQLite format 3\0");

        Outcome o = Outcome.offline(new PackagesCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.facts(InstalledPackage.class)).hasSize(3);
        assertThat(o.gaps()).extracting(CoverageGap::path).containsExactly("/usr/lib/sysimage/rpm");
    }

    @Test
    void noPackageDatabaseFails() throws IOException {
        Outcome o = Outcome.offline(new PackagesCollector(), root().dir("/etc"));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail()).startsWith("no package database found");
    }
}

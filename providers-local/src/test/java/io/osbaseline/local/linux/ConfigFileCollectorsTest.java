package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors of one kind of file each: os-release, files, banners, login.defs, mounts, kernel modules. */
class ConfigFileCollectorsTest {
    @TempDir
    Path dir;

    private FileInfo info(Outcome o, String path) {
        return o.facts(FileInfo.class).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void osReleaseFromEtcThroughItsSymlinkOrFromUsrLib() throws IOException {
        TestRoot r = Fixtures.debian12(new TestRoot(dir));
        Outcome debian = Outcome.offline(new OsReleaseCollector(), r);
        assertThat(debian.facts()).containsExactly(new OsRelease("debian", List.of(), "12", "Debian GNU/Linux",
                "Debian GNU/Linux 12 (bookworm)"));
        assertThat(debian.run().detail()).isEqualTo("read /etc/os-release");

        Files.delete(r.host("/etc/os-release"));
        assertThat(Outcome.offline(new OsReleaseCollector(), r).run().detail()).isEqualTo("read /usr/lib/os-release");

        Files.delete(r.host("/usr/lib/os-release"));
        Outcome none = Outcome.offline(new OsReleaseCollector(), r);
        assertThat(none.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(none.run().detail()).isEqualTo("neither /etc/os-release nor /usr/lib/os-release exists");
    }

    @Test
    void osReleaseOfRhel() {
        Outcome o = Outcome.offline(new OsReleaseCollector(), Fixtures.rhel9(new TestRoot(dir)));

        assertThat(o.facts()).containsExactly(new OsRelease("rhel", List.of("fedora"), "9.4",
                "Red Hat Enterprise Linux", "Red Hat Enterprise Linux 9.4 (Plow)"));
    }

    @Test
    void filesGivesModeKindAndAbsenceForTheBaselinePaths() {
        Outcome o = Outcome.offline(new FileInfoCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.facts(FileInfo.class)).extracting(FileInfo::path)
                .containsExactlyElementsOf(FileInfoCollector.BASELINE_PATHS);
        assertThat(info(o, "/etc/passwd").modeString()).isEqualTo("0644");
        assertThat(info(o, "/etc/shadow").modeString()).isEqualTo("0640");
        assertThat(info(o, "/etc/passwd-")).isEqualTo(FileInfo.absent("/etc/passwd-"));
        assertThat(info(o, "/boot/grub/grub.cfg")).isEqualTo(FileInfo.absent("/boot/grub/grub.cfg"));
        assertThat(info(o, "/etc/crontab").modeString()).isEqualTo("0600");
        assertThat(info(o, "/etc/cron.d").kind()).isEqualTo(FileKind.DIRECTORY);
        assertThat(info(o, "/etc/cron.d").modeString()).isEqualTo("0700");
        assertThat(info(o, "/var/log/journal").modeString()).isEqualTo("2755");
        assertThat(info(o, "/etc/issue").kind()).isEqualTo(FileKind.FILE);
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("35 paths: 16 present, 19 absent");
    }

    @Test
    void filesNamesOwnersFromTheRootsOwnPasswdAndGroup() throws IOException {
        TestRoot r = new TestRoot(dir).file("/etc/crontab", "SHELL=/bin/sh");
        int uid = (Integer) Files.getAttribute(r.host("/etc/crontab"), "unix:uid");
        int gid = (Integer) Files.getAttribute(r.host("/etc/crontab"), "unix:gid");
        // names the host does not have: proof that the image's databases are used
        r.file("/etc/passwd", "imageowner:x:" + uid + ":" + gid + "::/:/bin/sh");
        r.file("/etc/group", "imagegroup:x:" + gid + ":");

        Outcome o = Outcome.offline(new FileInfoCollector(), r);
        assertThat(info(o, "/etc/crontab")).isEqualTo(new FileInfo("/etc/crontab", true, FileKind.FILE,
                info(o, "/etc/crontab").mode(), "imageowner", "imagegroup", uid, gid));

        r.file("/etc/passwd", "someoneelse:x:" + (uid + 1) + ":0::/:/bin/sh");
        r.file("/etc/group", "");
        Outcome numeric = Outcome.offline(new FileInfoCollector(), r);
        assertThat(info(numeric, "/etc/crontab").owner()).isEqualTo(String.valueOf(uid));
        assertThat(info(numeric, "/etc/crontab").group()).isEqualTo(String.valueOf(gid));
    }

    @Test
    void filesShowsShadowOwnedByGroupShadow() {
        assumeTrue(TestRoot.isRoot(), "only root can give a file to gid 42");
        Outcome o = Outcome.offline(new FileInfoCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(info(o, "/etc/shadow")).isEqualTo(new FileInfo("/etc/shadow", true, FileKind.FILE, 0640, "root",
                "shadow", 0, 42));
        assertThat(info(o, "/etc/shadow").describe()).isEqualTo("0640 root:shadow");
    }

    @Test
    void aBannerThatEscapesTheRootIsAGapInFilesAndFileLines() {
        TestRoot r = Fixtures.debian12(new TestRoot(dir));
        r.host("/etc/issue.net").toFile().delete();
        r.symlink("/etc/issue.net", "../../../../../../../etc/issue.net");

        Outcome files = Outcome.offline(new FileInfoCollector(), r);
        Outcome lines = Outcome.offline(new FileLinesCollector(), r);

        assertThat(files.facts(FileInfo.class)).extracting(FileInfo::path).doesNotContain("/etc/issue.net");
        assertThat(files.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(files.gaps()).extracting(CoverageGap::collector, CoverageGap::path)
                .containsExactly(tuple("files", "/etc/issue.net"));
        assertThat(lines.gaps()).extracting(CoverageGap::collector, CoverageGap::path)
                .containsExactly(tuple("file-lines", "/etc/issue.net"));
        assertThat(lines.facts(FileLines.class)).extracting(FileLines::path).containsExactly("/etc/issue", "/etc/motd");
    }

    @Test
    void bannersAreShippedLineByLineAndLargeFilesAreNot() {
        TestRoot r = Fixtures.debian12(new TestRoot(dir));
        Outcome o = Outcome.offline(new FileLinesCollector(), r);

        assertThat(o.facts(FileLines.class)).containsExactly(
                new FileLines("/etc/issue", List.of("Debian GNU/Linux 12 \\n \\l", "")),
                new FileLines("/etc/issue.net",
                        List.of("Authorized uses only. All activity may be monitored and reported.")),
                new FileLines("/etc/motd", List.of("",
                        "The programs included with the Debian GNU/Linux system are free software;",
                        "the exact distribution terms for each program are described in the",
                        "individual files in /usr/share/doc/*/copyright.")));

        r.text("/etc/motd", "x".repeat(FileLinesCollector.MAX_BYTES + 1));
        Outcome big = Outcome.offline(new FileLinesCollector(), r);
        assertThat(big.gaps()).containsExactly(new CoverageGap("file-lines", "/etc/motd",
                "larger than 65536 bytes; not read"));
    }

    @Test
    void loginDefsLastOccurrenceWinsAsShadowUtilsReadsIt() {
        Outcome o = Outcome.offline(new LoginDefsCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.facts(Setting.class)).hasSize(18).contains(
                new Setting("login.defs", "PASS_MAX_DAYS", "365"),
                new Setting("login.defs", "PASS_MIN_DAYS", "0"),
                new Setting("login.defs", "UID_MIN", "1000"),
                new Setting("login.defs", "ENCRYPT_METHOD", "SHA512"),
                new Setting("login.defs", "ENV_PATH", "PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"));
        assertThat(LoginDefsCollector.parse(List.of("ENCRYPT_METHOD \"YESCRYPT\"", "PASS_MAX_DAYS 90 # CIS",
                "LONELY_KEY", "  # indented comment"))).containsExactly(
                Map.entry("ENCRYPT_METHOD", "YESCRYPT"), Map.entry("PASS_MAX_DAYS", "90 # CIS"));
    }

    @Test
    void anUnreadableLoginDefsFailsTheCollectorWithAGap() {
        Outcome o = Outcome.offline(new LoginDefsCollector(), new TestRoot(dir).dir("/etc/login.defs"));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail()).isEqualTo("cannot read /etc/login.defs: is a directory");
        assertThat(o.gaps()).containsExactly(new CoverageGap("login.defs", "/etc/login.defs", "is a directory"));
    }

    @Test
    void noLoginDefsIsNothingToRead() {
        Outcome o = Outcome.offline(new LoginDefsCollector(), new TestRoot(dir).dir("/etc"));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("no /etc/login.defs");
    }

    @Test
    void fstabOffline() {
        Outcome o = Outcome.offline(new MountsCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.facts(Mount.class)).containsExactly(
                new Mount("/", "UUID=2f4c1a9e-5d3b-4c7e-9a1f-0b6d8e2c4a71", "ext4", List.of("errors=remount-ro"),
                        "fstab"),
                new Mount("/boot/efi", "UUID=7C1A-3E52", "vfat", List.of("umask=0077"), "fstab"),
                new Mount("none", "UUID=9b3e2d1c-8f7a-4e6b-b5c4-d3e2f1a0b9c8", "swap", List.of("sw"), "fstab"),
                new Mount("/tmp", "tmpfs", "tmpfs",
                        List.of("defaults", "rw", "nosuid", "nodev", "noexec", "relatime", "size=2G"), "fstab"),
                new Mount("/mnt/shared docs", "//fileserver/share docs", "cifs",
                        List.of("credentials=/root/.smb", "_netdev"), "fstab"),
                new Mount("/media/cdrom0", "/dev/sr0", "udf,iso9660", List.of("user", "noauto"), "fstab"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.run().detail()).isEqualTo("6 entries in /etc/fstab; runtime mounts unavailable offline");
        assertThat(o.gaps()).containsExactly(new CoverageGap("mounts", "/proc/self/mounts",
                "runtime mounts cannot be read under an offline root"));
    }

    @Test
    void liveMountsFromProcSelfMounts() {
        TestRoot r = new TestRoot(dir).file("/etc/fstab", "/dev/sda1 / ext4 defaults 0 1");
        r.file("/proc/self/mounts",
                "/dev/sda1 / ext4 rw,relatime 0 0",
                "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0",
                "tmpfs /tmp tmpfs rw,nosuid,nodev 0 0",
                "/dev/sdb1 /mnt/backup\\040disk ext4 rw 0 0");

        Outcome o = Outcome.run(new MountsCollector(), r, true, new HostCommands(List.of()));

        assertThat(o.facts(Mount.class)).containsExactly(
                new Mount("/", "/dev/sda1", "ext4", List.of("defaults"), "fstab"),
                new Mount("/", "/dev/sda1", "ext4", List.of("rw", "relatime"), "runtime"),
                new Mount("/proc", "proc", "proc", List.of("rw", "nosuid", "nodev", "noexec", "relatime"), "runtime"),
                new Mount("/tmp", "tmpfs", "tmpfs", List.of("rw", "nosuid", "nodev"), "runtime"),
                new Mount("/mnt/backup disk", "/dev/sdb1", "ext4", List.of("rw"), "runtime"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
    }

    @Test
    void kernelModulesOfflineNormalizedToDashes() {
        Outcome o = Outcome.offline(new KernelModulesCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.facts(KernelModule.class)).containsExactly(
                new KernelModule("arkfb", null, true, null, "/usr/lib/modprobe.d/fbdev-blacklist.conf"),
                new KernelModule("aty128fb", null, true, null, "/usr/lib/modprobe.d/fbdev-blacklist.conf"),
                new KernelModule("cramfs", "/bin/false", true, null, "/etc/modprobe.d/cis.conf"),
                new KernelModule("freevxfs", "/bin/false", false, null, "/etc/modprobe.d/cis.conf"),
                new KernelModule("usb-storage", "/bin/true", true, null, "/etc/modprobe.d/cis.conf"));
        assertThat(o.facts(KernelModule.class).get(2).notLoadable()).isTrue();
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.run().detail()).isEqualTo("5 modules from 3 modprobe files; loaded modules unknown (see gaps)");
        assertThat(o.gaps()).containsExactly(new CoverageGap("kernel-modules", "/proc/modules",
                "loaded modules cannot be read under an offline root"));
    }

    @Test
    void kernelModulesLiveFirstInstallWinsAndEtcHidesVendorFiles() {
        TestRoot r = new TestRoot(dir);
        r.file("/usr/lib/modprobe.d/dccp.conf", "install dccp /sbin/modprobe --ignore-install dccp");
        r.file("/etc/modprobe.d/dccp.conf", "install dccp /bin/true");
        r.file("/etc/modprobe.d/00-first.conf", "install sctp /bin/false \\", "  # continued");
        r.file("/etc/modprobe.d/zz-last.conf", "install sctp /bin/true", "blacklist usb_storage");
        r.file("/usr/lib/modprobe.d/masked.conf", "install tipc /bin/false");
        r.symlink("/etc/modprobe.d/masked.conf", "/dev/null");
        r.file("/proc/modules",
                "usb_storage 81920 0 - Live 0x0000000000000000",
                "ext4 1064960 1 - Live 0x0000000000000000");

        Outcome o = Outcome.run(new KernelModulesCollector(), r, true, new HostCommands(List.of()));

        assertThat(o.facts(KernelModule.class)).containsExactly(
                new KernelModule("dccp", "/bin/true", false, false, "/etc/modprobe.d/dccp.conf"),
                new KernelModule("ext4", null, false, true, null),
                new KernelModule("sctp", "/bin/false   # continued", false, false, "/etc/modprobe.d/00-first.conf"),
                new KernelModule("usb-storage", null, true, true, "/etc/modprobe.d/zz-last.conf"));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("4 modules from 3 modprobe files; 2 loaded");
    }
}

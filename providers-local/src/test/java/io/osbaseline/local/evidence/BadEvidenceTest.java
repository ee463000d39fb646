package io.osbaseline.local.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence that is cut, garbled, hostile or of another format: each is a SnapshotException that says what is wrong. */
class BadEvidenceTest {
    private static final Machine MACHINE = Machine.builder("vm-1").build();
    private static final String EMPTY_META = "";

    @TempDir
    static Path tmp;
    /** Real evidence of the Debian fixture, to cut and garble. */
    static byte[] good;

    @BeforeAll
    static void collect() throws IOException {
        Path bin = tmp.resolve("bin");
        TestRoot r = Machines.debian(new TestRoot(Files.createDirectory(tmp.resolve("deb12"))), bin);
        good = Collection.run("sh", r.dir(), bin, tmp).evidence();
    }

    private static SnapshotException refused(byte[] evidence) {
        try {
            LinuxEvidence.read(MACHINE, evidence);
        } catch (SnapshotException e) {
            return e;
        }
        throw new AssertionError("the evidence was accepted");
    }

    @Test
    void truncatedEvidenceSaysSo() {
        for (int length : new int[] {good.length - 1, good.length / 2, 40}) {
            assertThat(refused(Arrays.copyOf(good, length)).getMessage())
                    .startsWith("bad Linux evidence: it is truncated")
                    .endsWith(": was the whole output received and decoded?");
        }
    }

    @Test
    void garbledEvidenceIsRefused() {
        for (int offset : new int[] {100, good.length / 3, good.length / 2}) {
            byte[] garbled = good.clone();
            for (int i = offset; i < offset + 16; i++) {
                garbled[i] ^= 0x5a;
            }
            // where the damage lands decides what breaks first: the deflate stream, the tar headers, an entry's
            // name, or at the latest the check sum in the gzip trailer
            assertThat(refused(garbled).getMessage()).startsWith("bad Linux evidence: ");
        }
    }

    @Test
    void whatIsNotGzipIsRefusedWithAHint() {
        // the base64 text itself, not decoded: the most likely mistake
        byte[] text = Base64.getMimeEncoder().encode(good);

        assertThat(refused(text).getMessage()).isEqualTo("bad Linux evidence: it is not gzip data (Not in GZIP "
                + "format); expected the collector script's output, base64-decoded");
        assertThat(refused(new byte[0]).getMessage()).startsWith("bad Linux evidence: it is not gzip data");
    }

    @Test
    void theManifestComesFirstAndNamesAFormatThisReaderKnows() {
        byte[] newer = new Archive().file("osbaseline/manifest", "format=2\nscript=x\ncollected=2030-01-01T00:00:00Z\n"
                + "root=/\n").bytes();
        byte[] noManifest = new Archive().file("root/etc/passwd", "root:x:0:0::/root:/bin/sh\n").bytes();
        byte[] badTime = new Archive().file("osbaseline/manifest", "format=1\nscript=x\ncollected=yesterday\n"
                + "root=/\n").bytes();

        assertThat(refused(newer).getMessage()).isEqualTo("bad Linux evidence: it is in evidence format 2, and this "
                + "SDK reads format 1: update osbaseline to read it");
        assertThat(refused(noManifest).getMessage()).isEqualTo("bad Linux evidence: its first entry is "
                + "'root/etc/passwd', not osbaseline/manifest; is it the output of the osbaseline collector script?");
        assertThat(refused(badTime).getMessage())
                .isEqualTo("bad Linux evidence: osbaseline/manifest: collected 'yesterday' is not a UTC time");
        assertThat(refused(new Archive().bytes()).getMessage()).isEqualTo("bad Linux evidence: it is empty");
    }

    @Test
    void entriesThatCouldLeaveARootAreRefused() {
        assertThat(refused(Archive.withManifest().file("root/etc/../../etc/cron.d/x", "* * * * * root sh")
                .bytes()).getMessage())
                .isEqualTo("bad Linux evidence: entry 'root/etc/../../etc/cron.d/x' has a '..' component");
        assertThat(refused(Archive.withManifest().file("/etc/passwd", "root:x:0:0::/root:/bin/sh").bytes())
                .getMessage()).isEqualTo("bad Linux evidence: entry '/etc/passwd' has an absolute or empty name");
        assertThat(refused(Archive.withManifest().file("etc/passwd", "root:x:0:0::/root:/bin/sh").bytes())
                .getMessage()).isEqualTo("bad Linux evidence: entry 'etc/passwd' is outside root/ and osbaseline/");
        assertThat(refused(Archive.withManifest().file("root/etc/passwd", "a").file("root/etc/passwd", "b")
                .bytes()).getMessage()).isEqualTo("bad Linux evidence: entry 'root/etc/passwd' appears twice");
        assertThat(refused(Archive.withManifest().hardLink("root/etc/shadow", "root/etc/nothing").bytes())
                .getMessage()).isEqualTo("bad Linux evidence: entry 'root/etc/shadow' is a hard link to "
                + "'root/etc/nothing', which is not an earlier file");
    }

    @Test
    void aSymlinkInTheEvidenceStaysInsideTheMachine() throws SnapshotException {
        // a link is data, never followed on this host: it leads to the machine's own file or nowhere
        byte[] evidence = Archive.withManifest()
                .file("root/etc/os-release", "ID=debian\n")
                .file("root/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                .symlink("root/etc/shadow", "../../../../etc/shadow")
                .meta("*\t/etc\n", EMPTY_META, EMPTY_META, EMPTY_META, EMPTY_META).bytes();

        ConfigurationSnapshot s = LinuxEvidence.read(MACHINE, evidence);

        assertThat(s.coverage().gaps()).contains(new CoverageGap("accounts", "/etc/shadow",
                "symbolic link /etc/shadow -> ../../../../etc/shadow leads above the root; not followed"));
    }

    @Test
    void sizesAreBounded() throws IOException {
        byte[] bigFile = Archive.withManifest().file("root/var/lib/dpkg/status",
                new byte[EvidenceReader.MAX_FILE_BYTES + 1], 0644).bytes();
        assertThat(refused(bigFile).getMessage()).isEqualTo("bad Linux evidence: entry 'root/var/lib/dpkg/status' is "
                + (EvidenceReader.MAX_FILE_BYTES + 1) + " bytes, more than " + EvidenceReader.MAX_FILE_BYTES);

        // a small download that inflates far beyond what any machine's evidence holds
        Archive files = Archive.withManifest();
        byte[] zeros = new byte[EvidenceReader.MAX_FILE_BYTES - 1];
        for (long n = 0; n <= EvidenceReader.MAX_TOTAL_BYTES; n += zeros.length) {
            files.file("root/var/tmp/f" + n, zeros, 0644);
        }
        byte[] bomb = files.bytes();
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(refused(bomb).getMessage()).isEqualTo("bad Linux evidence: it is more than "
                + EvidenceReader.MAX_TOTAL_BYTES + " bytes once uncompressed");
    }

    @Test
    void aBrokenMetadataFileNamesItsLine() {
        byte[] evidence = Archive.withManifest().file("root/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                .meta("*\t/etc\nnot a listing\n", EMPTY_META, EMPTY_META, EMPTY_META, EMPTY_META).bytes();
        byte[] dotDot = Archive.withManifest()
                .meta(EMPTY_META, "/etc/../shadow\n", EMPTY_META, EMPTY_META, EMPTY_META).bytes();
        byte[] noPrograms = Archive.withManifest().file("osbaseline/listed", "").bytes();

        assertThat(refused(evidence).getMessage())
                .isEqualTo("bad Linux evidence: osbaseline/listed:2: expected GLOB<TAB>DIRECTORY");
        assertThat(refused(dotDot).getMessage())
                .isEqualTo("bad Linux evidence: osbaseline/absent:1: '..' in path: /etc/../shadow");
        assertThat(refused(noPrograms).getMessage())
                .isEqualTo("bad Linux evidence: it has no osbaseline/unread; was the script's output cut short?");
    }

    @Test
    void whatTheScriptDidNotCaptureIsAGapNeverAnAbsence() throws SnapshotException {
        // evidence of an older script that captured os-release, passwd and the ssh directories' absence only
        byte[] evidence = Archive.withManifest()
                .file("root/etc/os-release", "ID=debian\n")
                .file("root/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                .meta(EMPTY_META, "/etc/ssh\n/usr/etc/ssh\n", EMPTY_META, EMPTY_META, EMPTY_META).bytes();

        ConfigurationSnapshot s = LinuxEvidence.read(MACHINE, evidence);

        String notCollected = "not in the evidence (collector script " + LinuxEvidence.scriptId()
                + " did not capture it)";
        // sshd: the machine has no /etc/ssh, and the evidence says so
        assertThat(s.coverage().run("sshd").orElseThrow().detail())
                .isEqualTo("no /etc/ssh/sshd_config: OpenSSH server not configured");
        assertThat(s.facts(SshdOption.class)).isEmpty();
        // login.defs was not captured: a failed collector with the reason, not "no /etc/login.defs"
        assertThat(s.coverage().run("login.defs").orElseThrow())
                .isEqualTo(CollectorRun.failed("login.defs", "cannot read /etc/login.defs: " + notCollected));
        assertThat(s.coverage().gaps()).contains(new CoverageGap("files", "/etc/shadow", notCollected));
        assertThat(s.facts(FileInfo.class)).contains(FileInfo.absent("/etc/ssh/sshd_config"))
                .noneMatch(f -> f.path().equals("/etc/shadow"));
        assertThat(s.coverage().run("packages").orElseThrow().status()).isEqualTo(CollectorStatus.FAILED);
        // the commands it did not record: run, they say so
        assertThat(s.coverage().gaps()).noneMatch(g -> g.reason().contains("no rpm command"));
    }

    @Test
    void aCommandThatWasNotRecordedFailsAsSuch() throws SnapshotException {
        byte[] evidence = Archive.withManifest()
                .file("root/etc/os-release", "ID=rhel\n")
                .directory("root/run/systemd/system")
                .file("root/var/lib/rpm/rpmdb.sqlite", "SQLite format 3")
                .meta("*\t/run/systemd/system\n", EMPTY_META, EMPTY_META, EMPTY_META, EMPTY_META).bytes();

        ConfigurationSnapshot s = LinuxEvidence.read(MACHINE, evidence);

        assertThat(s.coverage().gaps()).contains(
                new CoverageGap("packages", "/var/lib/rpm", "'rpm -qa --qf %{NAME}\\t%{VERSION}-%{RELEASE}\\n' was "
                        + "not recorded on the machine"),
                new CoverageGap("services", "systemctl", "'systemctl list-units --all --no-legend --plain "
                        + "--no-pager' was not recorded on the machine"));
        assertThat(new String(evidence, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("\u001f\u008b");
    }
}

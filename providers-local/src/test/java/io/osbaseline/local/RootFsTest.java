package io.osbaseline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.fact.FileKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The confinement semantics of {@link RootFs}, the same over a root on disk and over an in-memory tree. */
class RootFsTest {
    @TempDir
    Path tmp;
    TestRoot r;
    Path outside;

    /** Where the root's entries are: the test root itself, or an in-memory copy of it. */
    enum Backend {
        DISK, MEMORY;

        RootFs of(TestRoot root) throws IOException {
            return this == DISK ? RootFs.of(root.dir()) : RootFs.of(MemoryTrees.copyOf(root.dir()));
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        r = new TestRoot(Files.createDirectory(tmp.resolve("root")));
        outside = Files.writeString(tmp.resolve("outside-secret.txt"), "host file, not the image's");
        r.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash");
        r.file("/usr/share/crypto-policies/DEFAULT/opensshserver.txt", "Ciphers aes256-gcm@openssh.com");
    }

    private static String read(RootFs fs, String path) throws IOException {
        return new String(fs.read(path, 1024).orElseThrow(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void absoluteSymlinkResolvesInsideTheRoot(Backend backend) throws IOException {
        r.symlink("/etc/crypto-policies/back-ends/opensshserver.config",
                "/usr/share/crypto-policies/DEFAULT/opensshserver.txt");
        RootFs fs = backend.of(r);

        assertThat(fs.resolve("/etc/crypto-policies/back-ends/opensshserver.config"))
                .contains("/usr/share/crypto-policies/DEFAULT/opensshserver.txt");
        assertThat(read(fs, "/etc/crypto-policies/back-ends/opensshserver.config"))
                .isEqualTo("Ciphers aes256-gcm@openssh.com\n");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void absoluteSymlinkToAHostPathIsNotTheHostFile(Backend backend) throws IOException {
        // the target exists on the host, but a chrooted reader would look for it inside the root
        r.symlink("/etc/motd", outside.toString());
        RootFs fs = backend.of(r);

        assertThat(fs.resolve("/etc/motd")).isEmpty();
        assertThat(fs.read("/etc/motd", 1024)).isEmpty();
        assertThat(fs.exists("/etc/motd")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void relativeSymlinkThatClimbsAboveTheRootIsRefused(Backend backend) throws IOException {
        r.symlink("/etc/ssh/sshd_config", "../../../outside-secret.txt");
        RootFs fs = backend.of(r);

        assertThatThrownBy(() -> fs.read("/etc/ssh/sshd_config", 1024))
                .isInstanceOf(RootEscapeException.class)
                .hasMessageContaining("/etc/ssh/sshd_config")
                .hasMessageContaining("/etc/ssh/sshd_config -> ../../../outside-secret.txt")
                .hasMessageContaining("leads above the root");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void dotDotAboveTheRootInThePathIsRefused(Backend backend) throws IOException {
        RootFs fs = backend.of(r);

        assertThatThrownBy(() -> fs.resolve("/../outside-secret.txt"))
                .isInstanceOf(RootEscapeException.class)
                .hasMessageContaining("'..' climbs above the root");
        assertThatThrownBy(() -> fs.resolve("/etc/../../outside-secret.txt"))
                .isInstanceOf(RootEscapeException.class);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void dotDotInsideTheRootIsFollowed(Backend backend) throws IOException {
        RootFs fs = backend.of(r);

        assertThat(read(fs, "/etc/../etc/./passwd")).startsWith("root:x:0:0");
        assertThat(fs.resolve("/etc/..")).contains("/");
        assertThat(fs.stat("/etc/..").orElseThrow().kind()).isEqualTo(FileKind.DIRECTORY);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void dotDotAfterASymlinkedDirectoryIsPhysical(Backend backend) throws IOException {
        r.symlink("/etc/policy", "/usr/share/crypto-policies/DEFAULT");
        RootFs fs = backend.of(r);

        // /etc/policy/.. is /usr/share/crypto-policies (where the link points), not /etc
        assertThat(fs.resolve("/etc/policy/../DEFAULT/opensshserver.txt"))
                .contains("/usr/share/crypto-policies/DEFAULT/opensshserver.txt");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void absoluteSymlinkWithDotDotsStaysRefusedAtTheRoot(Backend backend) throws IOException {
        r.symlink("/etc/evil", "/../../" + tmp.getFileName() + "/outside-secret.txt");
        RootFs fs = backend.of(r);

        assertThatThrownBy(() -> fs.resolve("/etc/evil")).isInstanceOf(RootEscapeException.class);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void symlinkLoopIsAnErrorNotAHang(Backend backend) throws IOException {
        r.symlink("/etc/a", "b").symlink("/etc/b", "a");
        RootFs fs = backend.of(r);

        assertThatThrownBy(() -> fs.resolve("/etc/a"))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void danglingSymlinkAndMissingComponentsAreAbsent(Backend backend) throws IOException {
        r.symlink("/etc/dangling", "/nowhere/file");
        RootFs fs = backend.of(r);

        assertThat(fs.resolve("/etc/dangling")).isEmpty();
        assertThat(fs.resolve("/etc/passwd/child")).isEmpty();
        assertThat(fs.resolve("/no/such/dir")).isEmpty();
        assertThat(fs.resolveNoFollow("/etc/dangling")).contains("/etc/dangling");
        assertThat(fs.readLink("/etc/dangling")).contains("/nowhere/file");
        assertThat(fs.readLink("/etc/passwd")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void statFollowsLinksInsideTheRoot(Backend backend) throws IOException {
        r.mode("/etc/passwd", 0644).symlink("/etc/passwd.link", "passwd");
        r.dir("/var/log/journal").mode("/var/log/journal", 02755);
        RootFs fs = backend.of(r);

        RootFs.Stat passwd = fs.stat("/etc/passwd.link").orElseThrow();
        assertThat(passwd.kind()).isEqualTo(FileKind.FILE);
        assertThat(passwd.mode()).isEqualTo(0644);
        RootFs.Stat journal = fs.stat("/var/log/journal").orElseThrow();
        assertThat(journal.kind()).isEqualTo(FileKind.DIRECTORY);
        assertThat(journal.mode()).isEqualTo(02755);
        assertThat(fs.stat("/etc/shadow")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyRegularFilesAreRead(Backend backend) throws IOException {
        RootFs fs = backend.of(r);

        assertThatThrownBy(() -> fs.read("/etc", 1024))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("is a directory");
    }

    @Test
    void aDeviceOfTheHostIsNotRead() {
        // on the host root, a device must not be read (a link to /dev/zero would never end)
        assertThatThrownBy(() -> RootFs.host().read("/dev/zero", 1024))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("not a regular file");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFileLargerThanTheLimitIsRefused(Backend backend) throws IOException {
        r.text("/etc/big", "x".repeat(2000));
        RootFs fs = backend.of(r);

        assertThatThrownBy(() -> fs.read("/etc/big", 1024))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("larger than 1024 bytes");
        assertThat(fs.read("/etc/big", 2000).orElseThrow()).hasSize(2000);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void globIsSortedSkipsDotFilesAndExpandsEveryComponent(Backend backend) throws IOException {
        r.file("/etc/ssh/sshd_config.d/50-cloud-init.conf").file("/etc/ssh/sshd_config.d/10-a.conf")
                .file("/etc/ssh/sshd_config.d/.hidden.conf").file("/etc/ssh/sshd_config.d/README")
                .file("/etc/ssh/other.d/01-x.conf");
        RootFs fs = backend.of(r);

        assertThat(fs.glob("/etc/ssh/sshd_config.d/*.conf"))
                .containsExactly("/etc/ssh/sshd_config.d/10-a.conf", "/etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(fs.glob("/etc/ssh/*.d/[0-9]*.conf")).containsExactly("/etc/ssh/other.d/01-x.conf",
                "/etc/ssh/sshd_config.d/10-a.conf", "/etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(fs.glob("/etc/ssh/none.d/*.conf")).isEmpty();
        assertThat(fs.glob("/etc/ssh/literal.conf")).containsExactly("/etc/ssh/literal.conf");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listIsSorted(Backend backend) throws IOException {
        r.file("/etc/pam.d/sshd").file("/etc/pam.d/common-auth").file("/etc/pam.d/su");
        RootFs fs = backend.of(r);

        assertThat(fs.list("/etc/pam.d")).contains(List.of("common-auth", "sshd", "su"));
        assertThat(fs.list("/etc/none")).isEmpty();
        assertThatThrownBy(() -> fs.list("/etc/passwd")).hasMessageContaining("not a directory");
    }

    @Test
    void theHostDirectoryOfARootIsKnownOnDiskOnly() throws IOException {
        assertThat(RootFs.of(r.dir()).root()).isEqualTo(r.dir().toRealPath());
        assertThat(RootFs.of(MemoryTrees.copyOf(r.dir())).root()).isNull();
    }

    // --- what only an in-memory tree can say: a path it was not given is not collected, not absent

    private static MemoryTree.Builder partialTree() {
        return MemoryTree.builder("not in the evidence")
                .file("/etc/passwd", 0644, 0, 0, "root:x:0:0::/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8))
                .directory("/etc/pam.d", 0755, 0, 0).listed("/etc/pam.d")
                .file("/etc/pam.d/su", 0644, 0, 0, new byte[0])
                .absent("/etc/ssh")
                .directory("/root", 0700, 0, 0).listed("/root", ".*")
                .unreadableFile("/root/.netrc", 0600, 1000, 1000, "not collected: only its mode and owner were")
                .unreadableFile("/etc/shadow", 0640, 0, 42, RootFs.PERMISSION_DENIED)
                .named("/etc/systemd/system/basic.target", MemoryTree.Kind.FILE)
                .named("/etc/systemd/system/x.service", MemoryTree.Kind.SYMLINK);
    }

    @Test
    void aPathTheTreeWasNotGivenIsNotCollectedRatherThanAbsent() throws IOException {
        RootFs fs = RootFs.of(partialTree().build());

        assertThat(read(fs, "/etc/passwd")).startsWith("root:x:0:0");
        // /etc was not listed, and /etc/login.defs was not looked for: unknown, not absent
        assertThatThrownBy(() -> fs.read("/etc/login.defs", 1024)).isInstanceOf(FileSystemException.class)
                .hasMessage("/etc/login.defs: not in the evidence");
        assertThatThrownBy(() -> fs.list("/etc")).hasMessage("/etc: listing not in the evidence");
        // a listed directory knows what it does not hold; an absent path is absent with all it would hold
        assertThat(fs.read("/etc/pam.d/sshd", 1024)).isEmpty();
        assertThat(fs.list("/etc/pam.d")).contains(List.of("su"));
        assertThat(fs.exists("/etc/ssh/sshd_config")).isFalse();
        // /etc is only a parent: it can be walked through, but has no mode of its own
        assertThatThrownBy(() -> fs.stat("/etc")).hasMessage("/etc: mode and owner not in the evidence");
    }

    @Test
    void partlyListedDirectoriesAnswerForTheNamesTheyCover() throws IOException {
        RootFs fs = RootFs.of(partialTree().build());

        assertThat(fs.stat("/root/.netrc")).contains(new RootFs.Stat(FileKind.FILE, 0600, 1000, 1000));
        assertThat(fs.exists("/root/.rhosts")).isFalse();
        assertThatThrownBy(() -> fs.read("/root/.netrc", 1024))
                .hasMessage("/root/.netrc: not collected: only its mode and owner were");
        assertThatThrownBy(() -> fs.exists("/root/notes.txt")).hasMessage("/root/notes.txt: not in the evidence");
        assertThatThrownBy(() -> fs.list("/root"))
                .hasMessage("/root: only the entries named .* were collected; the directory cannot be listed");
        // a glob for dot files needs no more than what was collected
        assertThat(fs.glob("/root/.*")).containsExactly("/root/.netrc");
        assertThatThrownBy(() -> fs.glob("/root/*")).hasMessageStartingWith("/root: only the entries named .*");
    }

    @Test
    void unreadableAndNameOnlyEntriesFailAsTheyWouldOnDisk() throws IOException {
        RootFs fs = RootFs.of(partialTree().build());

        assertThatThrownBy(() -> fs.read("/etc/shadow", 1024)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("/etc/shadow");
        assertThat(fs.stat("/etc/shadow")).contains(new RootFs.Stat(FileKind.FILE, 0640, 0, 42));
        assertThat(fs.exists("/etc/systemd/system/basic.target")).isTrue();
        assertThatThrownBy(() -> fs.read("/etc/systemd/system/basic.target", 1024))
                .hasMessage("/etc/systemd/system/basic.target: not in the evidence");
        assertThatThrownBy(() -> fs.readLink("/etc/systemd/system/x.service"))
                .hasMessage("/etc/systemd/system/x.service: link target not in the evidence");
    }

    @Test
    void aTreeRefusesWhatNoFileSystemHolds() {
        assertThatThrownBy(() -> MemoryTree.builder("x").file("/etc/../shadow", 0, 0, 0, new byte[0]))
                .hasMessage("'..' in path: /etc/../shadow");
        assertThatThrownBy(() -> MemoryTree.builder("x").file("etc/passwd", 0, 0, 0, new byte[0]))
                .hasMessage("not an absolute path: etc/passwd");
        assertThatThrownBy(() -> MemoryTree.builder("x").file("/etc", 0, 0, 0, new byte[0])
                .file("/etc/passwd", 0, 0, 0, new byte[0]))
                .hasMessage("/etc/passwd is inside /etc, which is not a directory");
        assertThatThrownBy(() -> MemoryTree.builder("x").file("/a", 0, 0, 0, new byte[0])
                .file("/a", 0, 0, 0, new byte[0])).hasMessage("duplicate entry /a");
        assertThatThrownBy(() -> MemoryTree.builder("x").file("/a", 010644, 0, 0, new byte[0]))
                .hasMessageStartingWith("invalid mode or owner");
    }
}

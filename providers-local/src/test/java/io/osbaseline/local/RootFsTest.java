package io.osbaseline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.fact.FileKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootFsTest {
    @TempDir
    Path tmp;
    TestRoot r;
    RootFs fs;
    Path outside;

    @BeforeEach
    void setUp() throws IOException {
        r = new TestRoot(Files.createDirectory(tmp.resolve("root")));
        outside = Files.writeString(tmp.resolve("outside-secret.txt"), "host file, not the image's");
        r.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash");
        r.file("/usr/share/crypto-policies/DEFAULT/opensshserver.txt", "Ciphers aes256-gcm@openssh.com");
        fs = RootFs.of(r.dir());
    }

    private String read(String path) throws IOException {
        return new String(fs.read(path, 1024).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void absoluteSymlinkResolvesInsideTheRoot() throws IOException {
        r.symlink("/etc/crypto-policies/back-ends/opensshserver.config",
                "/usr/share/crypto-policies/DEFAULT/opensshserver.txt");

        assertThat(fs.resolve("/etc/crypto-policies/back-ends/opensshserver.config"))
                .contains(r.host("/usr/share/crypto-policies/DEFAULT/opensshserver.txt"));
        assertThat(read("/etc/crypto-policies/back-ends/opensshserver.config"))
                .isEqualTo("Ciphers aes256-gcm@openssh.com\n");
    }

    @Test
    void absoluteSymlinkToAHostPathIsNotTheHostFile() throws IOException {
        // the target exists on the host, but a chrooted reader would look for it inside the root
        r.symlink("/etc/motd", outside.toString());

        assertThat(fs.resolve("/etc/motd")).isEmpty();
        assertThat(fs.read("/etc/motd", 1024)).isEmpty();
    }

    @Test
    void relativeSymlinkThatClimbsAboveTheRootIsRefused() {
        r.symlink("/etc/ssh/sshd_config", "../../../outside-secret.txt");

        assertThatThrownBy(() -> fs.read("/etc/ssh/sshd_config", 1024))
                .isInstanceOf(RootEscapeException.class)
                .hasMessageContaining("/etc/ssh/sshd_config")
                .hasMessageContaining("/etc/ssh/sshd_config -> ../../../outside-secret.txt")
                .hasMessageContaining("leads above the root");
    }

    @Test
    void dotDotAboveTheRootInThePathIsRefused() {
        assertThatThrownBy(() -> fs.resolve("/../outside-secret.txt"))
                .isInstanceOf(RootEscapeException.class)
                .hasMessageContaining("'..' climbs above the root");
        assertThatThrownBy(() -> fs.resolve("/etc/../../outside-secret.txt"))
                .isInstanceOf(RootEscapeException.class);
    }

    @Test
    void dotDotInsideTheRootIsFollowed() throws IOException {
        assertThat(read("/etc/../etc/./passwd")).startsWith("root:x:0:0");
    }

    @Test
    void dotDotAfterASymlinkedDirectoryIsPhysical() throws IOException {
        r.symlink("/etc/policy", "/usr/share/crypto-policies/DEFAULT");
        // /etc/policy/.. is /usr/share/crypto-policies (where the link points), not /etc
        assertThat(fs.resolve("/etc/policy/../DEFAULT/opensshserver.txt"))
                .contains(r.host("/usr/share/crypto-policies/DEFAULT/opensshserver.txt"));
    }

    @Test
    void absoluteSymlinkWithDotDotsStaysRefusedAtTheRoot() {
        r.symlink("/etc/evil", "/../../" + tmp.getFileName() + "/outside-secret.txt");

        assertThatThrownBy(() -> fs.resolve("/etc/evil")).isInstanceOf(RootEscapeException.class);
    }

    @Test
    void symlinkLoopIsAnErrorNotAHang() {
        r.symlink("/etc/a", "b").symlink("/etc/b", "a");

        assertThatThrownBy(() -> fs.resolve("/etc/a"))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void danglingSymlinkAndMissingComponentsAreAbsent() throws IOException {
        r.symlink("/etc/dangling", "/nowhere/file");

        assertThat(fs.resolve("/etc/dangling")).isEmpty();
        assertThat(fs.resolve("/etc/passwd/child")).isEmpty();
        assertThat(fs.resolve("/no/such/dir")).isEmpty();
        assertThat(fs.resolveNoFollow("/etc/dangling")).contains(r.host("/etc/dangling"));
        assertThat(fs.readLink("/etc/dangling")).contains("/nowhere/file");
        assertThat(fs.readLink("/etc/passwd")).isEmpty();
    }

    @Test
    void statFollowsLinksInsideTheRoot() throws IOException {
        r.mode("/etc/passwd", 0644).symlink("/etc/passwd.link", "passwd");
        r.dir("/var/log/journal").mode("/var/log/journal", 02755);

        RootFs.Stat passwd = fs.stat("/etc/passwd.link").orElseThrow();
        assertThat(passwd.kind()).isEqualTo(FileKind.FILE);
        assertThat(passwd.mode()).isEqualTo(0644);
        RootFs.Stat journal = fs.stat("/var/log/journal").orElseThrow();
        assertThat(journal.kind()).isEqualTo(FileKind.DIRECTORY);
        assertThat(journal.mode()).isEqualTo(02755);
        assertThat(fs.stat("/etc/shadow")).isEmpty();
    }

    @Test
    void onlyRegularFilesAreRead() throws IOException {
        assertThatThrownBy(() -> fs.read("/etc", 1024))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("is a directory");
        // on the host root, a device must not be read (a link to /dev/zero would never end)
        assertThatThrownBy(() -> RootFs.host().read("/dev/zero", 1024))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() {
        r.text("/etc/big", "x".repeat(2000));

        assertThatThrownBy(() -> fs.read("/etc/big", 1024))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void globIsSortedSkipsDotFilesAndExpandsEveryComponent() throws IOException {
        r.file("/etc/ssh/sshd_config.d/50-cloud-init.conf").file("/etc/ssh/sshd_config.d/10-a.conf")
                .file("/etc/ssh/sshd_config.d/.hidden.conf").file("/etc/ssh/sshd_config.d/README")
                .file("/etc/ssh/other.d/01-x.conf");

        assertThat(fs.glob("/etc/ssh/sshd_config.d/*.conf"))
                .containsExactly("/etc/ssh/sshd_config.d/10-a.conf", "/etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(fs.glob("/etc/ssh/*.d/[0-9]*.conf")).containsExactly("/etc/ssh/other.d/01-x.conf",
                "/etc/ssh/sshd_config.d/10-a.conf", "/etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(fs.glob("/etc/ssh/none.d/*.conf")).isEmpty();
        assertThat(fs.glob("/etc/ssh/literal.conf")).containsExactly("/etc/ssh/literal.conf");
    }

    @Test
    void listIsSorted() throws IOException {
        r.file("/etc/pam.d/sshd").file("/etc/pam.d/common-auth").file("/etc/pam.d/su");

        assertThat(fs.list("/etc/pam.d")).contains(java.util.List.of("common-auth", "sshd", "su"));
        assertThat(fs.list("/etc/none")).isEmpty();
        assertThatThrownBy(() -> fs.list("/etc/passwd")).hasMessageContaining("not a directory");
    }
}

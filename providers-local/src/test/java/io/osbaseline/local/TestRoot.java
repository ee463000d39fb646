package io.osbaseline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Builds a file system root of real files, directories and symbolic links in a test's temporary directory. */
public final class TestRoot {
    private final Path dir;

    public TestRoot(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The host path of {@code path} inside the root. */
    public Path host(String path) {
        return dir.resolve(path.substring(1));
    }

    /** Writes a text file of {@code lines}, each ended by a newline. */
    public TestRoot file(String path, String... lines) {
        return text(path, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    }

    public TestRoot text(String path, String content) {
        try {
            Path p = host(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRoot dir(String path) {
        try {
            Files.createDirectories(host(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symbolic link at {@code path} whose target is {@code target}, written as given (absolute or relative). */
    public TestRoot symlink(String path, String target) {
        try {
            Path p = host(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the permission bits, setuid, setgid and sticky included. */
    public TestRoot mode(String path, int mode) {
        try {
            Files.setAttribute(host(path), "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes the owner when the test runs as root; otherwise leaves the owner as it is. */
    public TestRoot owner(String path, int uid, int gid) {
        if (!isRoot()) {
            return this;
        }
        try {
            Files.setAttribute(host(path), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(host(path), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the tests run with uid 0 (they can then chown, and read files whatever their mode). */
    public static boolean isRoot() {
        try {
            Path probe = Files.createTempFile("osbaseline-uid", ".tmp");
            try {
                return (Integer) Files.getAttribute(probe, "unix:uid") == 0;
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

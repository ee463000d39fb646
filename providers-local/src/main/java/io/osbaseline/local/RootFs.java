package io.osbaseline.local;

import io.osbaseline.model.fact.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file system root seen the way a process chrooted into it would see it: {@code /} for the live host, or a
 * directory holding a mounted image or an unpacked container file system. Paths given to it are absolute paths
 * inside the root ({@code /etc/passwd}).
 *
 * <p>Symbolic links are resolved here, one component at a time, never by the host: an absolute target is taken
 * relative to the root, and a {@code ..} that would climb above the root is refused with a
 * {@link RootEscapeException}. Only regular files are read, so that a link to a device cannot make a read endless.
 */
public final class RootFs {
    private static final int MAX_SYMLINKS = 40;
    /** Larger files are refused rather than read into memory. */
    public static final int MAX_FILE_BYTES = 64 << 20;

    private final Path root;

    private RootFs(Path root) {
        this.root = root;
    }

    /** The live host's root, {@code /}. */
    public static RootFs host() {
        return new RootFs(Path.of("/"));
    }

    /**
     * The root at {@code dir}.
     *
     * @throws IOException when {@code dir} does not exist or is not a directory
     */
    public static RootFs of(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(dir.toString());
        }
        return new RootFs(real);
    }

    /** The root's directory on the host, real and absolute. */
    public Path root() {
        return root;
    }

    /**
     * Where {@code path} is on the host, following symbolic links inside the root.
     *
     * @return empty when the path does not exist (a missing component, a dangling link)
     * @throws RootEscapeException when resolving would leave the root
     * @throws IOException when a component cannot be read
     */
    public Optional<Path> resolve(String path) throws IOException {
        return resolve(path, true);
    }

    /** Like {@link #resolve(String)}, but a symbolic link in the last component is returned, not followed. */
    public Optional<Path> resolveNoFollow(String path) throws IOException {
        return resolve(path, false);
    }

    private Optional<Path> resolve(String path, boolean followLast) throws IOException {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        Deque<String> todo = new ArrayDeque<>(components(path));
        List<String> done = new ArrayList<>();
        String lastLink = null;
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (done.isEmpty()) {
                    throw new RootEscapeException(path, lastLink == null ? "'..' climbs above the root"
                            : "symbolic link " + lastLink + " leads above the root; not followed");
                }
                done.remove(done.size() - 1);
                continue;
            }
            Path host = onHost(done).resolve(name);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (attrs.isSymbolicLink() && (followLast || !todo.isEmpty())) {
                if (++links > MAX_SYMLINKS) {
                    throw new FileSystemException(path, null, "too many levels of symbolic links");
                }
                String target = Files.readSymbolicLink(host).toString();
                lastLink = guest(done, name) + " -> " + target;
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                continue;
            }
            done.add(name);
            if (!todo.isEmpty() && !attrs.isDirectory()) {
                return Optional.empty();
            }
        }
        return Optional.of(onHost(done));
    }

    /**
     * The content of a regular file, at most {@code maxBytes} long.
     *
     * @return empty when the file does not exist
     * @throws IOException when it cannot be read, is not a regular file, or is larger than {@code maxBytes}
     */
    public Optional<byte[]> read(String path, int maxBytes) throws IOException {
        Optional<Path> found = resolve(path);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path host = found.get();
        BasicFileAttributes attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new FileSystemException(path, null, attrs.isDirectory() ? "is a directory" : "not a regular file");
        }
        // NOFOLLOW_LINKS: the path was resolved above; a link swapped in since then is not followed by the host
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(host,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new FileSystemException(path, null, "larger than " + maxBytes + " bytes; not read");
            }
            return Optional.of(bytes);
        }
    }

    /**
     * The lines of a text file (UTF-8, malformed bytes replaced), without terminators.
     *
     * @return empty when the file does not exist
     * @throws IOException when it cannot be read
     */
    public Optional<List<String>> readLines(String path) throws IOException {
        return read(path, MAX_FILE_BYTES).map(b -> new String(b, StandardCharsets.UTF_8).lines().toList());
    }

    /**
     * The names in a directory, sorted.
     *
     * @return empty when the directory does not exist
     * @throws IOException when it cannot be listed or is not a directory
     */
    public Optional<List<String>> list(String dir) throws IOException {
        Optional<Path> found = resolve(dir);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isDirectory(found.get(), LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(dir, null, "not a directory");
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(found.get())) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        names.sort(null);
        return Optional.of(names);
    }

    /**
     * The target of a symbolic link, as written in the link (not resolved).
     *
     * @return empty when the path does not exist or is not a symbolic link
     */
    public Optional<String> readLink(String path) throws IOException {
        Optional<Path> found = resolveNoFollow(path);
        if (found.isEmpty() || !Files.isSymbolicLink(found.get())) {
            return Optional.empty();
        }
        return Optional.of(Files.readSymbolicLink(found.get()).toString());
    }

    /**
     * The kind, permission bits and owner of a path, after following symbolic links inside the root.
     *
     * @return empty when the path does not exist
     */
    public Optional<Stat> stat(String path) throws IOException {
        Optional<Path> found = resolve(path);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> a = Files.readAttributes(found.get(), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int type = mode & 0170000;
        FileKind kind = type == 0100000 ? FileKind.FILE : type == 0040000 ? FileKind.DIRECTORY : FileKind.OTHER;
        return Optional.of(new Stat(kind, mode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid")));
    }

    /**
     * The paths that a glob(3) pattern names, sorted. Wildcards may appear in any component; names starting with a
     * dot only match a pattern that starts with a dot. Components without wildcards are kept as given, whether or not
     * they exist, so that the caller meets (and records) a missing or refused path when it reads it.
     */
    public List<String> glob(String pattern) throws IOException {
        List<String> prefixes = List.of("");
        for (String part : components(pattern)) {
            List<String> next = new ArrayList<>();
            if (!Glob.hasWildcard(part)) {
                prefixes.forEach(p -> next.add(p + "/" + part));
            } else {
                Pattern re = Glob.toRegex(part, '/');
                for (String p : prefixes) {
                    for (String name : list(p.isEmpty() ? "/" : p).orElse(List.of())) {
                        if ((!name.startsWith(".") || part.startsWith(".")) && re.matcher(name).matches()) {
                            next.add(p + "/" + name);
                        }
                    }
                }
            }
            prefixes = next;
        }
        return prefixes.stream().map(p -> p.isEmpty() ? "/" : p).sorted().toList();
    }

    private Path onHost(List<String> components) {
        return components.isEmpty() ? root : root.resolve(String.join("/", components));
    }

    private static String guest(List<String> parents, String name) {
        return (parents.isEmpty() ? "" : "/" + String.join("/", parents)) + "/" + name;
    }

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /**
     * What {@code stat} says about a path.
     *
     * @param kind file, directory or other
     * @param mode permission bits including setuid, setgid and sticky
     * @param uid owning uid
     * @param gid owning gid
     */
    public record Stat(FileKind kind, int mode, int uid, int gid) {
    }
}

package io.osbaseline.local;

import io.osbaseline.model.fact.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
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
import javax.annotation.CheckForNull;

/**
 * A file system root seen the way a process chrooted into it would see it: {@code /} for the live host, a directory
 * holding a mounted image or an unpacked container file system, or an in-memory {@link MemoryTree} (the evidence a
 * collector script brought back from a remote machine). Paths given to it are absolute paths inside the root
 * ({@code /etc/passwd}).
 *
 * <p>Symbolic links are resolved here, one component at a time, never by the host, whatever holds the files: an
 * absolute target is taken relative to the root, and a {@code ..} that would climb above the root is refused with a
 * {@link RootEscapeException}. Only regular files are read, so that a link to a device cannot make a read endless.
 */
public final class RootFs {
    private static final int MAX_SYMLINKS = 40;
    /** Larger files are refused rather than read into memory. */
    public static final int MAX_FILE_BYTES = 64 << 20;
    /**
     * The reason that makes an unreadable {@link MemoryTree} entry fail with an {@link AccessDeniedException}, as a
     * file on disk without read permission does.
     */
    public static final String PERMISSION_DENIED = "permission denied";

    private final Backend backend;

    private RootFs(Backend backend) {
        this.backend = backend;
    }

    /** The live host's root, {@code /}. */
    public static RootFs host() {
        return new RootFs(new HostBackend(Path.of("/")));
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
        return new RootFs(new HostBackend(real));
    }

    /** The root held by {@code tree}; paths it does not know fail to read with its not-collected reason. */
    public static RootFs of(MemoryTree tree) {
        return new RootFs(new MemoryBackend(tree));
    }

    /** The root's directory on the host, real and absolute; null for an in-memory root. */
    @CheckForNull
    public Path root() {
        return backend instanceof HostBackend h ? h.root : null;
    }

    /**
     * {@code path} with every symbolic link in it resolved inside the root: where the path leads.
     *
     * @return empty when the path does not exist (a missing component, a dangling link)
     * @throws RootEscapeException when resolving would leave the root
     * @throws IOException when a component cannot be read
     */
    public Optional<String> resolve(String path) throws IOException {
        return resolve(path, true).map(Resolved::path);
    }

    /** Like {@link #resolve(String)}, but a symbolic link in the last component is returned, not followed. */
    public Optional<String> resolveNoFollow(String path) throws IOException {
        return resolve(path, false).map(Resolved::path);
    }

    /** Whether {@code path} exists, following symbolic links inside the root. */
    public boolean exists(String path) throws IOException {
        return resolve(path, true).isPresent();
    }

    private Optional<Resolved> resolve(String path, boolean followLast) throws IOException {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        Deque<String> todo = new ArrayDeque<>(components(path));
        List<String> done = new ArrayList<>();
        MemoryTree.Kind kind = MemoryTree.Kind.DIRECTORY; // the root
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
                kind = MemoryTree.Kind.DIRECTORY;
                continue;
            }
            done.add(name);
            kind = backend.kind(done, guest(done));
            if (kind == null) {
                return Optional.empty();
            }
            if (kind == MemoryTree.Kind.SYMLINK && (followLast || !todo.isEmpty())) {
                if (++links > MAX_SYMLINKS) {
                    throw new FileSystemException(path, null, "too many levels of symbolic links");
                }
                String target = backend.readLink(done, guest(done));
                lastLink = guest(done) + " -> " + target;
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                kind = MemoryTree.Kind.DIRECTORY; // until the target's first component says otherwise
                continue;
            }
            if (!todo.isEmpty() && kind != MemoryTree.Kind.DIRECTORY) {
                return Optional.empty();
            }
        }
        return Optional.of(new Resolved(List.copyOf(done), guest(done), kind));
    }

    /**
     * The content of a regular file, at most {@code maxBytes} long.
     *
     * @return empty when the file does not exist
     * @throws IOException when it cannot be read, is not a regular file, or is larger than {@code maxBytes}
     */
    public Optional<byte[]> read(String path, int maxBytes) throws IOException {
        Optional<Resolved> found = resolve(path, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Resolved r = found.get();
        if (r.kind != MemoryTree.Kind.FILE) {
            throw new FileSystemException(path, null, r.kind == MemoryTree.Kind.DIRECTORY ? "is a directory"
                    : "not a regular file");
        }
        byte[] bytes = backend.read(r.components, r.path, maxBytes);
        if (bytes.length > maxBytes) {
            throw new FileSystemException(path, null, "larger than " + maxBytes + " bytes; not read");
        }
        return Optional.of(bytes);
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
        return list(dir, false);
    }

    /** The names in a directory, or (when {@code dotNamesOnly}) at least those that start with a dot. */
    private Optional<List<String>> list(String dir, boolean dotNamesOnly) throws IOException {
        Optional<Resolved> found = resolve(dir, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().kind != MemoryTree.Kind.DIRECTORY) {
            throw new FileSystemException(dir, null, "not a directory");
        }
        List<String> names = new ArrayList<>(backend.list(found.get().components, found.get().path, dotNamesOnly));
        names.sort(null);
        return Optional.of(names);
    }

    /**
     * The target of a symbolic link, as written in the link (not resolved).
     *
     * @return empty when the path does not exist or is not a symbolic link
     */
    public Optional<String> readLink(String path) throws IOException {
        Optional<Resolved> found = resolve(path, false);
        if (found.isEmpty() || found.get().kind != MemoryTree.Kind.SYMLINK) {
            return Optional.empty();
        }
        return Optional.of(backend.readLink(found.get().components, found.get().path));
    }

    /**
     * The kind, permission bits and owner of a path, after following symbolic links inside the root.
     *
     * @return empty when the path does not exist
     */
    public Optional<Stat> stat(String path) throws IOException {
        Optional<Resolved> found = resolve(path, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(backend.stat(found.get().components, found.get().path));
    }

    /**
     * The kind, permission bits and owner of a path itself: a symbolic link in the last component is not followed
     * (its kind is {@link FileKind#OTHER}).
     *
     * @return empty when the path does not exist
     */
    public Optional<Stat> lstat(String path) throws IOException {
        Optional<Resolved> found = resolve(path, false);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(backend.stat(found.get().components, found.get().path));
    }

    /**
     * The names in a directory that start with a dot, sorted: all that evidence of a home directory holds.
     *
     * @return empty when the directory does not exist
     */
    public Optional<List<String>> listDotNames(String dir) throws IOException {
        return list(dir, true).map(names -> names.stream().filter(n -> n.startsWith(".")).toList());
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
                    // a pattern that starts with a dot needs only the dot names: a partial tree may hold only these
                    for (String name : list(p.isEmpty() ? "/" : p, part.startsWith(".")).orElse(List.of())) {
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

    private static String guest(List<String> components) {
        return "/" + String.join("/", components);
    }

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return backend.toString();
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

    /** A path resolved to its components (no symbolic link among them, except the last when not followed). */
    private record Resolved(List<String> components, String path, MemoryTree.Kind kind) {
    }

    /**
     * Where the entries of a root come from. Every method gets components already resolved by {@link RootFs} (no
     * link among them but perhaps the last) and the same path inside the root, for messages.
     */
    private interface Backend {
        /** The kind of the entry, not following a link; null when it does not exist. */
        @CheckForNull
        MemoryTree.Kind kind(List<String> components, String path) throws IOException;

        String readLink(List<String> components, String path) throws IOException;

        /** At most {@code maxBytes + 1} bytes of a regular file, so that the caller can tell it is too large. */
        byte[] read(List<String> components, String path, int maxBytes) throws IOException;

        /** The names in the directory, or at least those that start with a dot when {@code dotNamesOnly}. */
        List<String> list(List<String> components, String path, boolean dotNamesOnly) throws IOException;

        Stat stat(List<String> components, String path) throws IOException;
    }

    /** Files on the host's disk under {@code root}. */
    private static final class HostBackend implements Backend {
        private final Path root;

        HostBackend(Path root) {
            this.root = root;
        }

        private Path onHost(List<String> components) {
            return components.isEmpty() ? root : root.resolve(String.join("/", components));
        }

        @Override
        @CheckForNull
        public MemoryTree.Kind kind(List<String> components, String path) throws IOException {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(onHost(components), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            return attrs.isSymbolicLink() ? MemoryTree.Kind.SYMLINK : attrs.isDirectory() ? MemoryTree.Kind.DIRECTORY
                    : attrs.isRegularFile() ? MemoryTree.Kind.FILE : MemoryTree.Kind.OTHER;
        }

        @Override
        public String readLink(List<String> components, String path) throws IOException {
            return Files.readSymbolicLink(onHost(components)).toString();
        }

        @Override
        public byte[] read(List<String> components, String path, int maxBytes) throws IOException {
            // NOFOLLOW_LINKS: the path was resolved; a link swapped in since then is not followed by the host
            try (InputStream in = Channels.newInputStream(Files.newByteChannel(onHost(components),
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
                return in.readNBytes(maxBytes + 1);
            }
        }

        @Override
        public List<String> list(List<String> components, String path, boolean dotNamesOnly) throws IOException {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(onHost(components))) {
                for (Path p : entries) {
                    names.add(p.getFileName().toString());
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
            return names;
        }

        @Override
        public Stat stat(List<String> components, String path) throws IOException {
            Map<String, Object> a = Files.readAttributes(onHost(components), "unix:mode,uid,gid",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int type = mode & 0170000;
            FileKind kind = type == 0100000 ? FileKind.FILE : type == 0040000 ? FileKind.DIRECTORY : FileKind.OTHER;
            return new Stat(kind, mode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"));
        }

        @Override
        public String toString() {
            return root.toString();
        }
    }

    /** Entries of a {@link MemoryTree}; what it does not know fails with its not-collected reason. */
    private static final class MemoryBackend implements Backend {
        private final MemoryTree tree;

        MemoryBackend(MemoryTree tree) {
            this.tree = tree;
        }

        private MemoryTree.Node node(String path) throws IOException {
            MemoryTree.Node node = tree.node(path);
            if (node == null) {
                throw new FileSystemException(path, null, tree.notCollected());
            }
            return node;
        }

        @Override
        @CheckForNull
        public MemoryTree.Kind kind(List<String> components, String path) throws IOException {
            MemoryTree.Node node = tree.node(path);
            if (node != null) {
                return node.kind();
            }
            if (tree.knownAbsent(path)) {
                return null;
            }
            throw new FileSystemException(path, null, tree.notCollected());
        }

        @Override
        public String readLink(List<String> components, String path) throws IOException {
            String target = node(path).target();
            if (target == null) {
                throw new FileSystemException(path, null, "link target " + tree.notCollected());
            }
            return target;
        }

        @Override
        public byte[] read(List<String> components, String path, int maxBytes) throws IOException {
            MemoryTree.Node node = node(path);
            if (node.content() == null) {
                throw unreadable(path, node.unreadable() == null ? tree.notCollected() : node.unreadable());
            }
            byte[] content = node.content();
            return Arrays.copyOf(content, Math.min(content.length, maxBytes + 1));
        }

        @Override
        public List<String> list(List<String> components, String path, boolean dotNamesOnly) throws IOException {
            MemoryTree.Node node = node(path);
            if (node.unreadable() != null) {
                throw unreadable(path, node.unreadable());
            }
            List<String> names = tree.list(path, dotNamesOnly);
            if (names == null) {
                String partial = tree.partialListing(path);
                throw new FileSystemException(path, null, partial == null ? "listing " + tree.notCollected()
                        : "only the entries named " + partial + " were collected; the directory cannot be listed");
            }
            return names;
        }

        @Override
        public Stat stat(List<String> components, String path) throws IOException {
            MemoryTree.Node node = node(path);
            if (node.stat() == null) {
                throw new FileSystemException(path, null, "mode and owner " + tree.notCollected());
            }
            return node.stat();
        }

        private static IOException unreadable(String path, String reason) {
            return reason.equals(PERMISSION_DENIED) ? new AccessDeniedException(path)
                    : new FileSystemException(path, null, reason);
        }

        @Override
        public String toString() {
            return tree.toString();
        }
    }
}

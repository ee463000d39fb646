package io.osbaseline.local;

import io.osbaseline.model.fact.FileKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * A partial image of a file system held in memory: files (with or without their content), directories, symbolic links
 * and other entries, with permission bits and owners, plus what is known about the paths it does not hold. Read it
 * through {@link RootFs#of(MemoryTree)}, which resolves links and confines paths exactly as for a root on disk.
 *
 * <p>A path the tree does not hold is <em>absent</em> only when the tree knows it: its parent directory was listed
 * (all entries, or all entries whose names match a pattern), or the path or one of its ancestors was looked for and
 * not found ({@link Builder#absent}). Any other path was simply not collected: reading it fails with the builder's
 * {@code notCollected} reason, so that a collector records a coverage gap instead of taking it for absent.
 *
 * <p>Directories that are only parents of collected entries exist without metadata: they can be traversed, not
 * listed or stat'ed. Immutable and thread-safe once built.
 */
public final class MemoryTree {
    private final Map<String, Node> nodes;
    private final Map<String, List<String>> children;
    private final Map<String, Listing> listed;
    private final Set<String> absent;
    private final String notCollected;

    private MemoryTree(Builder b) {
        this.nodes = Map.copyOf(b.nodes);
        Map<String, TreeSet<String>> names = new HashMap<>();
        nodes.keySet().stream().filter(p -> !p.equals("/"))
                .forEach(p -> names.computeIfAbsent(parent(p), k -> new TreeSet<>()).add(name(p)));
        Map<String, List<String>> c = new HashMap<>();
        names.forEach((k, v) -> c.put(k, List.copyOf(v)));
        this.children = c;
        this.listed = Map.copyOf(b.listed);
        this.absent = Set.copyOf(b.absent);
        this.notCollected = b.notCollected;
    }

    /**
     * A builder.
     *
     * @param notCollected why a path the tree knows nothing about cannot be read, e.g. "not in the evidence"
     */
    public static Builder builder(String notCollected) {
        return new Builder(notCollected);
    }

    /** The entry at a normalized path, or null when the tree does not hold it. */
    @CheckForNull
    Node node(String path) {
        return nodes.get(path);
    }

    /** Whether {@code path}, which the tree does not hold, is known to be absent (see the class comment). */
    boolean knownAbsent(String path) {
        for (String p = path; !p.equals("/"); p = parent(p)) {
            if (absent.contains(p)) {
                return true;
            }
        }
        Listing listing = listed.get(parent(path));
        return listing != null && listing.covers(name(path));
    }

    /**
     * The names in a directory, sorted, or (when {@code dotNamesOnly}) those that start with a dot; null when the tree
     * does not hold them all.
     */
    @CheckForNull
    List<String> list(String dir, boolean dotNamesOnly) {
        Listing listing = listed.get(dir);
        List<String> names = children.getOrDefault(dir, List.of());
        if (listing != null && listing.glob() == null) {
            return names;
        }
        if (listing != null && dotNamesOnly && listing.glob().equals(DOT_NAMES)) {
            return names.stream().filter(n -> n.startsWith(".")).toList();
        }
        return null;
    }

    /** The wildcard pattern of the names collected in a directory listed in part, or null. */
    @CheckForNull
    String partialListing(String dir) {
        Listing listing = listed.get(dir);
        return listing == null ? null : listing.glob();
    }

    String notCollected() {
        return notCollected;
    }

    /** Number of entries held, implicit parent directories included. */
    public int size() {
        return nodes.size();
    }

    /** The pattern of a directory of which only the names that start with a dot were listed (a home directory). */
    public static final String DOT_NAMES = ".*";

    /** Which names of a listed directory the tree holds: all ({@code glob} null), or those matching {@code glob}. */
    private record Listing(@Nullable String glob, @Nullable Pattern names) {
        boolean covers(String name) {
            return names == null || names.matcher(name).matches();
        }
    }

    /** {@code /a/b} from any absolute spelling; refuses {@code .} and {@code ..} components. */
    static String normalize(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("'" + s + "' in path: " + path);
            }
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return "/" + String.join("/", parts);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** What an entry of the tree is. */
    public enum Kind {
        FILE, DIRECTORY, SYMLINK, OTHER
    }

    /**
     * One entry.
     *
     * @param kind what it is
     * @param stat its mode and owner; null for a parent directory that was not collected itself
     * @param content a file's content; null when it was not collected (see {@code unreadable})
     * @param target a symbolic link's target, as written in the link
     * @param unreadable why a file cannot be read or a directory cannot be listed; null when it can
     */
    record Node(Kind kind, @Nullable RootFs.Stat stat, @Nullable byte[] content, @Nullable String target,
            @Nullable String unreadable) {
    }

    /** Collects the entries of a tree. Paths are absolute; {@code .} and {@code ..} components are refused. */
    public static final class Builder {
        private final Map<String, Node> nodes = new HashMap<>();
        private final Map<String, Listing> listed = new HashMap<>();
        private final Set<String> absent = new HashSet<>();
        private final String notCollected;

        private Builder(String notCollected) {
            this.notCollected = Objects.requireNonNull(notCollected);
            nodes.put("/", new Node(Kind.DIRECTORY, null, null, null, null));
        }

        /** A regular file with its content. */
        public Builder file(String path, int mode, int uid, int gid, byte[] content) {
            return put(path, new Node(Kind.FILE, stat(FileKind.FILE, mode, uid, gid), content.clone(), null, null));
        }

        /** A regular file whose content was not collected, and why: reading it fails with {@code reason}. */
        public Builder unreadableFile(String path, int mode, int uid, int gid, String reason) {
            return put(path, new Node(Kind.FILE, stat(FileKind.FILE, mode, uid, gid), null, null,
                    Objects.requireNonNull(reason)));
        }

        public Builder directory(String path, int mode, int uid, int gid) {
            return put(path, new Node(Kind.DIRECTORY, stat(FileKind.DIRECTORY, mode, uid, gid), null, null, null));
        }

        /** A symbolic link; {@code target} is kept as written (absolute or relative), and resolved on reading. */
        public Builder symlink(String path, String target) {
            if (target.isEmpty() || target.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("symbolic link " + path + " has an empty or invalid target");
            }
            return put(path, new Node(Kind.SYMLINK, null, null, target, null));
        }

        /** A device, a FIFO or a socket: it can be stat'ed, not read. */
        public Builder other(String path, int mode, int uid, int gid) {
            return put(path, new Node(Kind.OTHER, stat(FileKind.OTHER, mode, uid, gid), null, null, null));
        }

        /** An entry known by its name and kind only: it has no mode, owner, content or link target to read. */
        public Builder named(String path, Kind kind) {
            return put(path, new Node(kind, null, null, null, null));
        }

        /** A directory that exists but could not be listed, and why. */
        public Builder unreadableDirectory(String path, int mode, int uid, int gid, String reason) {
            return put(path, new Node(Kind.DIRECTORY, stat(FileKind.DIRECTORY, mode, uid, gid), null, null,
                    Objects.requireNonNull(reason)));
        }

        /** Every entry of {@code dir} is in the tree: a name it does not hold is absent. */
        public Builder listed(String dir) {
            listed.put(normalize(dir), new Listing(null, null));
            return this;
        }

        /**
         * Every entry of {@code dir} whose name matches {@code glob} (shell wildcards) is in the tree; other names are
         * not collected, and the directory cannot be listed.
         */
        public Builder listed(String dir, String glob) {
            listed.put(normalize(dir), new Listing(glob, Glob.toRegex(glob, '/')));
            return this;
        }

        /**
         * {@code path} was looked for and does not exist, nor anything under it, while its parent is a directory:
         * the first missing component of a longer path that was looked for.
         */
        public Builder absent(String path) {
            String p = normalize(path);
            if (p.equals("/")) {
                throw new IllegalArgumentException("the root cannot be absent");
            }
            absent.add(p);
            return this;
        }

        private Builder put(String path, Node node) {
            String p = normalize(path);
            if (p.equals("/")) {
                if (node.kind() != Kind.DIRECTORY) {
                    throw new IllegalArgumentException("the root must be a directory");
                }
                nodes.put(p, node);
                return this;
            }
            Node old = nodes.get(p);
            if (old != null && !(old.kind() == Kind.DIRECTORY && old.stat() == null && node.kind() == Kind.DIRECTORY)) {
                throw new IllegalArgumentException("duplicate entry " + p);
            }
            parents(p);
            nodes.put(p, node); // replaces the metadata-less directory made for a child seen first
            return this;
        }

        /** Makes the missing parents of {@code p} directories without metadata. */
        private void parents(String p) {
            for (String dir = parent(p); ; dir = parent(dir)) {
                Node d = nodes.get(dir);
                if (d != null && d.kind() != Kind.DIRECTORY) {
                    throw new IllegalArgumentException(p + " is inside " + dir + ", which is not a directory");
                }
                if (d != null) {
                    return;
                }
                nodes.put(dir, new Node(Kind.DIRECTORY, null, null, null, null));
            }
        }

        private static RootFs.Stat stat(FileKind kind, int mode, int uid, int gid) {
            if ((mode & ~07777) != 0 || uid < 0 || gid < 0) {
                throw new IllegalArgumentException("invalid mode or owner: mode " + Integer.toOctalString(mode)
                        + ", uid " + uid + ", gid " + gid);
            }
            return new RootFs.Stat(kind, mode, uid, gid);
        }

        public MemoryTree build() {
            for (String p : absent) {
                if (nodes.containsKey(p)) {
                    throw new IllegalArgumentException(p + " is both present and absent");
                }
                parents(p);
            }
            return new MemoryTree(this);
        }
    }

    @Override
    public String toString() {
        return "in-memory tree of " + nodes.size() + " entries";
    }

}

package io.osbaseline.local.evidence;

import io.osbaseline.local.MemoryTree;
import io.osbaseline.local.linux.HostCommands;
import io.osbaseline.provider.SnapshotException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.annotation.Nullable;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archive the collector script writes into an {@link Evidence}, refusing what the format does not allow: an
 * entry outside {@code root/} and {@code osbaseline/}, an absolute name, a {@code ..}, a duplicate, more than
 * {@link #MAX_ENTRIES} entries, a file over {@link #MAX_FILE_BYTES} or more than {@link #MAX_TOTAL_BYTES} in all. The
 * archive is never extracted: entries go to memory only.
 */
final class EvidenceReader {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceReader.class);

    /** Uncompressed bytes, tar headers included; a typical machine's evidence is well under 1 MiB. */
    static final long MAX_TOTAL_BYTES = 64L << 20;
    static final int MAX_FILE_BYTES = 16 << 20;
    static final int MAX_ENTRIES = 200_000;
    private static final int MAX_NAME_LENGTH = 4096;

    private static final String ROOT = "root/";
    private static final String META = "osbaseline/";
    private static final String MANIFEST = META + "manifest";
    private static final String COMMANDS = META + "commands/";

    private final String notCollected;
    private final Map<String, byte[]> meta = new HashMap<>();
    /** Tree entries in archive order, applied once the metadata files (at the end) are known. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    EvidenceReader(String notCollected) {
        this.notCollected = notCollected;
    }

    private record Entry(MemoryTree.Kind kind, int mode, int uid, int gid, @Nullable byte[] content,
            @Nullable String target) {
    }

    Evidence read(InputStream in) throws SnapshotException {
        EvidenceManifest manifest;
        try {
            GZIPInputStream gzip;
            try {
                gzip = new GZIPInputStream(in);
            } catch (ZipException | EOFException e) {
                throw bad("it is not gzip data" + why(e) + "; expected the collector script's output, "
                        + "base64-decoded");
            }
            Bounded bounded = new Bounded(gzip);
            manifest = readArchive(new TarArchiveInputStream(bounded));
            // the tar ends before the gzip trailer: read to the end, so that its check sum and length are checked
            bounded.transferTo(OutputStream.nullOutputStream());
        } catch (SnapshotException e) {
            throw e;
        } catch (TooLarge e) {
            throw bad("it is " + e.getMessage());
        } catch (EOFException e) {
            throw bad("it is truncated" + why(e) + ": was the whole output received and decoded?");
        } catch (ZipException e) {
            throw bad("it is corrupt" + why(e));
        } catch (IOException | IllegalArgumentException e) {
            throw bad("it is not a valid tar archive" + why(e));
        }
        MemoryTree tree = buildTree(manifest);
        return new Evidence(manifest, tree, commands());
    }

    private EvidenceManifest readArchive(TarArchiveInputStream tar) throws IOException, SnapshotException {
        EvidenceManifest manifest = null;
        int count = 0;
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            if (++count > MAX_ENTRIES) {
                throw bad("it has more than " + MAX_ENTRIES + " entries");
            }
            String name = checkedName(e.getName());
            if (manifest == null) {
                if (!name.equals(MANIFEST)) {
                    throw bad("its first entry is '" + name + "', not " + MANIFEST
                            + "; is it the output of the osbaseline collector script?");
                }
                manifest = manifest(content(tar, e, name));
                continue;
            }
            if (name.startsWith(META)) {
                if (e.isFile()) {
                    if (meta.put(name, content(tar, e, name)) != null) {
                        throw bad("entry '" + name + "' appears twice");
                    }
                }
            } else if (name.startsWith(ROOT) || name.equals("root")) {
                add(tar, e, name);
            } else {
                throw bad("entry '" + name + "' is outside root/ and osbaseline/");
            }
        }
        if (manifest == null) {
            throw bad("it is empty");
        }
        return manifest;
    }

    /** The entry's name without a leading {@code ./} or trailing {@code /}; refuses names that could leave a root. */
    private static String checkedName(String raw) throws SnapshotException {
        String name = raw;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        while (name.endsWith("/") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() > MAX_NAME_LENGTH || name.indexOf('\0') >= 0) {
            throw bad("an entry name is longer than " + MAX_NAME_LENGTH + " characters or holds a NUL");
        }
        if (name.isEmpty() || name.startsWith("/")) {
            throw bad("entry '" + raw + "' has an absolute or empty name");
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                throw bad("entry '" + raw + "' has a '" + part + "' component");
            }
        }
        return name;
    }

    private void add(TarArchiveInputStream tar, TarArchiveEntry e, String name) throws IOException,
            SnapshotException {
        String path = name.equals("root") ? "/" : name.substring(ROOT.length() - 1);
        int mode = e.getMode() & 07777;
        long uid = e.getLongUserId();
        long gid = e.getLongGroupId();
        if (uid < 0 || uid > Integer.MAX_VALUE || gid < 0 || gid > Integer.MAX_VALUE) {
            throw bad("entry '" + name + "' has an invalid owner " + uid + ":" + gid);
        }
        Entry entry;
        if (e.isSymbolicLink()) {
            entry = new Entry(MemoryTree.Kind.SYMLINK, mode, (int) uid, (int) gid, null, e.getLinkName());
        } else if (e.isLink()) {
            String target = checkedName(e.getLinkName());
            Entry same = target.startsWith(ROOT) ? entries.get(target.substring(ROOT.length() - 1)) : null;
            if (same == null || same.kind != MemoryTree.Kind.FILE) {
                throw bad("entry '" + name + "' is a hard link to '" + target + "', which is not an earlier file");
            }
            entry = same;
        } else if (e.isDirectory()) {
            entry = new Entry(MemoryTree.Kind.DIRECTORY, mode, (int) uid, (int) gid, null, null);
        } else if (e.isFile()) {
            entry = new Entry(MemoryTree.Kind.FILE, mode, (int) uid, (int) gid, content(tar, e, name), null);
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            entry = new Entry(MemoryTree.Kind.OTHER, mode, (int) uid, (int) gid, null, null);
        } else {
            throw bad("entry '" + name + "' is of a type the format does not use ('" + (char) e.getLinkFlag()
                    + "')");
        }
        if (entries.put(path, entry) != null) {
            throw bad("entry '" + name + "' appears twice");
        }
    }

    private static byte[] content(TarArchiveInputStream tar, TarArchiveEntry e, String name) throws IOException,
            SnapshotException {
        if (e.getSize() > MAX_FILE_BYTES) {
            throw bad("entry '" + name + "' is " + e.getSize() + " bytes, more than " + MAX_FILE_BYTES);
        }
        byte[] bytes = tar.readNBytes((int) e.getSize());
        if (bytes.length != e.getSize()) {
            throw new EOFException("entry '" + name + "' ends early");
        }
        return bytes;
    }

    private static EvidenceManifest manifest(byte[] bytes) throws SnapshotException {
        Map<String, String> values = new HashMap<>();
        List<String> lines = lines(bytes);
        for (int i = 0; i < lines.size(); i++) {
            int eq = lines.get(i).indexOf('=');
            if (eq <= 0) {
                throw bad(MANIFEST + ":" + (i + 1) + ": expected KEY=VALUE");
            }
            values.put(lines.get(i).substring(0, eq), lines.get(i).substring(eq + 1));
        }
        int format;
        try {
            format = Integer.parseInt(required(values, "format"));
        } catch (NumberFormatException e) {
            throw bad(MANIFEST + ": format '" + values.get("format") + "' is not a number");
        }
        if (format != LinuxEvidence.FORMAT_VERSION) {
            throw bad("it is in evidence format " + format + ", and this SDK reads format "
                    + LinuxEvidence.FORMAT_VERSION + (format > LinuxEvidence.FORMAT_VERSION
                    ? ": update osbaseline to read it" : ": collect it again with this SDK's script"));
        }
        Instant collected;
        try {
            collected = Instant.parse(required(values, "collected"));
        } catch (DateTimeParseException e) {
            throw bad(MANIFEST + ": collected '" + values.get("collected") + "' is not a UTC time");
        }
        String hostname = values.get("hostname");
        return new EvidenceManifest(format, required(values, "script"), collected,
                hostname == null || hostname.isEmpty() ? null : hostname, required(values, "root"));
    }

    private static String required(Map<String, String> values, String key) throws SnapshotException {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw bad(MANIFEST + " has no " + key);
        }
        return value;
    }

    private MemoryTree buildTree(EvidenceManifest manifest) throws SnapshotException {
        Map<String, String> unread = new HashMap<>();
        forEachLine("unread", (line, where) -> {
            int tab = line.lastIndexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw bad(where + ": expected PATH<TAB>REASON");
            }
            unread.putIfAbsent(line.substring(0, tab), line.substring(tab + 1));
        });
        MemoryTree.Builder b = MemoryTree.builder(notCollected);
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String path = e.getKey();
            Entry x = e.getValue();
            String why = unread.remove(path);
            try {
                switch (x.kind) {
                    case FILE -> {
                        if (why == null) {
                            b.file(path, x.mode, x.uid, x.gid, x.content);
                        } else {
                            b.unreadableFile(path, x.mode, x.uid, x.gid, why);
                        }
                    }
                    case DIRECTORY -> {
                        if (why == null) {
                            b.directory(path, x.mode, x.uid, x.gid);
                        } else {
                            b.unreadableDirectory(path, x.mode, x.uid, x.gid, why);
                        }
                    }
                    case SYMLINK -> b.symlink(path, x.target);
                    case OTHER -> b.other(path, x.mode, x.uid, x.gid);
                    default -> throw new IllegalStateException(x.kind.name());
                }
            } catch (IllegalArgumentException ex) {
                throw bad("entry 'root" + path + "': " + ex.getMessage());
            }
        }
        unread.keySet().forEach(p -> LOG.debug("evidence of {}: {} is listed as unread but is not in it (it "
                + "vanished while the script ran)", manifest.hostname(), p));
        forEachLine("names", (line, where) -> {
            int tab = line.indexOf('\t');
            MemoryTree.Kind kind = tab != 1 ? null : switch (line.charAt(0)) {
                case 'f' -> MemoryTree.Kind.FILE;
                case 'd' -> MemoryTree.Kind.DIRECTORY;
                case 'l' -> MemoryTree.Kind.SYMLINK;
                case 'o' -> MemoryTree.Kind.OTHER;
                default -> null;
            };
            if (kind == null) {
                throw bad(where + ": expected f, d, l or o, a tab and a path");
            }
            b.named(line.substring(2), kind);
        });
        forEachLine("listed", (line, where) -> {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw bad(where + ": expected GLOB<TAB>DIRECTORY");
            }
            String glob = line.substring(0, tab);
            if (glob.equals("*")) {
                b.listed(line.substring(tab + 1));
            } else {
                b.listed(line.substring(tab + 1), glob);
            }
        });
        forEachLine("absent", (line, where) -> b.absent(line));
        return b.build();
    }

    private HostCommands commands() throws SnapshotException {
        Map<String, Optional<Path>> programs = new HashMap<>();
        forEachLine("programs", (line, where) -> {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw bad(where + ": expected NAME<TAB>PATH");
            }
            String location = line.substring(tab + 1);
            programs.put(line.substring(0, tab),
                    location.isEmpty() ? Optional.empty() : Optional.of(Path.of(location)));
        });
        Map<String, Map<String, byte[]>> runs = new TreeMap<>();
        for (Map.Entry<String, byte[]> m : meta.entrySet()) {
            if (m.getKey().startsWith(COMMANDS)) {
                String rest = m.getKey().substring(COMMANDS.length());
                int slash = rest.indexOf('/');
                if (slash <= 0) {
                    throw bad("entry '" + m.getKey() + "' is not in a command's directory");
                }
                runs.computeIfAbsent(rest.substring(0, slash), k -> new HashMap<>())
                        .put(rest.substring(slash + 1), m.getValue());
            }
        }
        List<HostCommands.Recorded> recorded = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> run : runs.entrySet()) {
            String dir = COMMANDS + run.getKey() + "/";
            Map<String, byte[]> files = run.getValue();
            if (!files.containsKey("argv") || !files.containsKey("exit")) {
                throw bad(dir + " has no argv or no exit");
            }
            List<String> argv = lines(files.get("argv"));
            String exit = new String(files.get("exit"), StandardCharsets.UTF_8).strip();
            if (argv.isEmpty() || !exit.matches("\\d{1,3}")) {
                throw bad(dir + ": empty argv, or exit '" + exit + "' is not an exit code");
            }
            recorded.add(new HostCommands.Recorded(argv, Integer.parseInt(exit),
                    files.getOrDefault("stdout", new byte[0]), files.getOrDefault("stderr", new byte[0])));
        }
        try {
            return HostCommands.replaying(programs, recorded);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private interface LineHandler {
        void accept(String line, String where) throws SnapshotException;
    }

    /** Each non-empty line of a metadata file, with its {@code file:line} for messages. */
    private void forEachLine(String file, LineHandler handler) throws SnapshotException {
        byte[] bytes = meta.get(META + file);
        if (bytes == null) {
            throw bad("it has no " + META + file + "; was the script's output cut short?");
        }
        List<String> lines = lines(bytes);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            String where = META + file + ":" + (i + 1);
            try {
                handler.accept(lines.get(i), where);
            } catch (IllegalArgumentException e) {
                throw bad(where + ": " + e.getMessage());
            }
        }
    }

    /** Lines split at {@code \n} only: paths may hold any other character. */
    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The exception's message in parentheses, or nothing when it has none. */
    private static String why(Exception e) {
        return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    }

    private static SnapshotException bad(String what) {
        return new SnapshotException("bad Linux evidence: " + what);
    }

    /** Fails once more than {@link #MAX_TOTAL_BYTES} have been read: a small archive cannot inflate into gigabytes. */
    private static final class Bounded extends FilterInputStream {
        private long total;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            total += n;
            if (total > MAX_TOTAL_BYTES) {
                throw new TooLarge();
            }
        }
    }

    /** Thrown by {@link Bounded}; reported as a bad-evidence message. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("more than " + MAX_TOTAL_BYTES + " bytes once uncompressed");
        }
    }
}

package io.osbaseline.local.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of one machine's exports, by their path relative to the export's root, with {@code /} separators: a
 * folder tree, one file, or the entries of a zip. Files larger than {@value #MAX_FILE} bytes are refused.
 */
final class ExportFiles {
    static final int MAX_FILE = 64 * 1024 * 1024;

    private final String root;
    private final Map<String, Path> onDisk;
    private final Map<String, byte[]> inMemory;

    private ExportFiles(String root, Map<String, Path> onDisk, Map<String, byte[]> inMemory) {
        this.root = root;
        this.onDisk = onDisk;
        this.inMemory = inMemory;
    }

    /** Every regular file under {@code dir}, in sorted order; with {@code recursive} false, only its own. */
    static ExportFiles directory(Path dir, boolean recursive) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
                recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        found.add(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
        found.sort(null);
        for (Path f : found) {
            files.put(dir.relativize(f).toString().replace('\\', '/'), f);
        }
        return new ExportFiles(dir.toString(), files, Map.of());
    }

    /** One file. */
    static ExportFiles file(Path file) {
        return new ExportFiles(file.toString(), Map.of(file.getFileName().toString(), file), Map.of());
    }

    /** The entries of a zip file (a collector bundle). */
    static ExportFiles zip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName().replace('\\', '/'), readLimited(in, zip + "!" + e.getName()));
                }
            }
        }
        return new ExportFiles(zip.toString(), Map.of(), entries);
    }

    /** Where the files come from, for messages. */
    String root() {
        return root;
    }

    List<String> names() {
        List<String> names = new ArrayList<>(onDisk.keySet());
        names.addAll(inMemory.keySet());
        return names;
    }

    /** The name a user finds the file by: its path on disk, or {@code zip!entry}. */
    String display(String name) {
        Path p = onDisk.get(name);
        return p != null ? p.toString() : root + "!" + name;
    }

    byte[] read(String name) throws IOException {
        byte[] b = inMemory.get(name);
        if (b != null) {
            return b;
        }
        Path p = onDisk.get(name);
        if (p == null) {
            throw new IOException("no such file in " + root + ": " + name);
        }
        if (Files.size(p) > MAX_FILE) {
            throw new IOException("larger than " + MAX_FILE + " bytes");
        }
        return Files.readAllBytes(p);
    }

    private static byte[] readLimited(InputStream in, String what) throws IOException {
        byte[] b = in.readNBytes(MAX_FILE + 1);
        if (b.length > MAX_FILE) {
            throw new IOException(what + " is larger than " + MAX_FILE + " bytes");
        }
        return b;
    }
}

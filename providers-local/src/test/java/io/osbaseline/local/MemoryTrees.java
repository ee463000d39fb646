package io.osbaseline.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/** In-memory copies of test roots, to run the same assertions over both backends of {@link RootFs}. */
public final class MemoryTrees {
    private MemoryTrees() {
    }

    /** Every entry under {@code dir}, with its mode, owner, content or target; every directory listed. */
    public static MemoryTree copyOf(Path dir) throws IOException {
        MemoryTree.Builder b = MemoryTree.builder("not in the copy");
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                String path = guest(dir, d);
                Map<String, Object> a = unix(d);
                b.directory(path, (Integer) a.get("mode") & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"));
                b.listed(path);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String path = guest(dir, f);
                Map<String, Object> a = unix(f);
                int mode = (Integer) a.get("mode") & 07777;
                if (attrs.isSymbolicLink()) {
                    b.symlink(path, Files.readSymbolicLink(f).toString());
                } else if (attrs.isRegularFile()) {
                    b.file(path, mode, (Integer) a.get("uid"), (Integer) a.get("gid"), Files.readAllBytes(f));
                } else {
                    b.other(path, mode, (Integer) a.get("uid"), (Integer) a.get("gid"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return b.build();
    }

    private static String guest(Path root, Path p) {
        String rel = root.relativize(p).toString();
        return rel.isEmpty() ? "/" : "/" + rel;
    }

    private static Map<String, Object> unix(Path p) throws IOException {
        return Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    }
}

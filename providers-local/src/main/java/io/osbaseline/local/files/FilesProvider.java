package io.osbaseline.local.files;

import io.osbaseline.json.Json;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots read back from JSON: {@code path} is one snapshot file or a directory searched recursively for
 * {@code *.json} files, in sorted path order.
 *
 * <p>The inventory is cheap: it lists paths without opening the files. Each file is a placeholder machine whose id is
 * the file's path and whose name is the file's name (OS family UNKNOWN). {@link #collect} reads the file, and the
 * snapshot carries the machine it describes, so an assessment shows the real machine; only a file that cannot be read
 * is reported under its path, which is what the user has to fix. A malformed file throws a
 * {@link io.osbaseline.json.MalformedSnapshotException} naming the file, the line and the JSON path. A subdirectory
 * that cannot be listed is listed as a machine of its own, so that it ends as an error rather than silently missing.
 */
public final class FilesProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(FilesProvider.class);

    private final Path path;

    FilesProvider(Path path) {
        this.path = path;
    }

    @Override
    public Stream<Machine> machines() throws ProviderException {
        if (!Files.isDirectory(path)) {
            return Stream.of(placeholder(path));
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".json")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.warn("cannot list {}: {}", file, reason(e));
                    found.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ProviderException("cannot list snapshot files under " + path + ": " + reason(e), e);
        }
        found.sort(null);
        return found.stream().map(FilesProvider::placeholder);
    }

    private static Machine placeholder(Path file) {
        return Machine.builder(file.toString()).name(file.getFileName().toString()).build();
    }

    /**
     * Reads the snapshot file that {@code machine} stands for.
     *
     * @throws io.osbaseline.json.MalformedSnapshotException naming the file, line and JSON path of the problem
     * @throws SnapshotException when the file cannot be read
     */
    @Override
    public ConfigurationSnapshot collect(Machine machine) throws SnapshotException {
        Path file = Path.of(machine.id());
        if (!file.normalize().startsWith(path.normalize())) {
            throw new SnapshotException("machine '" + machine.id() + "' is not a snapshot file under " + path);
        }
        if (Files.isDirectory(file)) {
            try (DirectoryStream<Path> ignored = Files.newDirectoryStream(file)) {
                throw new SnapshotException(file + ": this directory of snapshots could not be listed");
            } catch (IOException e) {
                throw new SnapshotException(file + ": cannot list this directory of snapshots: " + reason(e), e);
            }
        }
        try {
            return Json.readSnapshot(file);
        } catch (IOException e) {
            throw new SnapshotException(file + ": cannot read the snapshot file: " + reason(e), e);
        } catch (UncheckedIOException e) {
            throw new SnapshotException(file + ": cannot read the snapshot file: " + reason(e.getCause()), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public String toString() {
        return "files provider of " + path;
    }
}

package io.osbaseline.local.windows;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;

/**
 * Windows machines read from exports. {@code path} is searched for units, each one machine: a collector bundle (a
 * folder or {@code .zip} holding {@value WindowsExportReader#MANIFEST}), a GPO backup (a folder holding
 * {@code DomainSysvol}), a folder holding export files of its own ({@code *.inf}, {@code *.cfg}, {@code *.csv},
 * {@code *.reg}, {@code *.pol}), or {@code path} itself when it is one export file. Inside a bundle or a GPO backup
 * nothing is searched further. The machine's id is the unit's path; its name is the GPO's display name, the folder's
 * or the file's name.
 */
public final class WindowsExportProvider implements Provider {
    private static final List<String> EXPORT_SUFFIXES = List.of(".inf", ".cfg", ".csv", ".reg", ".pol");

    private final Path path;
    @CheckForNull private final ExportState state;
    @CheckForNull private final String role;
    private final Clock clock;

    WindowsExportProvider(Path path, @CheckForNull ExportState state, @CheckForNull String role, Clock clock) {
        this.path = path;
        this.state = state;
        this.role = role;
        this.clock = clock;
    }

    private record Unit(WindowsExportReader.Kind kind, Path path, String name) {
    }

    @Override
    public Stream<Machine> machines() throws ProviderException {
        List<Unit> units = new ArrayList<>();
        try {
            find(path, units);
        } catch (IOException e) {
            throw new ProviderException("cannot list exports under " + path + ": " + WindowsExportReader.reason(e),
                    e);
        }
        if (units.isEmpty()) {
            throw new ProviderException(path + " holds no Windows export: expected a collector bundle ("
                    + WindowsExportReader.MANIFEST + "), a GPO backup (DomainSysvol), or *.inf, *.cfg, *.csv, *.reg "
                    + "or *.pol files");
        }
        return units.stream().map(u -> Machine.builder(u.path().toString()).name(u.name())
                .osFamily(OsFamily.WINDOWS).tag("export", u.kind().words).build());
    }

    private static void find(Path p, List<Unit> units) throws IOException {
        String fileName = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        if (!Files.isDirectory(p)) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip")) {
                units.add(new Unit(WindowsExportReader.Kind.BUNDLE, p, fileName));
            } else {
                units.add(new Unit(WindowsExportReader.Kind.FILE, p, fileName));
            }
            return;
        }
        if (Files.isRegularFile(p.resolve(WindowsExportReader.MANIFEST))) {
            units.add(new Unit(WindowsExportReader.Kind.BUNDLE, p, fileName));
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            ds.forEach(children::add);
        }
        children.sort(null);
        if (children.stream().anyMatch(c -> Files.isDirectory(c)
                && c.getFileName().toString().equalsIgnoreCase("DomainSysvol"))) {
            String name = WindowsExportReader.gpoDisplayName(p);
            units.add(new Unit(WindowsExportReader.Kind.GPO_BACKUP, p, name != null ? name : fileName));
            return;
        }
        if (children.stream().anyMatch(c -> Files.isRegularFile(c) && isExport(c))) {
            units.add(new Unit(WindowsExportReader.Kind.FOLDER, p, fileName));
        }
        for (Path c : children) {
            if (Files.isDirectory(c)) {
                find(c, units);
            } else if (c.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                units.add(new Unit(WindowsExportReader.Kind.BUNDLE, c, c.getFileName().toString()));
            }
        }
    }

    private static boolean isExport(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXPORT_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    /**
     * Reads the exports {@code machine} stands for.
     *
     * @throws SnapshotException when the unit cannot be read at all, or a bundle's manifest is malformed
     */
    @Override
    public ConfigurationSnapshot collect(Machine machine) throws SnapshotException {
        Path unit = Path.of(machine.id());
        if (!unit.normalize().startsWith(path.normalize())) {
            throw new SnapshotException("machine '" + machine.id() + "' is not an export under " + path);
        }
        WindowsExportReader.Kind kind;
        String export = machine.tags().get("export");
        kind = Stream.of(WindowsExportReader.Kind.values()).filter(k -> k.words.equals(export)).findFirst()
                .orElseThrow(() -> new SnapshotException("machine '" + machine.id() + "' was not listed by this "
                        + "provider"));
        return WindowsExportReader.read(kind, unit, machine, state, role, clock.instant());
    }

    @Override
    public String toString() {
        return "windows-export provider of " + path;
    }
}

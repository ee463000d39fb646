package io.osbaseline.local;

import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Linux machine: the running host, or an offline root. Its inventory is that one machine (OS family LINUX, OS name
 * and version from os-release, cloud UNKNOWN: nothing on disk says reliably where a machine runs).
 */
public final class LocalProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(LocalProvider.class);

    private final LinuxSnapshotter snapshotter;
    private final Machine machine;

    LocalProvider(LinuxSnapshotter snapshotter, Machine machine) {
        this.snapshotter = snapshotter;
        this.machine = machine;
    }

    /**
     * The running host.
     *
     * @param name the machine's id and name; null for the host name
     * @throws ProviderException when this is not a Linux host
     */
    public static LocalProvider live(@Nullable String name) throws ProviderException {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            throw new ProviderException("the local provider reads Linux hosts; this host runs " + os
                    + " (use root=DIR to read a Linux root from here)");
        }
        LinuxSnapshotter snapshotter = LinuxSnapshotter.live();
        String id = name != null ? name : hostName(snapshotter.fs(), "/proc/sys/kernel/hostname")
                .or(() -> hostName(snapshotter.fs(), "/etc/hostname")).orElse("localhost");
        return new LocalProvider(snapshotter, describe(snapshotter, id, name != null ? name : id, null));
    }

    /**
     * An offline root.
     *
     * @param root the root directory
     * @param name the machine's id and name; null for the root's /etc/hostname (id) and the directory's name (name)
     * @throws InvalidOptionException when {@code root} is not the root of a Linux file system
     */
    public static LocalProvider offline(Path root, @Nullable String name) throws ProviderException {
        RootFs fs;
        try {
            fs = RootFs.of(root);
        } catch (IOException e) {
            throw new InvalidOptionException("option 'root' of provider 'local': " + root
                    + " is not a readable directory (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(fs.root().resolve("etc"))) {
            throw new InvalidOptionException("option 'root' of provider 'local': " + root
                    + " has no etc directory; is it the root of a Linux file system?");
        }
        LinuxSnapshotter snapshotter = LinuxSnapshotter.offline(fs);
        String dirName = fs.root().getFileName() == null ? "/" : fs.root().getFileName().toString();
        String id = name != null ? name : hostName(fs, "/etc/hostname").orElse(dirName);
        return new LocalProvider(snapshotter, describe(snapshotter, id, name != null ? name : dirName,
                fs.root().toString()));
    }

    private static Machine describe(LinuxSnapshotter snapshotter, String id, String name, @Nullable String root) {
        Machine.Builder b = Machine.builder(id).name(name).osFamily(OsFamily.LINUX).cloud(Cloud.UNKNOWN);
        if (root != null) {
            b.tag("root", root);
        }
        try {
            Optional<OsRelease> release = snapshotter.osRelease();
            release.ifPresent(r -> b.osName(r.name() != null ? r.name() : r.id()).osVersion(r.versionId()));
        } catch (IOException e) {
            LOG.warn("cannot read os-release of {}: {}", snapshotter.fs(), e.getMessage());
        }
        return b.build();
    }

    /** The first non-blank, non-comment line of a host name file. */
    private static Optional<String> hostName(RootFs fs, String path) {
        try {
            return fs.readLines(path).orElse(List.of()).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The one machine this provider reads. */
    public Machine machine() {
        return machine;
    }

    /** Whether this is the running host rather than an offline root. */
    public boolean isLive() {
        return snapshotter.isLive();
    }

    @Override
    public Stream<Machine> machines() {
        return Stream.of(machine);
    }

    /** Snapshots the machine; {@code m} must be the one {@link #machines()} lists. */
    @Override
    public ConfigurationSnapshot collect(Machine m) throws SnapshotException {
        if (!m.id().equals(machine.id())) {
            throw new SnapshotException("the local provider reads machine '" + machine.id() + "' only, not '"
                    + m.id() + "'");
        }
        return snapshotter.snapshot(machine);
    }

    @Override
    public String toString() {
        return "local provider of " + (isLive() ? "this host" : snapshotter.fs().toString());
    }
}

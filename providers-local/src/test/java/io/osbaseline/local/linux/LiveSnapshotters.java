package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** For tests of other packages: the live-mode snapshotter over a test root, with stand-ins for the host commands. */
public final class LiveSnapshotters {
    private LiveSnapshotters() {
    }

    /**
     * Reads {@code root} as a live host (its own /proc, the commands in {@code commandDirs}), as of {@code now}.
     */
    public static LinuxSnapshotter over(Path root, List<Path> commandDirs, Instant now) throws IOException {
        return new LinuxSnapshotter(RootFs.of(root), true, new HostCommands(commandDirs), Clock.fixed(now,
                ZoneOffset.UTC));
    }
}

package io.osbaseline.model.fact;

import java.util.List;
import java.util.Objects;

/**
 * A file system mount, configured in {@code /etc/fstab} or, on a live host, mounted now.
 *
 * @param mountPoint where it is mounted, for example {@code /tmp}
 * @param device the device or source, for example {@code tmpfs} or {@code UUID=...}
 * @param fsType the file system type
 * @param options the mount options, in order
 * @param source {@code fstab} or {@code runtime}
 */
public record Mount(String mountPoint, String device, String fsType, List<String> options, String source)
        implements Fact {
    public Mount {
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(fsType, "fsType");
        Objects.requireNonNull(source, "source");
        options = List.copyOf(options);
    }

    public boolean hasOption(String option) {
        return options.contains(option);
    }
}

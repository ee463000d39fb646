package io.osbaseline.local;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.nio.file.Path;
import java.util.List;

/** The {@code local} provider: the running Linux host, or an offline root with {@code root=DIR}. */
public final class LocalProviderFactory implements ProviderFactory {
    public static final String ID = "local";
    public static final String ROOT = "root";
    public static final String NAME = "name";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the running Linux host, or an offline root (mounted image, unpacked container file system)";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.optional(ROOT, "directory of an offline root to read instead of the running host; "
                        + "runtime state (/proc, systemctl) is then not read"),
                ProviderOption.optional(NAME, "machine id and name (default: the host name live; offline, the "
                        + "root's /etc/hostname as id and the directory's name as name)"));
    }

    @Override
    public Provider create(ProviderOptions options) throws ProviderException {
        String name = options.get(NAME).filter(s -> !s.isBlank()).orElse(null);
        String root = options.get(ROOT).orElse(null);
        if (root == null) {
            return LocalProvider.live(name);
        }
        if (root.isBlank()) {
            throw new InvalidOptionException("option '" + ROOT + "' of provider '" + ID + "' is empty");
        }
        return LocalProvider.offline(Path.of(root), name);
    }
}

package io.osbaseline.model.fact;

import java.util.Objects;

/**
 * An installed package. When the {@code packages} collector ran, a package with no fact is not installed.
 *
 * @param name package name
 * @param version version as the package manager prints it
 * @param manager {@code dpkg} or {@code rpm}
 */
public record InstalledPackage(String name, String version, String manager) implements Fact {
    public InstalledPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(manager, "manager");
    }
}

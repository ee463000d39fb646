package io.osbaseline.model;

import java.util.Objects;

/**
 * A source a collector could not read: an unreadable file, a symlink that leaves the root, a value that cannot be
 * read offline.
 *
 * @param collector the collector that met the gap
 * @param path the file, key or source that could not be read
 * @param reason why
 */
public record CoverageGap(String collector, String path, String reason) {
    public CoverageGap {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}

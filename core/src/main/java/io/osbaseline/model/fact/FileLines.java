package io.osbaseline.model.fact;

import java.util.List;
import java.util.Objects;

/**
 * The text of a small file a rule reads line by line (banners, {@code /etc/inetd.conf}). Collectors only ship files
 * that rules need and that hold no secrets.
 *
 * @param path absolute path on the machine
 * @param lines the lines, without line terminators
 */
public record FileLines(String path, List<String> lines) implements Fact {
    public FileLines {
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
    }

    /** Whether any line contains {@code text}. */
    public boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }
}

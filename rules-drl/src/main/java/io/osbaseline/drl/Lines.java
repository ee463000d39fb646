package io.osbaseline.drl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;

/** Line helpers for rule consequences, with the patterns compiled once per JVM. */
public final class Lines {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Lines() {
    }

    /** The first line in which {@code regex} finds a match, or null. */
    @CheckForNull
    public static String firstFind(List<String> lines, String regex) {
        Pattern p = PATTERNS.computeIfAbsent(regex, Pattern::compile);
        for (String line : lines) {
            if (p.matcher(line).find()) {
                return line;
            }
        }
        return null;
    }
}

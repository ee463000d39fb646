package io.osbaseline.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a failed check matters, in the Azure baselines' terms, most severe first. */
public enum Severity {
    CRITICAL("Critical"),
    IMPORTANT("Important"),
    WARNING("Warning"),
    INFORMATIONAL("Informational");

    private final String displayName;

    Severity(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * Parses a severity, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Severity parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.name().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Severity::displayName).collect(Collectors.joining(", ")));
    }
}

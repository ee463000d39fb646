package io.osbaseline.local.windows;

import java.util.Locale;

/**
 * What an export states. A machine's {@link #EFFECTIVE} configuration (a {@code secedit /export}, a
 * {@code reg export}, a collector bundle): what it does not hold under what it captured is absent on the machine.
 * A {@link #POLICY}'s intent (a GPO backup, a {@code GptTmpl.inf}, a {@code Registry.pol}): it holds only what it
 * configures, and says nothing about the rest.
 */
public enum ExportState {
    EFFECTIVE, POLICY;

    /** Parses {@code effective} or {@code policy}, ignoring case; null for anything else. */
    static ExportState parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "effective" -> EFFECTIVE;
            case "policy" -> POLICY;
            default -> null;
        };
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}

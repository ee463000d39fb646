package io.osbaseline.azure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a snapshot of an Azure machine comes from. */
public enum SnapshotMode {
    /**
     * The latest report of the machine's AzureLinuxBaseline / AzureWindowsBaseline guest configuration assignment:
     * Microsoft's agent's verdicts, one per rule, as reported verdicts. Read-only.
     */
    GUEST_CONFIGURATION("guest-configuration"),
    /** Our collector, run on the machine through Run Command, judged by our rules. Runs a script as root. */
    RUN_COMMAND("run-command");

    private final String optionValue;

    SnapshotMode(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of the {@code mode} option. */
    public String optionValue() {
        return optionValue;
    }

    static Optional<SnapshotMode> fromOption(String value) {
        return Arrays.stream(values()).filter(m -> m.optionValue.equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}

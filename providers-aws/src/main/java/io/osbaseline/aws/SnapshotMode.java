package io.osbaseline.aws;

import java.util.Locale;

/** Where the {@code aws} provider takes a machine's configuration from. */
public enum SnapshotMode {
    /**
     * Runs the osbaseline collector on the machine through SSM Run Command and reads its evidence back: everything the
     * baselines examine, read by the same collectors as the {@code local} provider. Needs an online SSM Agent.
     */
    COMMAND,
    /**
     * Reads the installed applications that SSM Inventory last reported; nothing runs on the machine. Rules that need
     * other facts are UNKNOWN, and say so.
     */
    INVENTORY;

    /** The option value: {@code command} or {@code inventory}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.osbaseline.engine;

import io.osbaseline.model.Machine;
import java.util.Objects;

/**
 * Selects machines for an exemption: one machine by id, or every machine with a tag.
 *
 * @param machineId the machine id, or null to select by tag
 * @param tagKey the tag key, when selecting by tag
 * @param tagValue the tag value, when selecting by tag
 */
public record MachineSelector(String machineId, String tagKey, String tagValue) {
    public static MachineSelector id(String machineId) {
        return new MachineSelector(Objects.requireNonNull(machineId), null, null);
    }

    public static MachineSelector tag(String key, String value) {
        return new MachineSelector(null, Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    /**
     * Parses {@code id=MACHINE} or {@code tag:KEY=VALUE}.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static MachineSelector parse(String text) {
        if (text.startsWith("id=") && text.length() > 3) {
            return id(text.substring(3));
        }
        if (text.startsWith("tag:") && text.indexOf('=') > 4) {
            int eq = text.indexOf('=');
            return tag(text.substring(4, eq), text.substring(eq + 1));
        }
        throw new IllegalArgumentException("bad machine selector '" + text + "'; use id=MACHINE or tag:KEY=VALUE");
    }

    public boolean matches(Machine machine) {
        if (machineId != null) {
            return machineId.equals(machine.id());
        }
        return tagValue.equals(machine.tags().get(tagKey));
    }

    @Override
    public String toString() {
        return machineId != null ? "id=" + machineId : "tag:" + tagKey + "=" + tagValue;
    }
}

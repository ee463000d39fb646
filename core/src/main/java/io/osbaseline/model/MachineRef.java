package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import javax.annotation.CheckForNull;

/**
 * A machine as a recommendation lists it.
 *
 * @param id the machine id
 * @param name its display name
 * @param reason why it is listed where it is, for not-applicable and unassessed machines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineRef(String id, String name, @CheckForNull String reason) {
    public static MachineRef of(Machine m) {
        return new MachineRef(m.id(), m.name(), null);
    }

    public static MachineRef of(Machine m, @CheckForNull String reason) {
        return new MachineRef(m.id(), m.name(), reason);
    }
}

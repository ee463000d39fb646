package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * A systemd unit. When the {@code services} collector ran, a unit with no fact is not installed.
 *
 * @param name full unit name, for example {@code cups.service} or {@code rpcbind.socket}
 * @param unitFileState {@code enabled}, {@code disabled}, {@code masked}, {@code static}, {@code indirect}, ...
 * @param activeState {@code active}, {@code inactive}, {@code failed}, ... on a live host; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemService(String name, String unitFileState, @CheckForNull String activeState) implements Fact {
    public SystemService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitFileState, "unitFileState");
    }

    /** Whether the unit starts at boot. */
    public boolean enabled() {
        return unitFileState.equals("enabled") || unitFileState.equals("enabled-runtime");
    }

    /** Whether the unit is running; false when unknown. */
    public boolean active() {
        return "active".equals(activeState) || "activating".equals(activeState) || "reloading".equals(activeState);
    }

    /** "enabled, active", as reports show it. */
    public String describe() {
        return activeState == null ? unitFileState : unitFileState + ", " + activeState;
    }
}

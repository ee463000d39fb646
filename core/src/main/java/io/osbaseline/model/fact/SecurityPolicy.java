package io.osbaseline.model.fact;

import java.util.Objects;

/**
 * An entry of a security template or {@code secedit /export} file outside {@code [Registry Values]} and
 * {@code [Privilege Rights]} (which become {@link RegistryValue} and {@link UserRight}): the account policies of
 * {@code [System Access]} ({@code MinimumPasswordLength = 14}) and the legacy audit categories of
 * {@code [Event Audit]}.
 *
 * @param section the section, without brackets, for example {@code System Access}
 * @param key the key, spelled as secedit writes it, for example {@code MinimumPasswordLength}
 * @param value the value, surrounding quotes removed
 * @param source the file and line it was read from
 */
public record SecurityPolicy(String section, String key, String value, String source) implements Fact {
    public static final String SYSTEM_ACCESS = "System Access";
    public static final String EVENT_AUDIT = "Event Audit";

    public SecurityPolicy {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}

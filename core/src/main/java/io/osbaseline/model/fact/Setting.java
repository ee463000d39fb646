package io.osbaseline.model.fact;

import java.util.Objects;

/**
 * A generic key and value, for configuration with no richer fact type: {@code login.defs} keys, journald or
 * pwquality options, and anything a custom provider wants rules to see.
 *
 * @param namespace where the key lives, for example {@code login.defs} or {@code journald}
 * @param key the key, spelled as in its source
 * @param value the effective value
 */
public record Setting(String namespace, String key, String value) implements Fact {
    public Setting {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}

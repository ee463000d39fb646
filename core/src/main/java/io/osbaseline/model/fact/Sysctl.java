package io.osbaseline.model.fact;

import java.util.Objects;

/**
 * A kernel parameter. On a live host the value is the runtime one; under an offline root it is the persistent one,
 * with the last file that set it as the source.
 *
 * @param key the dotted key, for example {@code net.ipv4.ip_forward}
 * @param value the value, whitespace collapsed to single spaces
 * @param source {@code runtime} or the configuration file that set it
 */
public record Sysctl(String key, String value, String source) implements Fact {
    public Sysctl {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}

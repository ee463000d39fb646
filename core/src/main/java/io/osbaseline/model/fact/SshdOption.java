package io.osbaseline.model.fact;

import java.util.Objects;

/**
 * An option of the effective OpenSSH server configuration: the first value wins, {@code Include}s are followed,
 * and options left unset carry OpenSSH's default.
 *
 * @param key lower-case option name, for example {@code permitrootlogin}
 * @param value the effective value; options that can repeat (AllowUsers, ...) are joined with spaces
 * @param source {@code file:line} that set it, or {@code default}
 */
public record SshdOption(String key, String value, String source) implements Fact {
    public SshdOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}

package io.osbaseline.provider;

import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * An option a provider accepts, as {@code osbaseline providers} lists it.
 *
 * @param name the option's name, for example {@code root}
 * @param description what it does
 * @param required whether it must be given
 * @param defaultValue the value used when it is not given, if any
 */
public record ProviderOption(String name, String description, boolean required, @CheckForNull String defaultValue) {
    public ProviderOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public static ProviderOption optional(String name, String description) {
        return new ProviderOption(name, description, false, null);
    }

    public static ProviderOption withDefault(String name, String description, String defaultValue) {
        return new ProviderOption(name, description, false, defaultValue);
    }

    public static ProviderOption required(String name, String description) {
        return new ProviderOption(name, description, true, null);
    }
}

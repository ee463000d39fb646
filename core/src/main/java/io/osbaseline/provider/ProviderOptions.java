package io.osbaseline.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Option values given to a provider, checked against the options it declares: an unknown name or a missing required
 * option is an {@link InvalidOptionException} that lists what the provider accepts. Defaults are filled in.
 */
public final class ProviderOptions {
    private final String providerId;
    private final Map<String, String> values;

    private ProviderOptions(String providerId, Map<String, String> values) {
        this.providerId = providerId;
        this.values = values;
    }

    /**
     * Checks {@code given} against the options of {@code factory}.
     *
     * @throws InvalidOptionException naming the bad option and listing the accepted ones
     */
    public static ProviderOptions validate(ProviderFactory factory, Map<String, String> given)
            throws InvalidOptionException {
        List<ProviderOption> declared = factory.options();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (declared.stream().noneMatch(o -> o.name().equals(e.getKey()))) {
                throw new InvalidOptionException("provider '" + factory.id() + "' has no option '" + e.getKey()
                        + "'; " + accepted(declared));
            }
            values.put(e.getKey(), e.getValue());
        }
        for (ProviderOption o : declared) {
            if (!values.containsKey(o.name())) {
                if (o.required()) {
                    throw new InvalidOptionException("provider '" + factory.id() + "' needs the option '" + o.name()
                            + "' (" + o.description() + "); " + accepted(declared));
                }
                if (o.defaultValue() != null) {
                    values.put(o.name(), o.defaultValue());
                }
            }
        }
        return new ProviderOptions(factory.id(), Collections.unmodifiableMap(values));
    }

    private static String accepted(List<ProviderOption> declared) {
        return declared.isEmpty() ? "it takes no options"
                : "it accepts: " + declared.stream().map(ProviderOption::name).collect(Collectors.joining(", "));
    }

    /** The value of an option, or its default; empty when neither was given. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The value of an option that must be present.
     *
     * @throws InvalidOptionException naming the option
     */
    public String require(String name) throws InvalidOptionException {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new InvalidOptionException("provider '" + providerId + "' needs the option '" + name + "'");
        }
        return v;
    }

    /**
     * An integer option.
     *
     * @throws InvalidOptionException when the value is not an integer
     */
    public Optional<Integer> getInt(String name) throws InvalidOptionException {
        String v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("option '" + name + "' of provider '" + providerId
                    + "' must be an integer, got '" + v + "'");
        }
    }

    /** Every value, defaults included. */
    public Map<String, String> asMap() {
        return values;
    }
}

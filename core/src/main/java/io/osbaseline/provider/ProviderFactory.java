package io.osbaseline.provider;

import java.util.List;

/**
 * The service a provider registers in {@code META-INF/services/io.osbaseline.provider.ProviderFactory}. Dropping a
 * jar with one on the class path adds a provider; the SDK needs no change.
 */
public interface ProviderFactory {

    /** A short id, for example {@code local}, {@code files} or {@code azure}. */
    String id();

    /** One line on what the provider reads. */
    String description();

    /** The options it accepts. */
    List<ProviderOption> options();

    /**
     * Creates a provider. {@link Providers#create} checks the options against {@link #options()} first.
     *
     * @throws ProviderException when an option's value does not fit or the provider cannot start
     */
    Provider create(ProviderOptions options) throws ProviderException;
}

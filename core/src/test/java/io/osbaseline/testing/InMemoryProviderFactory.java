package io.osbaseline.testing;

import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.util.List;

/** Registered through META-INF/services: a fleet of {@code size} Linux machines held in memory. */
public final class InMemoryProviderFactory implements ProviderFactory {
    @Override
    public String id() {
        return "memory";
    }

    @Override
    public String description() {
        return "a fleet of Linux machines held in memory";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.required("size", "how many machines"),
                ProviderOption.withDefault("region", "the region of every machine", "westeurope"),
                ProviderOption.optional("page-size", "machines per inventory page"));
    }

    @Override
    public Provider create(ProviderOptions options) throws ProviderException {
        int size = options.getInt("size").orElseThrow();
        return InMemoryProvider.linuxFleet(size);
    }
}

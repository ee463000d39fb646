package io.osbaseline.testing;

import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.util.List;

/** Registered through META-INF/services: a provider with no options and no machines. */
public final class EmptyProviderFactory implements ProviderFactory {
    @Override
    public String id() {
        return "empty";
    }

    @Override
    public String description() {
        return "no machines at all";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of();
    }

    @Override
    public Provider create(ProviderOptions options) {
        return new InMemoryProvider(List.of());
    }
}

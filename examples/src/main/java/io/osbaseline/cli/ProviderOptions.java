package io.osbaseline.cli;

import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.Providers;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --provider} and {@code --option}: where machines and snapshots come from. */
final class ProviderOptions {
    @Option(names = "--provider", paramLabel = "ID", defaultValue = "local",
            description = "Provider of machines and snapshots (default: ${DEFAULT-VALUE}, this host). "
                    + "See 'osbaseline providers'.")
    String provider;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A provider option, repeatable; for example --option root=/mnt/image.")
    Map<String, String> options = new LinkedHashMap<>();

    Provider create() throws ProviderException {
        return Providers.create(provider, options);
    }
}

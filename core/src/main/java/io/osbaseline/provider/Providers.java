package io.osbaseline.provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds providers through {@link ServiceLoader} and creates them from options. */
public final class Providers {
    private Providers() {
    }

    /** The providers on the class path of {@code loader}, sorted by id. */
    public static List<ProviderFactory> available(ClassLoader loader) {
        List<ProviderFactory> found = new ArrayList<>();
        ServiceLoader.load(ProviderFactory.class, loader).forEach(found::add);
        found.sort(Comparator.comparing(ProviderFactory::id));
        return found;
    }

    /** The providers visible to this library's class loader, sorted by id. */
    public static List<ProviderFactory> available() {
        return available(Providers.class.getClassLoader());
    }

    /**
     * The provider with this id.
     *
     * @throws UnknownProviderException listing the providers present
     */
    public static ProviderFactory find(String id) throws UnknownProviderException {
        List<ProviderFactory> all = available();
        return all.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownProviderException(id, all.stream().map(ProviderFactory::id).toList()));
    }

    /**
     * Creates the provider {@code id} with {@code options}.
     *
     * @throws UnknownProviderException listing the providers present
     * @throws InvalidOptionException naming the bad option and listing the accepted ones
     * @throws ProviderException when the provider cannot start
     */
    public static Provider create(String id, Map<String, String> options) throws ProviderException {
        ProviderFactory factory = find(id);
        return factory.create(ProviderOptions.validate(factory, options));
    }
}

package io.osbaseline.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds engine implementations through {@link ServiceLoader}. */
public final class Engines {
    /** The engine used when none is named. */
    public static final String DEFAULT = "drools";

    private Engines() {
    }

    /** The engines on the class path of {@code loader}. */
    public static List<EngineFactory> available(ClassLoader loader) {
        List<EngineFactory> found = new ArrayList<>();
        ServiceLoader.load(EngineFactory.class, loader).forEach(found::add);
        return found;
    }

    /** The engines visible to this library's class loader. */
    public static List<EngineFactory> available() {
        return available(Engines.class.getClassLoader());
    }

    /**
     * The engine with this id; for {@link #DEFAULT}, the only engine present if there is just one.
     *
     * @throws UnknownEngineException listing the engines present
     */
    public static EngineFactory find(String id) throws UnknownEngineException {
        List<EngineFactory> all = available();
        for (EngineFactory f : all) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        if (id.equals(DEFAULT) && all.size() == 1) {
            return all.get(0);
        }
        throw new UnknownEngineException(id, all.stream().map(EngineFactory::id).toList());
    }
}

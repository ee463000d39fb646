package io.osbaseline.engine;

import io.osbaseline.model.Baseline;
import java.util.List;

/**
 * The service an engine implementation registers in {@code META-INF/services/io.osbaseline.engine.EngineFactory}.
 * The Drools engine is the default; a second implementation plugs in the same way.
 */
public interface EngineFactory {

    /** A short id, for example {@code drools}. */
    String id();

    /** One line on what the engine is. */
    String description();

    /** The baselines this engine ships. */
    List<Baseline> builtInBaselines();

    /**
     * Builds an engine. Compiles every rule once; the result is thread-safe.
     *
     * @throws EngineException naming the unknown baseline, the rule source and line that does not compile, or the
     *     parameter that does not fit
     */
    BaselineEngine create(EngineConfig config) throws EngineException;
}

package io.osbaseline.azure;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;

/** The built-in baselines, compiled once per test JVM (Drools compiles in seconds) and shared by the test classes. */
final class TestEngine {
    private static BaselineEngine engine;

    private TestEngine() {
    }

    static synchronized BaselineEngine get() throws EngineException {
        if (engine == null) {
            engine = BaselineEngine.builder().build();
        }
        return engine;
    }
}

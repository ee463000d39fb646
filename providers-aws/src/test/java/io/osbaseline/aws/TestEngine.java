package io.osbaseline.aws;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;

/** The built-in baselines, compiled once per test JVM: Drools takes seconds per rule base. */
final class TestEngine {
    private TestEngine() {
    }

    private static final class Holder {
        static final BaselineEngine ENGINE = build();

        private static BaselineEngine build() {
            try {
                return BaselineEngine.builder().build();
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static BaselineEngine get() {
        return Holder.ENGINE;
    }
}

package io.osbaseline.drl;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;

/** Compiles the built-in packs once per test JVM: Drools takes seconds per KieBase, cold. */
public final class SharedEngines {
    private SharedEngines() {
    }

    private static final class Linux {
        static final BaselineEngine ENGINE = build();

        private static BaselineEngine build() {
            try {
                return BaselineEngine.builder().baselines("azure-linux").build();
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Windows {
        static final BaselineEngine ENGINE = build();

        private static BaselineEngine build() {
            try {
                return BaselineEngine.builder().baselines("azure-windows").build();
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The Azure Windows baseline, as shipped. */
    public static BaselineEngine windows() {
        return Windows.ENGINE;
    }

    /** The Azure Linux baseline, as shipped. */
    public static BaselineEngine linux() {
        return Linux.ENGINE;
    }
}

package io.osbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.OsFamily;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alternatives the benchmarks measure (a new session per assessment, every fact inserted, the packs compiled by
 * the classic compiler) give exactly the same assessments as the engine's defaults (pooled sessions, only the facts
 * some rule can match, the packs' executable model), on real snapshots and a generated fleet, with several threads
 * sharing one engine.
 */
class EngineSettingsTest {
    private static List<ConfigurationSnapshot> machines;
    private static BaselineEngine defaults;

    @BeforeAll
    static void capture() throws EngineException {
        Corpus corpus = Corpus.capture();
        machines = new ArrayList<>(corpus.of(OsFamily.LINUX));
        machines.addAll(new Fleet(corpus.of(OsFamily.LINUX)).first(300));
        defaults = BaselineEngine.builder().build();
    }

    private static BaselineEngine with(String property, String value) throws EngineException {
        System.setProperty(property, value);
        try {
            return BaselineEngine.builder().build();
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void freshSessionsJudgeAsPooledOnes() throws EngineException {
        BaselineEngine fresh = with("osbaseline.drools.sessions", "fresh");
        for (ConfigurationSnapshot s : machines) {
            assertThat(fresh.assess(s)).isEqualTo(defaults.assess(s));
        }
    }

    @Test
    void insertingEveryFactJudgesAsInsertingTheMatchingOnes() throws EngineException {
        BaselineEngine all = with("osbaseline.drools.insert", "all");
        for (ConfigurationSnapshot s : machines) {
            assertThat(all.assess(s)).isEqualTo(defaults.assess(s));
        }
    }

    @Test
    void packsCompiledByTheClassicCompilerJudgeAsTheExecutableModel() throws EngineException {
        BaselineEngine classic = with("osbaseline.drools.packs", "classic");
        for (ConfigurationSnapshot s : machines) {
            assertThat(classic.assess(s)).isEqualTo(defaults.assess(s));
        }
    }

    @Test
    void threadsSharingOneEngineJudgeAsOne() {
        List<Object> serial = machines.stream().map(defaults::assess).map(Object.class::cast).toList();
        List<Object> parallel = defaults.assessAll(machines.parallelStream()).map(Object.class::cast).toList();
        assertThat(parallel).containsExactlyElementsOf(serial);
    }
}

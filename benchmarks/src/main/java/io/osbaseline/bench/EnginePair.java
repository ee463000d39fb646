package io.osbaseline.bench;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineBuilder;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.ConfigurationSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Drools engine and the reference evaluator built on the same rules: the rules of the chosen baselines that the
 * reference has a Java version of ({@link ReferenceEngineFactory#uncovered} lists the others, which both leave out).
 *
 * @param drools the Drools engine
 * @param reference the reference evaluator
 * @param uncovered the rules left out of both, with the reason
 */
public record EnginePair(BaselineEngine drools, BaselineEngine reference, Map<String, String> uncovered) {

    /** Both engines on {@code baselines} (all built-in when empty). */
    public static EnginePair of(List<String> baselines) throws EngineException {
        return of(baselines, UnaryOperator.identity());
    }

    /** Both engines on {@code baselines}, with the same extra configuration (overrides, exemptions, clock). */
    public static EnginePair of(List<String> baselines, UnaryOperator<EngineBuilder> configuration)
            throws EngineException {
        Map<String, String> uncovered = ReferenceEngineFactory.uncovered(baselines);
        BaselineEngine drools = configuration.apply(builder("drools", baselines, uncovered)).build();
        BaselineEngine reference = configuration.apply(builder("reference", baselines, uncovered)).build();
        return new EnginePair(drools, reference, uncovered);
    }

    private static EngineBuilder builder(String engine, List<String> baselines, Map<String, String> uncovered) {
        return BaselineEngine.builder().engine(engine).baselines(baselines.toArray(String[]::new))
                .disable(uncovered.keySet().toArray(String[]::new));
    }

    /** The differences between the two engines' assessments of these snapshots; empty when they agree. */
    public List<String> differences(List<ConfigurationSnapshot> snapshots) {
        List<String> out = new ArrayList<>();
        for (ConfigurationSnapshot s : snapshots) {
            out.addAll(FindingsComparison.differences("drools", drools.assess(s), "reference", reference.assess(s)));
        }
        return out;
    }

    /**
     * Checks that both engines agree on these snapshots.
     *
     * @throws IllegalStateException listing the first differences
     */
    public void verify(List<ConfigurationSnapshot> snapshots) {
        List<String> diff = differences(snapshots);
        if (!diff.isEmpty()) {
            throw new IllegalStateException("the reference evaluator and the Drools engine disagree on "
                    + diff.size() + " findings; the first:\n" + String.join("\n", diff.subList(0, Math.min(10,
                    diff.size())))
                    + "\nIf a template's semantics changed on purpose, change its Java version in "
                    + "io.osbaseline.bench.reference to match.");
        }
    }
}

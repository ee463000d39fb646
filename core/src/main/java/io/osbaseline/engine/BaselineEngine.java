package io.osbaseline.engine;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.RuleInfo;
import java.util.List;
import java.util.stream.Stream;

/**
 * Assesses snapshots against compiled baselines. Built once (compiling rules is expensive) and then shared: every
 * implementation is thread-safe, and the assessment of one snapshot is independent of every other.
 *
 * <pre>{@code
 * BaselineEngine engine = BaselineEngine.builder()
 *         .baselines("azure-linux")
 *         .rules(RuleSource.file(Path.of("acme.drl")))
 *         .build();
 * Assessment assessment = engine.assess(snapshot);
 * }</pre>
 */
public interface BaselineEngine {

    /** A builder that finds the engine implementation through {@link java.util.ServiceLoader}. */
    static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /** The baselines this engine assesses, built-in and custom. */
    List<Baseline> baselines();

    /** Every rule this engine judges, with its metadata, in baseline order. Disabled rules are not listed. */
    List<RuleInfo> rules();

    /**
     * Assesses one snapshot: one finding per rule that applies to the machine's OS family.
     *
     * @throws IllegalStateException when a rule fails while it runs (a bug in the rule, not bad input)
     */
    Assessment assess(ConfigurationSnapshot snapshot);

    /**
     * Assesses a stream of snapshots lazily, one at a time, so that a fleet of any size runs in bounded memory. The
     * result follows the order of the input; pass a parallel stream to use several threads.
     */
    default Stream<Assessment> assessAll(Stream<ConfigurationSnapshot> snapshots) {
        return snapshots.map(this::assess);
    }
}

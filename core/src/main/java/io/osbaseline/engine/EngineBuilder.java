package io.osbaseline.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link BaselineEngine}: which engine, which baselines, extra rules, and the customisations that need no
 * rule editing (disabled rules, overridden expected values, exemptions). With no baseline named, every built-in
 * baseline is loaded, and each machine is judged by those of its OS family.
 */
public final class EngineBuilder {
    private String engineId = Engines.DEFAULT;
    private final List<String> baselines = new ArrayList<>();
    private boolean builtInBaselines = true;
    private final List<RuleSource> ruleSources = new ArrayList<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private final List<ExpectationOverride> overrides = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    EngineBuilder() {
    }

    /** The engine implementation, by id; default {@code drools}. */
    public EngineBuilder engine(String id) {
        this.engineId = Objects.requireNonNull(id);
        return this;
    }

    /** Loads only these built-in baselines, for example {@code azure-linux}. */
    public EngineBuilder baselines(String... ids) {
        baselines.addAll(List.of(ids));
        return this;
    }

    /** Loads no built-in baseline: only the rules given with {@link #rules}. */
    public EngineBuilder withoutBuiltInBaselines() {
        builtInBaselines = false;
        return this;
    }

    /** Adds rules, in the engine's language. */
    public EngineBuilder rules(RuleSource source) {
        ruleSources.add(Objects.requireNonNull(source));
        return this;
    }

    /** Adds the rules in a file. */
    public EngineBuilder rules(Path file) {
        return rules(RuleSource.file(file));
    }

    /** Leaves these rules out: they are neither judged nor reported. */
    public EngineBuilder disable(String... ruleIds) {
        disabled.addAll(List.of(ruleIds));
        return this;
    }

    /**
     * Replaces a rule's expected value, for example {@code expect("157.1", "<= 90")}.
     *
     * @throws IllegalArgumentException when the expectation does not parse (see {@link Expectation})
     */
    public EngineBuilder expect(String ruleId, String expectation) {
        overrides.add(new ExpectationOverride(ruleId, null, Expectation.parse(expectation)));
        return this;
    }

    /** Replaces the expected value of one part of a rule that checks several settings, for example a sysctl key. */
    public EngineBuilder expect(String ruleId, String part, String expectation) {
        overrides.add(new ExpectationOverride(ruleId, part, Expectation.parse(expectation)));
        return this;
    }

    /** Exempts machines from a rule. */
    public EngineBuilder exempt(Exemption exemption) {
        exemptions.add(Objects.requireNonNull(exemption));
        return this;
    }

    /** The clock exemptions expire by; the system UTC clock by default. */
    public EngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** The configuration as it stands. */
    public EngineConfig config() {
        return new EngineConfig(baselines, builtInBaselines, ruleSources, disabled, overrides, exemptions, clock);
    }

    /**
     * Finds the engine and compiles the rules, once.
     *
     * @throws EngineException naming the unknown engine or baseline, the rule source and line that does not
     *     compile, or the rule a parameter names that does not exist
     */
    public BaselineEngine build() throws EngineException {
        return Engines.find(engineId).create(config());
    }
}

package io.osbaseline.engine;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an engine is built from. Made by {@link EngineBuilder}; engine implementations read it.
 *
 * @param baselines ids of the built-in baselines to load; empty for all of them
 * @param builtInBaselines whether to load built-in baselines at all
 * @param ruleSources extra rules, in the engine's language
 * @param disabledRules ids of rules to leave out
 * @param overrides expected values that replace the baselines'
 * @param exemptions exemptions of machines from rules
 * @param clock the clock exemptions expire by
 */
public record EngineConfig(
        List<String> baselines,
        boolean builtInBaselines,
        List<RuleSource> ruleSources,
        Set<String> disabledRules,
        List<ExpectationOverride> overrides,
        List<Exemption> exemptions,
        Clock clock) {

    public EngineConfig {
        baselines = List.copyOf(baselines);
        ruleSources = List.copyOf(ruleSources);
        disabledRules = Set.copyOf(disabledRules);
        overrides = List.copyOf(overrides);
        exemptions = List.copyOf(exemptions);
        Objects.requireNonNull(clock, "clock");
    }
}

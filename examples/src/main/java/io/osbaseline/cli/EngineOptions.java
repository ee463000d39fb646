package io.osbaseline.cli;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineBuilder;
import io.osbaseline.engine.EngineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --baseline}, {@code --rules}, {@code --disable}, {@code --expect}: what the engine judges. */
final class EngineOptions {
    @Option(names = "--baseline", paramLabel = "ID",
            description = "Built-in baseline to load, repeatable (default: all; each machine is judged by those of "
                    + "its OS family).")
    List<String> baselines = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Load no built-in baseline, only the --rules files.")
    boolean noBuiltIn;

    @Option(names = "--rules", paramLabel = "FILE.drl", description = "Custom DRL rules, repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE", description = "Leave a rule out, repeatable.")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--expect", paramLabel = "RULE[:PART]=EXPECTATION",
            description = "Override a rule's expected value, repeatable; for example --expect '157.1=<= 90'.")
    List<String> expectations = new ArrayList<>();

    BaselineEngine build() throws EngineException {
        EngineBuilder builder = BaselineEngine.builder().baselines(baselines.toArray(String[]::new));
        if (noBuiltIn) {
            builder.withoutBuiltInBaselines();
        }
        rules.forEach(builder::rules);
        builder.disable(disabled.toArray(String[]::new));
        for (String e : expectations) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad --expect '" + e + "'; write RULE=EXPECTATION or "
                        + "RULE:PART=EXPECTATION, for example --expect '157.1=<= 90'");
            }
            String target = e.substring(0, eq);
            String expectation = e.substring(eq + 1);
            int colon = target.indexOf(':');
            if (colon > 0) {
                builder.expect(target.substring(0, colon), target.substring(colon + 1), expectation);
            } else {
                builder.expect(target, expectation);
            }
        }
        return builder.build();
    }
}

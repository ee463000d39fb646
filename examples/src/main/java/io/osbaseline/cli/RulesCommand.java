package io.osbaseline.cli;

import io.osbaseline.drl.DroolsEngineFactory;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.json.Json;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.RuleInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", description = "List the rules with their metadata, built-in and custom.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--drl", description = "Print the DRL generated from the built-in baseline packs instead.")
    boolean drl;

    @Override
    public Integer call() throws Exception {
        output.requireTableOrJson();
        if (drl) {
            StringBuilder s = new StringBuilder();
            DroolsEngineFactory.generatedDrl().forEach((resource, text) ->
                    s.append("// ---- ").append(resource).append("\n").append(text));
            output.write(spec.commandLine().getOut(), s.toString());
            return Main.OK;
        }
        BaselineEngine built = engine.build();
        List<RuleInfo> rules = built.rules();
        if (output.format == OutputOptions.Format.JSON) {
            output.write(spec.commandLine().getOut(), Json.write(rules));
            return Main.OK;
        }
        StringBuilder s = new StringBuilder();
        for (Baseline b : built.baselines()) {
            List<RuleInfo> mine = rules.stream().filter(r -> r.baselineId().equals(b.id())).toList();
            s.append(b.title()).append(" (").append(b.id()).append("): ").append(mine.size()).append(" rules\n");
            s.append(String.format("  %-14s %-14s %-40s %s%n", "RULE", "SEVERITY", "CATEGORY", "TITLE"));
            for (RuleInfo r : mine) {
                s.append(String.format("  %-14s %-14s %-40s %s%n", r.id(), r.severity().displayName(),
                        r.category(), r.title()));
                s.append(String.format("  %-14s expected: %s%n", "", r.expected()));
            }
            s.append('\n');
        }
        output.write(spec.commandLine().getOut(), s.toString());
        return Main.OK;
    }
}

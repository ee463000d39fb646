package io.osbaseline.bench.jmh;

import io.osbaseline.drl.DroolsEngineFactory;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineBuilder;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.RuleInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the Drools engine until it is ready to assess (its rule bases built for every OS family its baselines
 * name), in milliseconds. By default each fork measures one cold build, the first in a fresh JVM, as a command-line
 * scan pays it; {@code -wi 5 -i 10 -f 1} measures warm rebuilds instead. {@code baselines} is one built-in baseline or
 * {@code all}; {@code source} is {@code builtin} (the packs as shipped, compiled at build time) or {@code drl} (the same
 * packs' generated DRL given as custom rules, compiled at run time, as custom DRL always is).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBuildBenchmark {
    /** A built-in baseline id, or {@code all}; the launcher lists the baselines present. */
    @Param({"all"})
    public String baselines;

    @Param({"builtin", "drl"})
    public String source;

    @Benchmark
    public List<Assessment> build() throws EngineException {
        EngineBuilder builder = BaselineEngine.builder();
        if (source.equals("builtin")) {
            return ready((baselines.equals("all") ? builder : builder.baselines(baselines)).build());
        }
        builder.withoutBuiltInBaselines();
        for (Map.Entry<String, String> drl : DroolsEngineFactory.generatedDrl().entrySet()) {
            if (baselines.equals("all") || drl.getKey().contains("/" + baselines + "/")) {
                builder.rules(RuleSource.text(drl.getKey(), drl.getValue()));
            }
        }
        return ready(builder.build());
    }

    /** Assesses a machine without facts of each OS family the engine judges: its rule base must be built for that. */
    private static List<Assessment> ready(BaselineEngine engine) {
        List<Assessment> out = new ArrayList<>();
        engine.rules().stream().map(RuleInfo::osFamily).filter(Objects::nonNull).distinct().forEach(family ->
                out.add(engine.assess(new ConfigurationSnapshot(Machine.builder("empty").osFamily(family).build(),
                        Instant.EPOCH, List.of(), Coverage.EMPTY))));
        return out;
    }
}

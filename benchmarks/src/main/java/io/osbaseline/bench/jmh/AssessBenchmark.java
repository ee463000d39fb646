package io.osbaseline.bench.jmh;

import io.osbaseline.bench.Corpus;
import io.osbaseline.bench.EnginePair;
import io.osbaseline.bench.Fleet;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The assessment of one captured snapshot, in microseconds: by the Drools engine with every built-in baseline loaded
 * (what the command line does), by the Drools engine on the rules the reference covers, and by the reference
 * evaluator on those same rules. The setup checks that both engines agree on the snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AssessBenchmark {
    /** The name of a captured snapshot (see {@link Corpus}); the launcher lists those captured. */
    @Param({"host"})
    public String snapshot;

    private ConfigurationSnapshot machine;
    private BaselineEngine full;
    private EnginePair pair;

    @Setup(Level.Trial)
    public void setUp() throws EngineException {
        machine = Corpus.capture().get(snapshot);
        full = BaselineEngine.builder().build();
        List<String> family = new ArrayList<>();
        for (Baseline b : full.baselines()) {
            if (b.appliesTo(machine.machine().osFamily())) {
                family.add(b.id());
            }
        }
        pair = EnginePair.of(family);
        pair.verify(List.of(machine));
        pair.verify(new Fleet(List.of(machine)).first(50));
    }

    @Benchmark
    public Assessment drools() {
        return full.assess(machine);
    }

    @Benchmark
    public Assessment droolsOnCoveredRules() {
        return pair.drools().assess(machine);
    }

    @Benchmark
    public Assessment reference() {
        return pair.reference().assess(machine);
    }
}

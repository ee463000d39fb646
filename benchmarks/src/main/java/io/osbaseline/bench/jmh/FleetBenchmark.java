package io.osbaseline.bench.jmh;

import io.osbaseline.bench.Corpus;
import io.osbaseline.bench.EnginePair;
import io.osbaseline.bench.Fleet;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.OsFamily;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fleet throughput in machines per second, with one and with two threads sharing one engine: each thread assesses
 * the machines of a generated fleet (see {@link Fleet}) in turn. {@code engine} is {@code drools} (every built-in
 * baseline loaded), {@code drools-covered} (the rules the reference covers) or {@code reference} (the same rules, in
 * plain Java). The setup checks that the Drools engine and the reference agree on the whole fleet.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FleetBenchmark {
    static final int FLEET_SIZE = 1000;

    /** The engines and the fleet, shared by the threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** The OS family of the fleet; the launcher lists the families captured. */
        @Param({"LINUX"})
        public String family;

        @Param({"drools", "drools-covered", "reference"})
        public String engine;

        BaselineEngine assessing;
        List<ConfigurationSnapshot> fleet;

        @Setup(Level.Trial)
        public void setUp() throws EngineException {
            OsFamily os = OsFamily.valueOf(family);
            fleet = new Fleet(Corpus.capture().of(os)).first(FLEET_SIZE);
            BaselineEngine full = BaselineEngine.builder().build();
            List<String> baselines = new ArrayList<>();
            for (Baseline b : full.baselines()) {
                if (b.appliesTo(os)) {
                    baselines.add(b.id());
                }
            }
            EnginePair pair = EnginePair.of(baselines);
            pair.verify(fleet);
            assessing = switch (engine) {
                case "drools" -> full;
                case "drools-covered" -> pair.drools();
                case "reference" -> pair.reference();
                default -> throw new IllegalArgumentException("engine is drools, drools-covered or reference");
            };
        }
    }

    /** Where one thread is in the fleet. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        ConfigurationSnapshot nextOf(List<ConfigurationSnapshot> fleet) {
            ConfigurationSnapshot s = fleet.get(next);
            next = next + 1 == fleet.size() ? 0 : next + 1;
            return s;
        }
    }

    @Benchmark
    @Threads(1)
    public Assessment oneThread(Shared shared, Cursor cursor) {
        return shared.assessing.assess(cursor.nextOf(shared.fleet));
    }

    @Benchmark
    @Threads(2)
    public Assessment twoThreads(Shared shared, Cursor cursor) {
        return shared.assessing.assess(cursor.nextOf(shared.fleet));
    }
}

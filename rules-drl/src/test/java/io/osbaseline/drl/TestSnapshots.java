package io.osbaseline.drl;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Snapshots built from facts in code, for engine tests that are not about collection. */
final class TestSnapshots {
    private final Machine machine;
    private final List<Fact> facts = new ArrayList<>();
    private final List<CollectorRun> runs = new ArrayList<>();

    private TestSnapshots(Machine machine) {
        this.machine = machine;
    }

    static TestSnapshots linux(String id) {
        return new TestSnapshots(Machine.builder(id).osFamily(OsFamily.LINUX).build());
    }

    static TestSnapshots of(Machine machine) {
        return new TestSnapshots(machine);
    }

    TestSnapshots collected(String... collectors) {
        for (String c : collectors) {
            runs.add(CollectorRun.collected(c, null));
        }
        return this;
    }

    TestSnapshots run(CollectorRun run) {
        runs.add(run);
        return this;
    }

    TestSnapshots fact(Fact... fs) {
        facts.addAll(List.of(fs));
        return this;
    }

    ConfigurationSnapshot build() {
        return new ConfigurationSnapshot(machine, Instant.parse("2026-11-28T10:00:00Z"), facts,
                new Coverage(runs, List.of()));
    }
}

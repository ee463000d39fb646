package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.Fact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** What one collector produced on a test root. */
record Outcome(CollectorRun run, List<Fact> facts, List<CoverageGap> gaps) {

    /** Runs {@code collector} on {@code root}, offline, with no host commands. */
    static Outcome offline(Collector collector, TestRoot root) {
        return run(collector, root, false, new HostCommands(List.of()));
    }

    /** Runs {@code collector} with runtime sources (the root's own /proc) read, as on a live host. */
    static Outcome run(Collector collector, TestRoot root, boolean live, HostCommands commands) {
        try {
            CollectorContext ctx = new CollectorContext(collector.name(), RootFs.of(root.dir()), live, commands);
            CollectorRun run = collector.collect(ctx);
            return new Outcome(run, List.copyOf(ctx.facts()), List.copyOf(ctx.gaps()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends Fact> List<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

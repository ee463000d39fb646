package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.OsRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the snapshot of a Linux root by running every collector once, in a fixed order. A collector that breaks
 * unexpectedly is recorded as FAILED with the reason; the others still run. Thread-safe: it keeps no state between
 * snapshots.
 */
public final class LinuxSnapshotter {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxSnapshotter.class);

    private static final List<Collector> COLLECTORS = List.of(
            new OsReleaseCollector(),
            new FileInfoCollector(),
            new FileLinesCollector(),
            new LoginDefsCollector(),
            new PamCollector(),
            new SshdCollector(),
            new SysctlCollector(),
            new PackagesCollector(),
            new ServicesCollector(),
            new MountsCollector(),
            new KernelModulesCollector(),
            new AccountsCollector(),
            new HomesCollector(),
            new RootPathCollector(),
            new KernelCollector(),
            new InterfacesCollector(),
            new FirewallCollector(),
            new NetworkConfigCollector(),
            new LoggingCollector(),
            new LimitsCollector(),
            new GrubCollector(),
            new PostfixCollector(),
            new SambaCollector());

    /** The names of the collectors, in the order they run: the names rules give in {@code @requires}. */
    public static final List<String> COLLECTOR_NAMES = COLLECTORS.stream().map(Collector::name).toList();

    private final RootFs fs;
    private final boolean live;
    private final HostCommands commands;
    private final Clock clock;

    /** {@code live}: read runtime sources (/proc, systemctl) too; tests give a root with a /proc of their own. */
    LinuxSnapshotter(RootFs fs, boolean live, HostCommands commands, Clock clock) {
        this.fs = Objects.requireNonNull(fs);
        this.live = live;
        this.commands = Objects.requireNonNull(commands);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Snapshots of the running host: files under {@code /} plus runtime state from /proc and systemctl. */
    public static LinuxSnapshotter live() {
        return new LinuxSnapshotter(RootFs.host(), true, HostCommands.fromEnvironment(), Clock.systemUTC());
    }

    /** Snapshots of an offline root: persistent configuration only; the host's /proc is never read. */
    public static LinuxSnapshotter offline(RootFs root) {
        return new LinuxSnapshotter(root, false, HostCommands.fromEnvironment(), Clock.systemUTC());
    }

    /**
     * Snapshots of a machine whose files and command outputs were collected earlier, on the machine (the remote
     * evidence of {@code io.osbaseline.local.evidence}): read as the live machine they come from, runtime sources
     * included.
     *
     * @param collectedAt when the evidence was collected: the snapshot's time
     */
    public static LinuxSnapshotter replaying(RootFs fs, HostCommands commands, Instant collectedAt) {
        return new LinuxSnapshotter(fs, true, commands, Clock.fixed(collectedAt, ZoneOffset.UTC));
    }

    public RootFs fs() {
        return fs;
    }

    public boolean isLive() {
        return live;
    }

    /**
     * The distribution of the root, as {@code os-release} says it.
     *
     * @return empty when there is no os-release
     * @throws IOException when it cannot be read
     */
    public Optional<OsRelease> osRelease() throws IOException {
        return OsReleaseCollector.read(fs);
    }

    /** Runs every collector and returns the snapshot of {@code machine}. */
    public ConfigurationSnapshot snapshot(Machine machine) {
        List<Fact> facts = new ArrayList<>();
        List<CollectorRun> runs = new ArrayList<>();
        List<CoverageGap> gaps = new ArrayList<>();
        for (Collector c : COLLECTORS) {
            CollectorContext ctx = new CollectorContext(c.name(), fs, live, commands);
            CollectorRun run;
            try {
                run = c.collect(ctx);
            } catch (UncheckedIOException e) {
                run = ctx.failed("I/O error: " + CollectorContext.reason(e.getCause()));
            } catch (RuntimeException e) {
                LOG.error("collector {} failed on {}", c.name(), machine.id(), e);
                run = ctx.failed("collector error: " + e);
            }
            facts.addAll(ctx.facts());
            gaps.addAll(ctx.gaps());
            runs.add(run);
            LOG.debug("{} on {}: {} ({} facts, {} gaps)", c.name(), machine.id(), run.status(), ctx.facts().size(),
                    ctx.gaps().size());
        }
        return new ConfigurationSnapshot(machine, clock.instant(), facts, new Coverage(runs, gaps));
    }
}

package io.osbaseline.scan;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.Report;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import io.osbaseline.provider.UncheckedProviderException;
import io.osbaseline.report.ReportBuilder;
import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans a fleet: lists the provider's machines, collects each snapshot and assesses it. One machine that cannot be
 * collected or read ends as an ERROR assessment with the reason (NOT_APPLICABLE when the provider says it is out of
 * scope); the others are still assessed. Machines stream through with at most {@code 2 × parallelism} in flight, so
 * memory stays bounded whatever the fleet's size.
 *
 * <pre>{@code
 * try (Provider provider = Providers.create("local", Map.of())) {
 *     Report report = FleetScan.of(provider, engine).report();
 * }
 * }</pre>
 */
public final class FleetScan {
    private static final Logger LOG = LoggerFactory.getLogger(FleetScan.class);

    private final Provider provider;
    private final BaselineEngine engine;
    private int parallelism = 1;
    private Clock clock = Clock.systemUTC();

    private FleetScan(Provider provider, BaselineEngine engine) {
        this.provider = Objects.requireNonNull(provider);
        this.engine = Objects.requireNonNull(engine);
    }

    public static FleetScan of(Provider provider, BaselineEngine engine) {
        return new FleetScan(provider, engine);
    }

    /** How many machines are collected and assessed at once; 1 (the default) runs on the calling thread. */
    public FleetScan parallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + threads);
        }
        this.parallelism = threads;
        return this;
    }

    /** The clock that stamps the report. */
    public FleetScan clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Scans and aggregates the assessments into a report. */
    public Report report() throws ProviderException {
        ReportBuilder builder = new ReportBuilder(engine.baselines(), engine.rules(), clock);
        run(builder::add);
        return builder.build();
    }

    /**
     * Scans and hands each assessment to {@code sink} as it is ready (from worker threads, one call at a time).
     *
     * @throws ProviderException when the inventory cannot be listed; machines assessed before are already delivered
     */
    public void run(Consumer<Assessment> sink) throws ProviderException {
        Consumer<Assessment> serial = synchronizedSink(sink);
        try (Stream<Machine> machines = provider.machines()) {
            if (parallelism == 1) {
                machines.forEach(m -> serial.accept(assess(m)));
            } else {
                runParallel(machines.iterator(), serial);
            }
        } catch (UncheckedProviderException e) {
            throw e.getCause();
        }
    }

    private void runParallel(Iterator<Machine> machines, Consumer<Assessment> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "osbaseline-scan");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(2 * parallelism);
        try {
            while (true) {
                // take the permit before the next machine, so that no listed machine waits outside the bound
                inFlight.acquireUninterruptibly();
                if (!machines.hasNext()) {
                    break;
                }
                Machine m = machines.next();
                pool.execute(() -> {
                    try {
                        sink.accept(assess(m));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    private Assessment assess(Machine machine) {
        ConfigurationSnapshot snapshot;
        try {
            snapshot = provider.collect(machine);
        } catch (MachineNotApplicableException e) {
            return Assessment.notApplicable(machine, reason(e));
        } catch (SnapshotException e) {
            LOG.warn("cannot collect {}: {}", machine.id(), reason(e));
            return Assessment.error(machine, reason(e));
        } catch (RuntimeException e) {
            LOG.error("provider failed on {}", machine.id(), e);
            return Assessment.error(machine, "provider failed: " + e);
        }
        try {
            return engine.assess(snapshot);
        } catch (RuntimeException e) {
            LOG.error("engine failed on {}", machine.id(), e);
            return Assessment.error(snapshot.machine(), "engine failed: " + reason(e));
        }
    }

    /** The exception's message; assessments need a reason even when a provider gives none. */
    private static String reason(Exception e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getCause() != null ? e.getCause().toString() : e.getClass().getName();
    }

    private static Consumer<Assessment> synchronizedSink(Consumer<Assessment> sink) {
        Object lock = new Object();
        return a -> {
            synchronized (lock) {
                sink.accept(a);
            }
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

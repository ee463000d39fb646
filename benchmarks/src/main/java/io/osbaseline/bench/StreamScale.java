package io.osbaseline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.OsFamily;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code assessAll} over a stream of generated machines (see {@link Fleet}), consumed as it is produced, with the
 * heap watched: the scale test of the engine.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar io.osbaseline.bench.StreamScale MACHINES [THREADS] [WARMUP]
 * </pre>
 *
 * {@code WARMUP} machines are assessed first, untimed, so that the timed run measures compiled code rather than the
 * JIT at work. It reports the wall time and machines per second (in total and for each tenth of the run, to show that
 * the pace holds), the statuses counted, and the most heap found live after a collection (what the run holds, as
 * opposed to the garbage it makes). The machines are generated as the stream is consumed; their generation is part of
 * the time.
 */
public final class StreamScale {
    private StreamScale() {
    }

    public static void main(String[] args) throws EngineException, InterruptedException, ExecutionException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: StreamScale MACHINES [THREADS] [WARMUP]");
        }
        int machines = Integer.parseInt(args[0].replace("_", ""));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int warmup = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 0;
        Fleet fleet = new Fleet(Corpus.capture().of(OsFamily.LINUX));
        long buildStart = System.nanoTime();
        BaselineEngine engine = BaselineEngine.builder().build();
        long built = System.nanoTime();

        Map<AssessmentStatus, LongAdder> statuses = new EnumMap<>(AssessmentStatus.class);
        for (AssessmentStatus s : AssessmentStatus.values()) {
            statuses.put(s, new LongAdder());
        }
        LongAdder findings = new LongAdder();
        ForkJoinPool pool = new ForkJoinPool(threads);
        long warmupStart = System.nanoTime();
        pool.submit(() -> engine.assessAll(fleet.stream(warmup).parallel()).forEach(a -> { })).get();
        long warmedUp = System.nanoTime();

        HeapAfterGc heap = HeapAfterGc.watch();
        Progress progress = new Progress(machines);
        long start = System.nanoTime();
        pool.submit(() -> {
            Stream<Assessment> assessed = engine.assessAll(threads > 1 ? fleet.stream(machines).parallel()
                    : fleet.stream(machines));
            assessed.forEach(a -> {
                statuses.get(a.status()).increment();
                findings.add(a.findings().size());
                progress.done();
            });
        }).get();
        long seconds = System.nanoTime() - start;
        pool.shutdown();

        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += gc.getCollectionCount();
            gcMillis += gc.getCollectionTime();
        }
        double wall = seconds / 1e9;
        System.out.printf("machines            %,d%n", machines);
        System.out.printf("threads             %d (of %d processors)%n", threads,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("engine build        %d ms%n", (built - buildStart) / 1_000_000);
        System.out.printf("warm-up             %,d machines in %.1f s, untimed%n", warmup, (warmedUp - warmupStart) / 1e9);
        System.out.printf("wall time           %.1f s%n", wall);
        System.out.printf("throughput          %,.0f machines/s%n", machines / wall);
        System.out.printf("assessments         %s%n", statuses);
        System.out.printf("findings            %,d%n", findings.sum());
        System.out.printf("max heap (-Xmx)     %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("heap after GC, max  %d MiB (what the run holds; the rest is garbage it made)%n",
                heap.maxAfterGc() >> 20);
        System.out.printf("collections         %d, %d ms in total%n", gcCount, gcMillis);
        System.out.printf("pace, per tenth     %s machines/s%n", progress.paces());
    }

    /** The pace of each tenth of the run. */
    private static final class Progress {
        private final int total;
        private final LongAdder done = new LongAdder();
        private final long[] reachedAt = new long[11];
        private int next = 1;

        Progress(int total) {
            this.total = total;
            reachedAt[0] = System.nanoTime();
        }

        void done() {
            done.increment();
            if (done.sum() >= (long) total * next / 10) {
                synchronized (this) {
                    while (next <= 10 && done.sum() >= (long) total * next / 10) {
                        reachedAt[next++] = System.nanoTime();
                    }
                }
            }
        }

        String paces() {
            StringBuilder s = new StringBuilder();
            for (int i = 1; i < next; i++) {
                s.append(i == 1 ? "" : " ").append(String.format("%,.0f", total / 10.0
                        / ((reachedAt[i] - reachedAt[i - 1]) / 1e9)));
            }
            return s.toString();
        }
    }

    /** The most heap in use right after any collection, across the heap pools: the live data of the run. */
    private static final class HeapAfterGc implements NotificationListener {
        private final AtomicLong max = new AtomicLong();

        static HeapAfterGc watch() {
            HeapAfterGc watcher = new HeapAfterGc();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(watcher, null, null);
                }
            }
            return watcher;
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("CodeHeap")
                        && !pool.getKey().contains("Compressed Class")) {
                    used += pool.getValue().getUsed();
                }
            }
            max.accumulateAndGet(used, Math::max);
        }

        long maxAfterGc() {
            return max.get();
        }
    }
}

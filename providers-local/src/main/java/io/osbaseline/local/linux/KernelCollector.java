package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code kernel}: the running kernel and the processor it runs on, read on the live host only.
 *
 * <ul>
 *   <li>{@code Setting("kernel", "release", ...)} from {@code /proc/sys/kernel/osrelease} ({@code uname -r});
 *   <li>{@code Setting("kernel", "version", ...)} from {@code /proc/version}: the release, who built it with which
 *       compiler, and the build string, where distributions put their name;
 *   <li>{@code Setting("cpu", "flags", ...)} from the first {@code flags} line of {@code /proc/cpuinfo} (x86), or
 *       {@code Setting("cpu", "features", ...)} from its first {@code Features} line (Arm), whitespace collapsed.
 * </ul>
 *
 * <p>An offline root has no running kernel: the run is UNAVAILABLE, and the rules that need it say UNKNOWN.
 */
final class KernelCollector implements Collector {
    static final String NAME = "kernel";
    static final String OSRELEASE = "/proc/sys/kernel/osrelease";
    static final String VERSION = "/proc/version";
    static final String CPUINFO = "/proc/cpuinfo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        if (!ctx.live()) {
            return CollectorRun.unavailable(NAME,
                    "the running kernel and processor are runtime state, which an offline root does not have");
        }
        Optional<String> release = firstLine(ctx, OSRELEASE);
        release.ifPresent(r -> ctx.emit(new Setting("kernel", "release", r)));
        firstLine(ctx, VERSION).ifPresent(v -> ctx.emit(new Setting("kernel", "version", v)));
        String cpu = cpuFlags(ctx);
        return ctx.done((release.isPresent() ? "kernel " + release.get() : "kernel release not read") + "; " + cpu);
    }

    /** The first line of a /proc file, whitespace collapsed; empty (with a gap) when absent or unreadable. */
    private static Optional<String> firstLine(CollectorContext ctx, String path) {
        Optional<List<String>> lines = procLines(ctx, path);
        return lines.flatMap(l -> l.stream().findFirst()).map(SysctlCollector::collapse);
    }

    private static Optional<List<String>> procLines(CollectorContext ctx, String path) {
        try {
            Optional<List<String>> lines = ctx.fs().readLines(path);
            if (lines.isEmpty()) {
                ctx.gap(path, "absent: /proc is not mounted");
            }
            return lines;
        } catch (IOException e) {
            ctx.gap(path, e);
            return Optional.empty();
        }
    }

    private static String cpuFlags(CollectorContext ctx) {
        Optional<List<String>> lines = procLines(ctx, CPUINFO);
        if (lines.isEmpty()) {
            return "CPU flags not read";
        }
        for (String key : List.of("flags", "Features")) {
            for (String line : lines.get()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    ctx.emit(new Setting("cpu", key.toLowerCase(Locale.ROOT),
                            SysctlCollector.collapse(line.substring(colon + 1))));
                    return "CPU " + key.toLowerCase(Locale.ROOT) + " of the first processor";
                }
            }
        }
        ctx.gap(CPUINFO, "no flags or Features line");
        return "no CPU flags in " + CPUINFO;
    }
}

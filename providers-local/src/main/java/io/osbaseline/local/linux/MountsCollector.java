package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Mount;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code mounts}: the file systems configured in {@code /etc/fstab} (source {@code fstab}) and, on the live host, those
 * mounted now, from {@code /proc/self/mounts} (source {@code runtime}). Options are kept as written ({@code defaults}
 * is not expanded); a missing options field reads as {@code defaults}, as mount(8) does; swap lines are kept with their
 * mount point as written ({@code none} or {@code swap}). Octal escapes ({@code \040} for a space) are decoded.
 */
final class MountsCollector implements Collector {
    static final String NAME = "mounts";
    static final String FSTAB = "/etc/fstab";
    static final String PROC_MOUNTS = "/proc/self/mounts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Optional<List<String>> fstab = ctx.lines(FSTAB);
        int configured = fstab.map(lines -> read(ctx, FSTAB, lines, "fstab")).orElse(0);
        String detail = fstab.isPresent() ? configured + " entries in " + FSTAB
                : ctx.hasGaps() ? "cannot read " + FSTAB : "no " + FSTAB;
        if (!ctx.live()) {
            ctx.gap(PROC_MOUNTS, "runtime mounts cannot be read under an offline root");
            return ctx.done(detail + "; runtime mounts unavailable offline");
        }
        Optional<List<String>> runtime;
        try {
            runtime = ctx.fs().readLines(PROC_MOUNTS);
        } catch (IOException e) {
            ctx.gap(PROC_MOUNTS, e);
            return ctx.done(detail + "; cannot read " + PROC_MOUNTS);
        }
        if (runtime.isEmpty()) {
            ctx.gap(PROC_MOUNTS, "absent: /proc is not mounted");
            return ctx.done(detail + "; no " + PROC_MOUNTS);
        }
        int mounted = read(ctx, PROC_MOUNTS, runtime.get(), "runtime");
        return ctx.done(detail + "; " + mounted + " mounted now");
    }

    private static int read(CollectorContext ctx, String path, List<String> lines, String source) {
        int count = 0;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 3) {
                ctx.gap(path + ":" + lineNo, "not a mount entry: expected device, mount point and type");
                continue;
            }
            List<String> options = Arrays.stream(unescape(f.length > 3 ? f[3] : "defaults").split(","))
                    .filter(o -> !o.isEmpty()).toList();
            ctx.emit(new Mount(unescape(f[1]), unescape(f[0]), f[2], options, source));
            count++;
        }
        return count;
    }

    /** Decodes the octal escapes of fstab and /proc/mounts: {@code \040} space, {@code \011} tab, {@code \134}. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                s.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}

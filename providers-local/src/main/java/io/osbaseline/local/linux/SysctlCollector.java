package io.osbaseline.local.linux;

import io.osbaseline.local.Glob;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.Sysctl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * {@code sysctl}: kernel parameters.
 *
 * <p>Persistent configuration is read in the order systemd-sysctl applies it: the {@code *.conf} files of
 * {@code /etc/sysctl.d}, {@code /run/sysctl.d}, {@code /usr/local/lib/sysctl.d}, {@code /usr/lib/sysctl.d} and
 * {@code /lib/sysctl.d} (a name in an earlier directory hides the same name in later ones; a link to
 * {@code /dev/null} masks it), all sorted by file name, then {@code /etc/sysctl.conf} last, as {@code sysctl --system}
 * does. A later assignment wins. Keys may use {@code /} as separator; a leading {@code -} (ignore errors) is dropped;
 * a {@code -key} line with no value excludes the key from glob assignments ({@code net.ipv4.conf.*.rp_filter}), which
 * apply to the keys no line names explicitly.
 *
 * <p>On the live host the value of every key the configuration names, plus {@link #BASELINE_KEYS}, is read from
 * {@code /proc/sys} and wins (source {@code runtime}). Under an offline root only persistent values exist (source: the
 * file); the run is PARTIAL with a gap for {@code /proc/sys}, and no kernel default is invented.
 *
 * <p>A key the running kernel does not have (IPv6 keys when IPv6 is disabled at boot, for example) gives
 * {@code Setting("sysctl", "unavailable", KEY)}, so that rules can tell "not in this kernel" from "not read".
 */
final class SysctlCollector implements Collector {
    static final String NAME = "sysctl";
    static final List<String> CONF_DIRS = List.of("/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d",
            "/usr/lib/sysctl.d", "/lib/sysctl.d");
    static final String SYSCTL_CONF = "/etc/sysctl.conf";
    static final String PROC_SYS = "/proc/sys";

    /** The keys baseline rules check; read at runtime even when no configuration file names them. */
    static final List<String> BASELINE_KEYS = List.of(
            "kernel.randomize_va_space",
            "fs.suid_dumpable",
            "net.ipv4.ip_forward",
            "net.ipv4.conf.all.send_redirects", "net.ipv4.conf.default.send_redirects",
            "net.ipv4.conf.all.accept_redirects", "net.ipv4.conf.default.accept_redirects",
            "net.ipv4.conf.all.secure_redirects", "net.ipv4.conf.default.secure_redirects",
            "net.ipv4.conf.all.accept_source_route", "net.ipv4.conf.default.accept_source_route",
            "net.ipv4.conf.all.log_martians", "net.ipv4.conf.default.log_martians",
            "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter",
            "net.ipv6.conf.all.accept_redirects", "net.ipv6.conf.default.accept_redirects",
            "net.ipv6.conf.all.accept_source_route", "net.ipv6.conf.default.accept_source_route",
            "net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6",
            "net.ipv4.icmp_ignore_bogus_error_responses",
            "net.ipv4.icmp_echo_ignore_broadcasts",
            "net.ipv4.tcp_syncookies");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Persistent conf = new Persistent();
        int files = 0;
        for (String file : configFiles(ctx)) {
            Optional<List<String>> lines = ctx.lines(file);
            if (lines.isPresent()) {
                conf.read(ctx, file, lines.get());
                files++;
            }
        }
        String read = files == 0 ? "no sysctl configuration files"
                : "persistent configuration from " + CollectorContext.count(files, "file");
        if (!ctx.live()) {
            Map<String, Assignment> values = conf.effective();
            values.forEach((k, a) -> ctx.emit(new Sysctl(k, a.value, a.source)));
            ctx.gap(PROC_SYS, "runtime values cannot be read under an offline root");
            return ctx.done(read + ", " + values.size() + " keys set; runtime values (/proc/sys) unavailable offline");
        }
        TreeSet<String> keys = new TreeSet<>(BASELINE_KEYS);
        conf.explicit.forEach((k, a) -> {
            if (a.value != null) {
                keys.add(k);
            }
        });
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (String key : keys) {
            String path = PROC_SYS + "/" + toPath(key);
            Optional<List<String>> value;
            try {
                value = ctx.fs().readLines(path);
            } catch (IOException e) {
                ctx.gap(path, e);
                continue;
            }
            if (value.isEmpty()) {
                missing.add(key);
                ctx.emit(new Setting(NAME, "unavailable", key));
                continue;
            }
            ctx.emit(new Sysctl(key, collapse(String.join(" ", value.get())), "runtime"));
            found++;
        }
        return ctx.done(read + "; " + found + " runtime values from /proc/sys"
                + (missing.isEmpty() ? "" : "; not in this kernel: " + String.join(", ", missing)));
    }

    /** The configuration files in the order they apply. */
    private static List<String> configFiles(CollectorContext ctx) {
        Map<String, String> byName = new TreeMap<>();
        for (String dir : CONF_DIRS) {
            for (String name : ctx.list(dir).orElse(List.of())) {
                if (name.endsWith(".conf")) {
                    byName.putIfAbsent(name, dir + "/" + name);
                }
            }
        }
        List<String> files = new ArrayList<>();
        byName.values().stream().filter(f -> !ctx.masked(f)).forEach(files::add);
        files.add(SYSCTL_CONF);
        return files;
    }

    /** The dotted key as a path under /proc/sys: dots become slashes and slashes (in interface names) dots. */
    /**
     * Whether {@code key} (dotted) names a kernel parameter: its path under /proc/sys has no empty, {@code .} or
     * {@code ..} component and no blank, so that reading it cannot leave /proc/sys.
     */
    static boolean isKey(String key) {
        if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        for (String c : toPath(key).split("/", -1)) {
            if (c.isEmpty() || c.equals(".") || c.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static String toPath(String key) {
        StringBuilder s = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            s.append(c == '.' ? '/' : c == '/' ? '.' : c);
        }
        return s.toString();
    }

    /** A key as written, in its dotted form: when the first separator is a slash, slashes and dots swap. */
    static String normalizeKey(String key) {
        int slash = key.indexOf('/');
        int dot = key.indexOf('.');
        return slash >= 0 && (dot < 0 || slash < dot) ? toPath(key) : key;
    }

    static String collapse(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    private record Assignment(@Nullable String value, String source) {
    }

    /** The assignments of the configuration files, in application order. */
    private static final class Persistent {
        /** Explicit keys; a null value is a {@code -key} exclusion from globs. */
        final Map<String, Assignment> explicit = new LinkedHashMap<>();
        final Map<String, Assignment> globs = new LinkedHashMap<>();

        void read(CollectorContext ctx, String file, List<String> lines) {
            for (String raw : lines) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                boolean ignoreErrors = line.startsWith("-");
                if (ignoreErrors) {
                    line = line.substring(1).strip();
                }
                int eq = line.indexOf('=');
                if (eq < 0 && !ignoreErrors) {
                    continue; // not an assignment: systemd-sysctl ignores it too
                }
                String written = (eq < 0 ? line : line.substring(0, eq)).strip();
                String key = normalizeKey(written);
                if (!isKey(key)) {
                    // a name such as a/../../etc/shadow would make the runtime read leave /proc/sys
                    ctx.gap(file, "'" + written + "' is not a sysctl key; ignored");
                    continue;
                }
                Assignment a = new Assignment(eq < 0 ? null : collapse(line.substring(eq + 1)), file);
                Map<String, Assignment> target = Glob.hasWildcard(key) ? globs : explicit;
                target.remove(key); // a later assignment wins and moves to the end, as in systemd-sysctl
                target.put(key, a);
            }
        }

        /** The values in effect: explicit keys, then the baseline keys a glob covers and no line names. */
        Map<String, Assignment> effective() {
            Map<String, Assignment> values = new TreeMap<>();
            explicit.forEach((k, a) -> {
                if (a.value != null) {
                    values.put(k, a);
                }
            });
            for (Map.Entry<String, Assignment> g : globs.entrySet()) {
                Pattern re = Glob.toRegex(g.getKey(), '.');
                for (String key : BASELINE_KEYS) {
                    if (!explicit.containsKey(key) && g.getValue().value != null && re.matcher(key).matches()) {
                        values.put(key, g.getValue());
                    }
                }
            }
            return values;
        }
    }
}

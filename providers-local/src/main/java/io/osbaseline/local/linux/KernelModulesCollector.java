package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.KernelModule;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * {@code kernel-modules}: what modprobe's configuration says about modules, and which are loaded.
 *
 * <p>The {@code *.conf} files of {@code /etc/modprobe.d}, {@code /run/modprobe.d}, {@code /usr/local/lib/modprobe.d},
 * {@code /usr/lib/modprobe.d} and {@code /lib/modprobe.d} are read sorted by name (a name in an earlier directory hides
 * it in later ones), as kmod does. {@code install NAME CMD...} (the first one for a module wins, as in kmod) and
 * {@code blacklist NAME} give one {@link KernelModule} per module named.
 *
 * <p>Module names are normalized to use {@code -} where modprobe accepts {@code -} and {@code _} alike
 * ({@code usb_storage} and {@code usb-storage} are one module, reported as {@code usb-storage}), so that rules match
 * one spelling. On the live host, {@code /proc/modules} says which are loaded, and loaded modules with no configuration
 * get a fact too; offline, {@code loaded} is null and the run is PARTIAL with a gap for {@code /proc/modules}.
 */
final class KernelModulesCollector implements Collector {
    static final String NAME = "kernel-modules";
    static final List<String> CONF_DIRS = List.of("/etc/modprobe.d", "/run/modprobe.d", "/usr/local/lib/modprobe.d",
            "/usr/lib/modprobe.d", "/lib/modprobe.d");
    static final String PROC_MODULES = "/proc/modules";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Map<String, String> byName = new TreeMap<>();
        for (String dir : CONF_DIRS) {
            for (String name : ctx.list(dir).orElse(List.of())) {
                if (name.endsWith(".conf")) {
                    byName.putIfAbsent(name, dir + "/" + name);
                }
            }
        }
        Map<String, Config> modules = new TreeMap<>();
        int files = 0;
        for (String file : byName.values()) {
            if (ctx.masked(file)) {
                continue;
            }
            Optional<List<String>> lines = ctx.lines(file);
            if (lines.isPresent()) {
                files++;
                read(file, lines.get(), modules);
            }
        }
        Set<String> loaded = loaded(ctx);
        if (loaded != null) {
            loaded.forEach(m -> modules.computeIfAbsent(m, k -> new Config()));
        }
        modules.forEach((name, c) -> ctx.emit(new KernelModule(name, c.install, c.blacklisted,
                loaded == null ? null : loaded.contains(name),
                c.install != null ? c.installSource : c.blacklistSource)));
        return ctx.done(CollectorContext.count(modules.size(), "module") + " from "
                + CollectorContext.count(files, "modprobe file")
                + (loaded == null ? "; loaded modules unknown (see gaps)" : "; " + loaded.size() + " loaded"));
    }

    private static void read(String file, List<String> lines, Map<String, Config> modules) {
        StringBuilder logical = new StringBuilder();
        for (String raw : lines) {
            if (raw.endsWith("\\")) {
                logical.append(raw, 0, raw.length() - 1);
                continue;
            }
            String line = logical.append(raw).toString().strip();
            logical.setLength(0);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 3);
            if (words.length < 2) {
                continue;
            }
            if (words[0].equals("install") && words.length == 3) {
                Config c = modules.computeIfAbsent(normalize(words[1]), k -> new Config());
                if (c.install == null) {
                    c.install = words[2].strip();
                    c.installSource = file;
                }
            } else if (words[0].equals("blacklist")) {
                Config c = modules.computeIfAbsent(normalize(words[1]), k -> new Config());
                if (!c.blacklisted) {
                    c.blacklisted = true;
                    c.blacklistSource = file;
                }
            }
        }
    }

    /** The loaded modules, or null when they cannot be known (offline, or /proc/modules unreadable) with a gap. */
    @CheckForNull
    private static Set<String> loaded(CollectorContext ctx) {
        if (!ctx.live()) {
            ctx.gap(PROC_MODULES, "loaded modules cannot be read under an offline root");
            return null;
        }
        Optional<List<String>> lines;
        try {
            lines = ctx.fs().readLines(PROC_MODULES);
        } catch (IOException e) {
            ctx.gap(PROC_MODULES, e);
            return null;
        }
        if (lines.isEmpty()) {
            ctx.gap(PROC_MODULES, "absent: this kernel does not list its modules");
            return null;
        }
        Set<String> loaded = new HashSet<>();
        for (String line : lines.get()) {
            String[] f = line.split("\\s+", 2);
            if (!f[0].isEmpty()) {
                loaded.add(normalize(f[0]));
            }
        }
        return loaded;
    }

    static String normalize(String module) {
        return module.replace('_', '-');
    }

    private static final class Config {
        @Nullable String install;
        @Nullable String installSource;
        boolean blacklisted;
        @Nullable String blacklistSource;
    }
}

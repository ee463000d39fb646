package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.SystemService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.CheckForNull;

/**
 * {@code services}: the enablement of systemd units ({@code .service}, {@code .socket}, {@code .timer}), read from
 * unit files and links, so that it works offline as well as live.
 *
 * <ul>
 *   <li>Unit files are looked for in {@code /etc/systemd/system}, {@code /run/systemd/system},
 *       {@code /usr/local/lib/systemd/system}, {@code /usr/lib/systemd/system} and {@code /lib/systemd/system}; the
 *       first directory that has a name wins.
 *   <li>{@code masked}: the winning entry is a link to {@code /dev/null} ({@code masked-runtime} under /run).
 *   <li>{@code alias}: a link to a unit file of another name (as {@code systemctl list-unit-files} shows it).
 *   <li>{@code enabled}: a link to the unit exists in a {@code *.wants/} or {@code *.requires/} directory of
 *       {@code /etc/systemd/system}, or an alias of it in {@code /etc/systemd/system} (which {@code systemctl enable}
 *       creates); an enabled instance ({@code getty@tty1.service}) enables its template.
 *   <li>{@code static}: the unit file's {@code [Install]} section has no WantedBy, RequiredBy, UpheldBy, Alias or
 *       Also; {@code indirect}: it only has Also; {@code disabled} otherwise.
 * </ul>
 *
 * <p>On the live host the active state comes from {@code systemctl list-units --all}; a unit it does not list is not
 * loaded, hence {@code inactive}. When systemd is not running (a container) or systemctl fails, and always offline, the
 * active state is left null and the run is PARTIAL with a gap that says why.
 */
final class ServicesCollector implements Collector {
    static final String NAME = "services";
    static final String ETC = "/etc/systemd/system";
    static final String RUN = "/run/systemd/system";
    static final List<String> UNIT_DIRS = List.of(ETC, RUN, "/usr/local/lib/systemd/system",
            "/usr/lib/systemd/system", "/lib/systemd/system");
    static final List<String> SUFFIXES = List.of(".service", ".socket", ".timer");
    /** The arguments of the systemctl command that lists the active states. */
    static final List<String> LIST_UNITS = List.of("list-units", "--all", "--no-legend", "--plain", "--no-pager");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Map<String, UnitEntry> units = new TreeMap<>();
        List<String> etcNames = List.of();
        boolean anyDir = false;
        for (String dir : UNIT_DIRS) {
            Optional<List<String>> names = ctx.list(dir);
            anyDir |= names.isPresent();
            if (dir.equals(ETC)) {
                etcNames = names.orElse(List.of());
            }
            for (String name : names.orElse(List.of())) {
                if (isUnit(name) && !units.containsKey(name)) {
                    units.put(name, entry(ctx, dir, name));
                }
            }
        }
        if (!anyDir) {
            return ctx.done("no systemd unit directory (" + String.join(", ", UNIT_DIRS) + "): systemd not installed");
        }
        Set<String> enabled = enabledUnits(ctx, units, etcNames);
        Map<String, String> active = activeStates(ctx);
        int count = 0;
        for (Map.Entry<String, UnitEntry> e : units.entrySet()) {
            String name = e.getKey();
            UnitEntry u = e.getValue();
            if (u.unreadable) {
                continue; // a gap, not a guess
            }
            String state = u.state != null ? u.state
                    : enabled.contains(name) || enabled.contains(template(name)) ? "enabled"
                    : installState(ctx, u.path);
            if (state == null) {
                continue; // unreadable unit file: a gap, not a guess
            }
            String activeName = u.aliasOf != null ? u.aliasOf : name;
            ctx.emit(new SystemService(name, state,
                    active == null ? null : active.getOrDefault(activeName, "inactive")));
            count++;
        }
        return ctx.done(count + " units" + (active == null ? "; active states unknown (see gaps)"
                : "; active states from systemctl"));
    }

    private static boolean isUnit(String name) {
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The entry that wins for {@code name}: a mask, an alias, or a unit file. */
    private static UnitEntry entry(CollectorContext ctx, String dir, String name) {
        String path = dir + "/" + name;
        String target;
        try {
            target = ctx.fs().readLink(path).orElse(null);
        } catch (IOException e) {
            ctx.gap(path, e);
            return new UnitEntry(path, null, null, true);
        }
        if (target == null) {
            return new UnitEntry(path, null, null, false);
        }
        if (target.equals("/dev/null")) {
            return new UnitEntry(path, dir.equals(RUN) ? "masked-runtime" : "masked", null, false);
        }
        String targetName = baseName(target);
        if (!targetName.equals(name) && isUnit(targetName)) {
            return new UnitEntry(path, "alias", targetName, false);
        }
        return new UnitEntry(path, null, null, false); // a linked unit file: read through the link
    }

    /** Units that links in /etc/systemd/system enable: wants/requires links and aliases, by link and target name. */
    private static Set<String> enabledUnits(CollectorContext ctx, Map<String, UnitEntry> units,
            List<String> etcNames) {
        Set<String> enabled = new HashSet<>();
        units.values().stream().filter(u -> u.aliasOf != null && u.path.startsWith(ETC + "/"))
                .forEach(u -> enabled.add(u.aliasOf));
        for (String dir : etcNames) {
            if (!dir.endsWith(".wants") && !dir.endsWith(".requires")) {
                continue;
            }
            for (String link : ctx.list(ETC + "/" + dir).orElse(List.of())) {
                enabled.add(link);
                enabled.add(template(link));
                try {
                    ctx.fs().readLink(ETC + "/" + dir + "/" + link).map(ServicesCollector::baseName)
                            .ifPresent(enabled::add);
                } catch (IOException e) {
                    ctx.gap(ETC + "/" + dir + "/" + link, e);
                }
            }
        }
        return enabled;
    }

    /** {@code getty@tty1.service} to {@code getty@.service}; other names unchanged. */
    static String template(String unit) {
        int at = unit.indexOf('@');
        int dot = unit.lastIndexOf('.');
        return at < 0 || dot < at ? unit : unit.substring(0, at + 1) + unit.substring(dot);
    }

    /** static, indirect or disabled, from the unit file's [Install] section; null when it cannot be read. */
    @CheckForNull
    private static String installState(CollectorContext ctx, String path) {
        Optional<List<String>> lines = ctx.lines(path);
        if (lines.isEmpty()) {
            return null;
        }
        Map<String, Integer> install = new HashMap<>();
        boolean inInstall = false;
        StringBuilder logical = new StringBuilder();
        for (String raw : lines.get()) {
            String line = raw.strip();
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            line = logical.toString().strip();
            logical.setLength(0);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                inInstall = line.equals("[Install]");
                continue;
            }
            int eq = line.indexOf('=');
            if (inInstall && eq > 0) {
                String value = line.substring(eq + 1).strip();
                // an empty assignment resets the list, as systemd does
                install.merge(line.substring(0, eq).strip(), value.isEmpty() ? 0 : 1,
                        (a, b) -> b == 0 ? 0 : a + b);
            }
        }
        for (String key : List.of("WantedBy", "RequiredBy", "UpheldBy", "Alias")) {
            if (install.getOrDefault(key, 0) > 0) {
                return "disabled";
            }
        }
        return install.getOrDefault("Also", 0) > 0 ? "indirect" : "static";
    }

    /** Unit to active state from systemctl, or null when it cannot be known (offline, no systemd) with a gap. */
    @CheckForNull
    private static Map<String, String> activeStates(CollectorContext ctx) {
        if (!ctx.live()) {
            ctx.gap("systemctl", "active states cannot be read under an offline root");
            return null;
        }
        try {
            if (ctx.fs().resolve(RUN).isEmpty()) {
                ctx.gap("systemctl", "systemd is not running on this host (no " + RUN + ")");
                return null;
            }
        } catch (IOException e) {
            ctx.gap(RUN, e);
            return null;
        }
        Path systemctl = ctx.commands().find("systemctl");
        if (systemctl == null) {
            ctx.gap("systemctl", "no systemctl command on this host");
            return null;
        }
        HostCommands.Result result;
        try {
            List<String> command = new ArrayList<>(List.of(systemctl.toString()));
            command.addAll(LIST_UNITS);
            result = ctx.commands().run(command);
        } catch (IOException e) {
            ctx.gap("systemctl", e);
            return null;
        }
        if (result.exitCode() != 0) {
            ctx.gap("systemctl", "systemctl list-units failed: " + result.problem());
            return null;
        }
        Map<String, String> states = new HashMap<>();
        for (String line : result.stdout()) {
            String[] f = line.strip().split("\\s+");
            int i = f.length > 0 && (f[0].equals("●") || f[0].equals("*")) ? 1 : 0;
            if (f.length >= i + 3) {
                states.put(f[i], f[i + 2]);
            }
        }
        return states;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Where a unit's name was first found.
     *
     * @param path the entry's path
     * @param state masked, masked-runtime or alias when the entry decides it; null when the unit file decides
     * @param aliasOf the unit an alias stands for
     * @param unreadable whether the entry could not be read (a gap was recorded)
     */
    private record UnitEntry(String path, @CheckForNull String state, @CheckForNull String aliasOf,
            boolean unreadable) {
    }
}

package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code samba}: the {@code [global]} parameters of {@code /etc/samba/smb.conf}, as {@code Setting("smb.conf", NAME,
 * value)}, read as Samba reads them: section and parameter names ignore case and blanks ({@code Server Min
 * Protocol} is {@code server min protocol}), {@code #} and {@code ;} start comment lines, a trailing {@code \}
 * continues a line, {@code include = FILE} reads a file in place (up to 8 levels), and the last value wins. Synonyms
 * are reported under their canonical name: {@code min protocol} as {@code server min protocol}, {@code protocol}
 * and {@code max protocol} as {@code server max protocol}.
 */
final class SambaCollector implements Collector {
    static final String NAME = "samba";
    static final String SMB_CONF = "/etc/samba/smb.conf";
    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final Map<String, String> SYNONYMS = Map.of("min protocol", "server min protocol",
            "protocol", "server max protocol", "max protocol", "server max protocol");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Map<String, String> global = new LinkedHashMap<>();
        if (!read(ctx, SMB_CONF, new String[] {"global"}, global, 0)) {
            return ctx.done(ctx.hasGaps() ? "cannot read " + SMB_CONF : "no " + SMB_CONF + ": Samba not configured");
        }
        global.forEach((k, v) -> ctx.emit(new Setting("smb.conf", k, v)));
        return ctx.done(CollectorContext.count(global.size(), "global parameter") + " from " + SMB_CONF);
    }

    /**
     * Reads {@code file} into {@code global}.
     *
     * @param section the current section, lower-case, in a one-element array that included files update
     * @return whether the file exists
     */
    private static boolean read(CollectorContext ctx, String file, String[] section, Map<String, String> global,
            int depth) {
        Optional<List<String>> lines = ctx.lines(file);
        if (lines.isEmpty()) {
            return false;
        }
        StringBuilder logical = new StringBuilder();
        for (String raw : lines.get()) {
            String part = raw.strip();
            if (part.endsWith("\\")) {
                logical.append(part.substring(0, part.length() - 1).stripTrailing()).append(' ');
                continue;
            }
            String line = logical.append(part).toString().strip();
            logical.setLength(0);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section[0] = normalize(line.substring(1, line.length() - 1));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = normalize(line.substring(0, eq));
            String value = line.substring(eq + 1).strip();
            if (name.equals("include")) {
                if (depth >= MAX_INCLUDE_DEPTH) {
                    ctx.gap(file, "includes nest deeper than " + MAX_INCLUDE_DEPTH + " levels; not followed");
                } else if (!value.contains("%")) { // %-substitutions depend on the client; nothing to read here
                    read(ctx, value, section, global, depth + 1);
                }
            } else if (section[0].equals("global")) {
                String canonical = SYNONYMS.getOrDefault(name, name);
                global.remove(canonical);
                global.put(canonical, value);
            }
        }
        return true;
    }

    private static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

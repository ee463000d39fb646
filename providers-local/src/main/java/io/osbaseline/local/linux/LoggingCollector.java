package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code logging}: how the system logger and the journal are configured, and which logs exist.
 *
 * <ul>
 *   <li><b>rsyslog</b>: {@code /etc/rsyslog.conf} and the files it includes where it includes them
 *       ({@code $IncludeConfig}, {@code include(file=...)}). The legacy directives {@code $FileCreateMode},
 *       {@code $FileOwner} and {@code $FileGroup}, and the same parameters of
 *       {@code module(load="builtin:omfile" ...)}, give {@code Setting("rsyslog", "FileCreateMode"|"FileOwner"|
 *       "FileGroup", value)}, the last one set winning. Each module load that receives messages from the network
 *       ({@code $ModLoad imudp}, {@code module(load="imtcp")}) gives {@code Setting("rsyslog", "remote-input",
 *       "FILE:LINE: text")}. Comments ({@code #} lines, {@code /* ... *}{@code /}) are skipped.
 *   <li><b>syslog-ng</b>: {@code /etc/syslog-ng/syslog-ng.conf} and its {@code @include}s; the {@code perm()} of the
 *       last {@code options} block that sets one gives {@code Setting("syslog-ng", "perm", value)}.
 *   <li><b>journald</b>: the {@code [Journal]} section of {@code journald.conf} (the first of {@code /etc/systemd},
 *       {@code /run/systemd}, {@code /usr/local/lib/systemd}, {@code /usr/lib/systemd}) and then of the
 *       {@code journald.conf.d/*.conf} drop-ins of those directories, sorted by name (a name in an earlier directory
 *       hides it in later ones; a link to {@code /dev/null} masks it), as systemd reads them:
 *       {@code Setting("journald", KEY, value)}, the last assignment winning. Unset keys have no fact (journald's
 *       defaults apply).
 *   <li><b>/var/log</b>: {@code Setting("var-log", "files", NAMES)}, the names of the regular files directly in
 *       {@code /var/log}, space-separated and sorted, without rotated copies ({@code .1}, {@code .gz},
 *       {@code -20240101}, ...); empty when {@code /var/log} does not exist.
 * </ul>
 */
final class LoggingCollector implements Collector {
    static final String NAME = "logging";
    static final String RSYSLOG_CONF = "/etc/rsyslog.conf";
    static final String SYSLOG_NG_CONF = "/etc/syslog-ng/syslog-ng.conf";
    static final List<String> JOURNALD_DIRS = List.of("/etc/systemd", "/run/systemd", "/usr/local/lib/systemd",
            "/usr/lib/systemd");
    static final String VAR_LOG = "/var/log";
    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final Set<String> REMOTE_INPUTS = Set.of("imudp", "imtcp");
    private static final Pattern LEGACY = Pattern.compile("\\$(\\w+)\\s+(\\S+).*");
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern OPTIONS_BLOCK = Pattern.compile("(?s)\\boptions\\s*\\{(.*?)\\}\\s*;");
    private static final Pattern PERM = Pattern.compile("\\bperm\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern ROTATED = Pattern.compile(".*(\\.\\d+|\\.gz|\\.xz|\\.bz2|\\.zst|\\.old|-\\d{8})$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        List<String> read = new ArrayList<>();
        Rsyslog rsyslog = new Rsyslog();
        if (rsyslog.read(ctx, RSYSLOG_CONF, 0)) {
            rsyslog.settings.forEach((k, v) -> ctx.emit(new Setting("rsyslog", k, v)));
            rsyslog.remoteInputs.forEach(l -> ctx.emit(new Setting("rsyslog", "remote-input", l)));
            read.add(RSYSLOG_CONF + (rsyslog.files.size() > 1
                    ? " and " + CollectorContext.count(rsyslog.files.size() - 1, "included file") : ""));
        }
        StringBuilder syslogNg = new StringBuilder();
        if (syslogNgText(ctx, SYSLOG_NG_CONF, 0, syslogNg)) {
            perm(syslogNg.toString()).ifPresent(p -> ctx.emit(new Setting("syslog-ng", "perm", p)));
            read.add(SYSLOG_NG_CONF);
        }
        int journald = journald(ctx);
        if (journald > 0) {
            read.add("journald configuration from " + CollectorContext.count(journald, "file"));
        }
        varLog(ctx).ifPresent(read::add);
        return ctx.done(read.isEmpty() ? "no logger configuration and no " + VAR_LOG : String.join("; ", read));
    }

    /** The settings and remote inputs of an rsyslog configuration, read in the order rsyslog reads it. */
    private static final class Rsyslog {
        final Map<String, String> settings = new TreeMap<>();
        final List<String> remoteInputs = new ArrayList<>();
        final Set<String> files = new HashSet<>();

        /** @return whether {@code file} exists */
        boolean read(CollectorContext ctx, String file, int depth) {
            if (!files.add(file)) {
                return true;
            }
            Optional<List<String>> lines = ctx.lines(file);
            if (lines.isEmpty()) {
                files.remove(file);
                return false;
            }
            List<String> text = stripBlockComments(lines.get());
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int number = i + 1;
                Matcher legacy = LEGACY.matcher(line);
                if (legacy.matches()) {
                    directive(ctx, file, number, line, legacy.group(1).toLowerCase(Locale.ROOT), legacy.group(2),
                            depth);
                    continue;
                }
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("module(") || lower.startsWith("module (") || lower.startsWith("include(")
                        || lower.startsWith("include (")) {
                    StringBuilder statement = new StringBuilder(line);
                    while (!balanced(statement) && i + 1 < text.size()) {
                        statement.append(' ').append(text.get(++i).strip());
                    }
                    statement(ctx, file, number, line, statement.toString(), depth);
                }
            }
            return true;
        }

        private void directive(CollectorContext ctx, String file, int number, String line, String name,
                String value, int depth) {
            switch (name) {
                case "filecreatemode" -> settings.put("FileCreateMode", value);
                case "fileowner" -> settings.put("FileOwner", value);
                case "filegroup" -> settings.put("FileGroup", value);
                case "modload" -> {
                    if (REMOTE_INPUTS.contains(value.replaceFirst("\\.so$", ""))) {
                        remoteInputs.add(file + ":" + number + ": " + line);
                    }
                }
                case "includeconfig" -> include(ctx, file, value, depth);
                default -> { }
            }
        }

        private void statement(CollectorContext ctx, String file, int number, String firstLine, String statement,
                int depth) {
            Map<String, String> params = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(statement);
            while (m.find()) {
                params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            }
            if (statement.toLowerCase(Locale.ROOT).startsWith("include")) {
                if (params.containsKey("file")) {
                    include(ctx, file, params.get("file"), depth);
                }
                return;
            }
            String load = params.getOrDefault("load", "");
            if (REMOTE_INPUTS.contains(load)) {
                remoteInputs.add(file + ":" + number + ": " + firstLine);
            } else if (load.equals("builtin:omfile")) {
                putIfPresent(params, "filecreatemode", "FileCreateMode");
                putIfPresent(params, "fileowner", "FileOwner");
                putIfPresent(params, "filegroup", "FileGroup");
            }
        }

        private void putIfPresent(Map<String, String> params, String param, String key) {
            if (params.containsKey(param)) {
                settings.put(key, params.get(param));
            }
        }

        private void include(CollectorContext ctx, String from, String pattern, int depth) {
            if (depth >= MAX_INCLUDE_DEPTH) {
                ctx.gap(from, "includes nest deeper than " + MAX_INCLUDE_DEPTH + " levels; not followed");
                return;
            }
            List<String> matches = pattern.endsWith("/")
                    ? ctx.list(pattern).orElse(List.of()).stream().map(n -> pattern + n).toList()
                    : glob(ctx, pattern);
            for (String included : matches) {
                read(ctx, included, depth + 1);
            }
        }
    }

    private static boolean balanced(CharSequence s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return depth <= 0;
    }

    /**
     * The lines with {@code /* ... *}{@code /} comments blanked out, line numbers kept. A comment starts at the
     * beginning of a line or after a blank, outside quotes, and never in a legacy {@code $} directive, whose
     * arguments are paths such as {@code /etc/rsyslog.d/*.conf}.
     */
    private static List<String> stripBlockComments(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inComment = false;
        for (String line : lines) {
            if (!inComment && (line.strip().startsWith("$") || line.strip().startsWith("#"))) {
                out.add(line);
                continue;
            }
            StringBuilder s = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (i < line.length()) {
                if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        break;
                    }
                    inComment = false;
                    i = end + 2;
                    continue;
                }
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && line.startsWith("/*", i)
                        && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    inComment = true;
                    i += 2;
                    continue;
                }
                s.append(c);
                i++;
            }
            out.add(s.toString());
        }
        return out;
    }

    private static List<String> glob(CollectorContext ctx, String pattern) {
        try {
            return ctx.fs().glob(pattern);
        } catch (IOException e) {
            ctx.gap(pattern, e);
            return List.of();
        }
    }

    /** Appends the syslog-ng configuration, comments removed and includes inlined, to {@code out}. */
    private static boolean syslogNgText(CollectorContext ctx, String file, int depth, StringBuilder out) {
        Optional<List<String>> lines = ctx.lines(file);
        if (lines.isEmpty()) {
            return false;
        }
        for (String raw : lines.get()) {
            String line = raw.strip();
            if (line.startsWith("@include")) {
                String target = line.substring("@include".length()).strip().replace("\"", "");
                if (!target.startsWith("/")) {
                    target = "/etc/syslog-ng/" + target;
                }
                if (depth >= MAX_INCLUDE_DEPTH) {
                    ctx.gap(file, "includes nest deeper than " + MAX_INCLUDE_DEPTH + " levels; not followed");
                    continue;
                }
                for (String included : target.endsWith("/") ? ctx.list(target).orElse(List.of()).stream()
                        .map(target::concat).toList() : glob(ctx, target)) {
                    syslogNgText(ctx, included, depth + 1, out);
                }
            } else if (!line.startsWith("#") && !line.startsWith("@")) {
                int hash = line.indexOf('#');
                out.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
            }
        }
        return true;
    }

    /** The perm() of the last options block that sets one. */
    static Optional<String> perm(String config) {
        String perm = null;
        Matcher options = OPTIONS_BLOCK.matcher(config);
        while (options.find()) {
            Matcher p = PERM.matcher(options.group(1));
            while (p.find()) {
                perm = p.group(1);
            }
        }
        return Optional.ofNullable(perm);
    }

    /** @return the number of journald configuration files read */
    private static int journald(CollectorContext ctx) {
        List<String> files = new ArrayList<>();
        for (String dir : JOURNALD_DIRS) {
            String main = dir + "/journald.conf";
            try {
                if (ctx.fs().resolve(main).isPresent()) {
                    files.add(main);
                    break;
                }
            } catch (IOException e) {
                ctx.gap(main, e);
            }
        }
        Map<String, String> dropIns = new TreeMap<>();
        for (String dir : JOURNALD_DIRS) {
            String d = dir + "/journald.conf.d";
            for (String name : ctx.list(d).orElse(List.of())) {
                if (name.endsWith(".conf")) {
                    dropIns.putIfAbsent(name, d + "/" + name);
                }
            }
        }
        dropIns.values().stream().filter(f -> !ctx.masked(f)).forEach(files::add);
        Map<String, String> journal = new TreeMap<>();
        int read = 0;
        for (String file : files) {
            Optional<List<String>> lines = ctx.lines(file);
            if (lines.isEmpty()) {
                continue;
            }
            read++;
            boolean inJournal = false;
            for (String raw : lines.get()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    inJournal = line.equals("[Journal]");
                    continue;
                }
                int eq = line.indexOf('=');
                if (inJournal && eq > 0) {
                    journal.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        journal.forEach((k, v) -> ctx.emit(new Setting("journald", k, v)));
        return read;
    }

    private static Optional<String> varLog(CollectorContext ctx) {
        Optional<List<String>> names;
        try {
            names = ctx.fs().list(VAR_LOG);
        } catch (IOException e) {
            ctx.gap(VAR_LOG, e);
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        for (String name : names.orElse(List.of())) {
            if (ROTATED.matcher(name).matches()) {
                continue;
            }
            try {
                Optional<RootFs.Stat> stat = ctx.fs().stat(VAR_LOG + "/" + name);
                if (stat.isPresent() && stat.get().kind() == FileKind.FILE) {
                    files.add(name);
                }
            } catch (IOException e) {
                ctx.gap(VAR_LOG + "/" + name, e);
            }
        }
        ctx.emit(new Setting("var-log", "files", String.join(" ", files)));
        return Optional.of(names.isEmpty() ? "no " + VAR_LOG
                : CollectorContext.count(files.size(), "current log file") + " in " + VAR_LOG);
    }
}

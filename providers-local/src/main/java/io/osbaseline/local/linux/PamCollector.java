package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.PamEntry;
import java.io.IOException;
import io.osbaseline.model.fact.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * {@code pam}: one {@link PamEntry} per module line of every service file in {@code /etc/pam.d} (or of
 * {@code /etc/pam.conf} when there is no {@code /etc/pam.d}, as Linux-PAM does). Includes are recorded, not inlined:
 * {@code auth include system-auth} gives control {@code include} and module {@code system-auth}; Debian's
 * {@code @include common-auth} applies to every type and gives type {@code *}, control {@code include}.
 *
 * <p>Also the configuration files of the modules baselines check, as {@code Setting(NAMESPACE, key, value)} with the
 * value in effect (a flag without a value has an empty value): {@code pwquality} from
 * {@code /etc/security/pwquality.conf.d/*.conf} in name order and then {@code /etc/security/pwquality.conf}, the last
 * assignment winning, as libpwquality reads them; {@code faillock} from {@code /etc/security/faillock.conf};
 * {@code pwhistory} from {@code /etc/security/pwhistory.conf}. Module arguments override these files; rules combine
 * them.
 */
final class PamCollector implements Collector {
    static final String NAME = "pam";
    static final String DIR = "/etc/pam.d";
    static final String CONF = "/etc/pam.conf";
    static final String PWQUALITY = "/etc/security/pwquality.conf";
    static final String FAILLOCK = "/etc/security/faillock.conf";
    static final String PWHISTORY = "/etc/security/pwhistory.conf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        int settings = moduleSettings(ctx);
        CollectorRun run = services(ctx);
        return settings == 0 || !run.status().usable() ? run : new CollectorRun(run.collector(), run.status(),
                run.detail() + "; " + CollectorContext.count(settings, "module setting") + " from /etc/security");
    }

    private static CollectorRun services(CollectorContext ctx) {
        Optional<List<String>> services;
        try {
            services = ctx.fs().list(DIR);
        } catch (IOException e) {
            ctx.gap(DIR, e);
            return ctx.failed("cannot list " + DIR + ": " + CollectorContext.reason(e));
        }
        if (services.isEmpty()) {
            return fromPamConf(ctx);
        }
        int files = 0;
        int entries = 0;
        for (String service : services.get()) {
            String path = DIR + "/" + service;
            if (isDirectory(ctx, path)) {
                continue;
            }
            Optional<List<String>> lines = ctx.lines(path);
            if (lines.isPresent()) {
                files++;
                entries += parse(ctx, path, service, lines.get(), false);
            }
        }
        return ctx.done(entries + " entries from " + CollectorContext.count(files, "service file") + " in " + DIR);
    }

    private static CollectorRun fromPamConf(CollectorContext ctx) {
        Optional<List<String>> lines;
        try {
            lines = ctx.fs().readLines(CONF);
        } catch (IOException e) {
            ctx.gap(CONF, e);
            return ctx.failed("no " + DIR + " and cannot read " + CONF + ": " + CollectorContext.reason(e));
        }
        if (lines.isEmpty()) {
            return ctx.done("neither " + DIR + " nor " + CONF + " exists: PAM is not configured");
        }
        int entries = parse(ctx, CONF, null, lines.get(), true);
        return ctx.done(entries + " entries from " + CONF + " (no " + DIR + ")");
    }

    /** Emits the settings of the modules' own configuration files; returns how many. */
    private static int moduleSettings(CollectorContext ctx) {
        Map<String, String> pwquality = new LinkedHashMap<>();
        String dropIns = PWQUALITY + ".d";
        for (String name : ctx.list(dropIns).orElse(List.of())) {
            if (name.endsWith(".conf")) {
                ctx.lines(dropIns + "/" + name).ifPresent(lines -> pwquality.putAll(keyValues(lines)));
            }
        }
        ctx.lines(PWQUALITY).ifPresent(lines -> pwquality.putAll(keyValues(lines)));
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        files.put("pwquality", pwquality);
        files.put("faillock", ctx.lines(FAILLOCK).map(PamCollector::keyValues).orElse(Map.of()));
        files.put("pwhistory", ctx.lines(PWHISTORY).map(PamCollector::keyValues).orElse(Map.of()));
        int count = 0;
        for (Map.Entry<String, Map<String, String>> file : files.entrySet()) {
            for (Map.Entry<String, String> e : file.getValue().entrySet()) {
                ctx.emit(new Setting(file.getKey(), e.getKey(), e.getValue()));
                count++;
            }
        }
        return count;
    }

    /**
     * The {@code name = value} lines of a module configuration file, as libpwquality and pam_faillock read them: a
     * {@code #} starts a comment, blanks around {@code =} are optional, a name alone is a flag, the last line of a
     * name wins.
     */
    static Map<String, String> keyValues(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                values.put(line.split("\\s+")[0], "");
            } else if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static boolean isDirectory(CollectorContext ctx, String path) {
        try {
            return ctx.fs().stat(path).map(s -> s.kind() == FileKind.DIRECTORY).orElse(false);
        } catch (IOException e) {
            return false; // reading it will record the gap
        }
    }

    /**
     * Parses one file; {@code withService} for pam.conf, whose lines start with the service name.
     *
     * @return the number of entries emitted
     */
    static int parse(CollectorContext ctx, String path, @Nullable String service, List<String> lines,
            boolean withService) {
        int count = 0;
        int lineNo = 0;
        int startLine = 1;
        StringBuilder logical = new StringBuilder();
        for (String raw : lines) {
            lineNo++;
            if (logical.length() == 0) {
                startLine = lineNo;
            }
            // as libpam: a '#' ends the line (even a continued one); a trailing backslash continues it
            int hash = raw.indexOf('#');
            String part = hash >= 0 ? raw.substring(0, hash) : raw.stripTrailing();
            if (hash < 0 && part.endsWith("\\")) {
                logical.append(part, 0, part.length() - 1).append(' ');
                continue;
            }
            logical.append(part);
            List<String> tokens = tokens(logical.toString());
            logical.setLength(0);
            if (tokens.isEmpty()) {
                continue;
            }
            String svc = withService ? tokens.remove(0) : service;
            PamEntry entry = entry(svc, tokens);
            if (entry == null) {
                ctx.gap(path + ":" + startLine, "not a PAM line: expected type, control and module");
                continue;
            }
            ctx.emit(entry);
            count++;
        }
        return count;
    }

    @CheckForNull
    private static PamEntry entry(@Nullable String service, List<String> tokens) {
        if (service == null || tokens.isEmpty()) {
            return null;
        }
        if (tokens.get(0).equals("@include")) {
            return tokens.size() < 2 ? null : new PamEntry(service, "*", "include", tokens.get(1), List.of());
        }
        if (tokens.size() < 3) {
            return null;
        }
        String type = tokens.get(0).toLowerCase(Locale.ROOT);
        if (type.startsWith("-")) {
            type = type.substring(1); // "-session optional x.so": no error when the module is missing
        }
        String control = tokens.get(1);
        control = control.startsWith("[") && control.endsWith("]")
                ? "[" + control.substring(1, control.length() - 1).strip().replaceAll("\\s+", " ") + "]"
                : control.toLowerCase(Locale.ROOT);
        String module = tokens.get(2);
        if (!control.equals("include") && !control.equals("substack")) {
            module = module.substring(module.lastIndexOf('/') + 1);
        }
        List<String> args = new ArrayList<>();
        for (String a : tokens.subList(3, tokens.size())) {
            args.add(a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1).replace("\\]", "]") : a);
        }
        return new PamEntry(service, type, control, module, args);
    }

    /** Whitespace-separated tokens; a token opened with {@code [} runs to its closing {@code ]}, spaces and all. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            if (line.charAt(i) == '[') {
                while (i < n && !(line.charAt(i) == ']' && line.charAt(i - 1) != '\\')) {
                    i++;
                }
                i = Math.min(i + 1, n);
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
            tokens.add(line.substring(start, i));
        }
        return tokens;
    }
}

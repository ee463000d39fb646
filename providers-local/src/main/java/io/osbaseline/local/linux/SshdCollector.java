package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.SshdOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * {@code sshd}: the effective global OpenSSH server configuration, computed the way sshd computes it at start-up.
 *
 * <ul>
 *   <li>Reading starts at {@code /etc/ssh/sshd_config}; {@code Include} is followed in place (relative paths under
 *       {@code /etc/ssh}, globs expanded in lexical order, nested up to 16 levels).
 *   <li>Keywords are case-insensitive ({@code Keyword value} or {@code Keyword=value}); the first value of an option
 *       wins, except for the options that accumulate (AllowUsers, DenyUsers, AllowGroups, DenyGroups, AcceptEnv,
 *       HostKey, HostCertificate, ListenAddress, Port), whose values are joined with spaces.
 *   <li>Lines in a {@code Match} block do not set global options. A block ends at the next {@code Match}, at
 *       {@code Match all} (which matches every connection and so is global again), or at the end of the included file
 *       it started in.
 *   <li>Options left unset carry OpenSSH's default (OpenSSH 9 as documented in sshd_config(5)); their source is
 *       {@code default}. PermitRootLogin defaults to {@code prohibit-password}, as it has since OpenSSH 7.0 (it was
 *       {@code yes} before). Defaults that depend on the build (Ciphers, MACs, KexAlgorithms) are not invented.
 *   <li>Keyword values such as {@code yes} or {@code No} are lower-cased, LogLevel and SyslogFacility upper-cased,
 *       {@code without-password} is read as {@code prohibit-password} and ChallengeResponseAuthentication as its
 *       current name KbdInteractiveAuthentication, as sshd -T prints them; times (LoginGraceTime,
 *       ClientAliveInterval) are given in seconds ({@code 1m30s} is {@code 90}). Other values are kept as written.
 *   <li>Options given with {@code -o} on sshd's command line come before every file, so they win. They are read from
 *       the ExecStart of the {@code sshd.service} or {@code ssh.service} unit, with the variables of its
 *       EnvironmentFiles expanded: this is how RHEL 8 applies the system-wide crypto policy
 *       ({@code $CRYPTO_POLICY} from {@code /etc/crypto-policies/back-ends/opensshserver.config}, which
 *       {@code /etc/sysconfig/sshd} may override).
 *   <li>Without {@code /etc/ssh/sshd_config}, SUSE's OpenSSH reads the vendor file {@code /usr/etc/ssh/sshd_config}.
 * </ul>
 */
final class SshdCollector implements Collector {
    static final String NAME = "sshd";
    static final String MAIN = "/etc/ssh/sshd_config";
    static final String VENDOR_MAIN = "/usr/etc/ssh/sshd_config";
    static final List<String> UNITS = List.of("sshd.service", "ssh.service");
    static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system",
            "/usr/lib/systemd/system", "/lib/systemd/system");
    private static final Set<String> TIME_VALUED = Set.of("logingracetime", "clientaliveinterval");
    private static final Pattern TIME = Pattern.compile("(\\d+)([sSmMhHdDwW]?)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    static final String SSH_DIR = "/etc/ssh";
    /** OpenSSH's limit on nested Include. */
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Set<String> ACCUMULATING = Set.of("allowusers", "denyusers", "allowgroups", "denygroups",
            "acceptenv", "hostkey", "hostcertificate", "listenaddress", "port");
    private static final Map<String, String> ALIASES = Map.of(
            "challengeresponseauthentication", "kbdinteractiveauthentication",
            "pubkeyacceptedkeytypes", "pubkeyacceptedalgorithms",
            "hostbasedacceptedkeytypes", "hostbasedacceptedalgorithms");
    private static final Set<String> KEYWORD_VALUES = Set.of("yes", "no", "prohibit-password",
            "forced-commands-only", "none", "all", "any", "local", "remote", "inet", "inet6", "point-to-point",
            "ethernet");

    /** OpenSSH's defaults for options a baseline may check. */
    static final Map<String, String> DEFAULTS = defaults(
            "port", "22",
            "addressfamily", "any",
            "protocol", "2",
            "syslogfacility", "AUTH",
            "loglevel", "INFO",
            "logingracetime", "120",
            "permitrootlogin", "prohibit-password",
            "strictmodes", "yes",
            "maxauthtries", "6",
            "maxsessions", "10",
            "maxstartups", "10:30:100",
            "pubkeyauthentication", "yes",
            "hostbasedauthentication", "no",
            "ignorerhosts", "yes",
            "ignoreuserknownhosts", "no",
            "passwordauthentication", "yes",
            "permitemptypasswords", "no",
            "kbdinteractiveauthentication", "yes",
            "gssapiauthentication", "no",
            "kerberosauthentication", "no",
            "usepam", "no",
            "allowagentforwarding", "yes",
            "allowtcpforwarding", "yes",
            "gatewayports", "no",
            "x11forwarding", "no",
            "permittunnel", "no",
            "permituserenvironment", "no",
            "disableforwarding", "no",
            "printmotd", "yes",
            "printlastlog", "yes",
            "tcpkeepalive", "yes",
            "compression", "yes",
            "usedns", "no",
            "clientaliveinterval", "0",
            "clientalivecountmax", "3",
            "banner", "none");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Optional<List<String>> main;
        String mainPath = MAIN;
        try {
            main = ctx.fs().readLines(MAIN);
            if (main.isEmpty()) {
                main = ctx.fs().readLines(VENDOR_MAIN);
                mainPath = VENDOR_MAIN;
            }
        } catch (IOException e) {
            ctx.gap(mainPath, e);
            return ctx.failed("cannot read " + mainPath + ": " + CollectorContext.reason(e));
        }
        if (main.isEmpty()) {
            return ctx.done("no " + MAIN + ": OpenSSH server not configured");
        }
        Parser parser = new Parser(ctx);
        parser.commandLine();
        parser.parse(mainPath, main.get(), 0);
        Map<String, SshdOption> effective = new TreeMap<>();
        parser.values.forEach((k, v) -> effective.put(k, new SshdOption(k, v.value, v.source)));
        int defaulted = 0;
        for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
            if (!effective.containsKey(d.getKey())) {
                effective.put(d.getKey(), new SshdOption(d.getKey(), d.getValue(), "default"));
                defaulted++;
            }
        }
        effective.values().forEach(ctx::emit);
        return ctx.done("effective configuration from " + String.join(", ", parser.files) + ": "
                + parser.values.size() + " options set, " + defaulted + " OpenSSH defaults");
    }

    private record Value(String value, String source) {
    }

    /** One pass over the configuration, as sshd's parse_server_config makes it with no connection to match. */
    private static final class Parser {
        private final CollectorContext ctx;
        private final Map<String, Value> values = new LinkedHashMap<>();
        private final List<String> files = new ArrayList<>();

        Parser(CollectorContext ctx) {
            this.ctx = ctx;
        }

        /** Sets the {@code -o} options of the command line in sshd's systemd unit, if it has any. */
        void commandLine() {
            for (String name : UNITS) {
                for (String dir : UNIT_DIRS) {
                    String unit = dir + "/" + name;
                    if (ctx.masked(unit)) {
                        return;
                    }
                    Optional<List<String>> lines = ctx.lines(unit);
                    if (lines.isPresent()) {
                        commandLine(unit, lines.get());
                        return;
                    }
                }
            }
        }

        private void commandLine(String unit, List<String> lines) {
            Map<String, String> env = new LinkedHashMap<>();
            Map<String, String> envSource = new HashMap<>();
            String execStart = null;
            for (String raw : lines) {
                String line = raw.strip();
                if (line.startsWith("EnvironmentFile=")) {
                    String file = line.substring("EnvironmentFile=".length()).strip();
                    file = file.startsWith("-") ? file.substring(1) : file;
                    String path = file;
                    ctx.lines(path).ifPresent(envLines -> environment(envLines).forEach((k, v) -> {
                        env.put(k, v);
                        envSource.put(k, path);
                    }));
                } else if (line.startsWith("ExecStart=")) {
                    execStart = line.substring("ExecStart=".length()).strip();
                }
            }
            if (execStart == null) {
                return;
            }
            List<String[]> args = new ArrayList<>(); // word, and where it came from
            for (String word : execStart.split("\\s+")) {
                Matcher m = VARIABLE.matcher(word);
                if (m.matches()) {
                    String var = m.group(1) != null ? m.group(1) : m.group(2);
                    String value = env.getOrDefault(var, "");
                    String from = unit + " $" + var + (envSource.containsKey(var) ? " from " + envSource.get(var) : "");
                    for (String w : value.strip().split("\\s+")) {
                        if (!w.isEmpty()) {
                            args.add(new String[] {w, from});
                        }
                    }
                } else {
                    args.add(new String[] {word, unit + " ExecStart"});
                }
            }
            boolean any = false;
            for (int i = 0; i < args.size(); i++) {
                String w = args.get(i)[0];
                String option = null;
                if (w.equals("-o") && i + 1 < args.size()) {
                    option = args.get(++i)[0];
                } else if (w.startsWith("-o") && w.length() > 2) {
                    option = w.substring(2);
                }
                if (option != null) {
                    List<String> words = words(option);
                    if (words.size() > 1) {
                        String key = words.get(0).toLowerCase(Locale.ROOT);
                        set(ALIASES.getOrDefault(key, key), String.join(" ", words.subList(1, words.size())),
                                "command line: " + args.get(i)[1]);
                        any = true;
                    }
                }
            }
            if (any) {
                files.add(unit);
            }
        }

        /** Parses one file; its Match blocks end with it, so the includer's state needs no restoring. */
        void parse(String path, List<String> lines, int depth) {
            files.add(path);
            boolean global = true;
            int lineNo = 0;
            for (String raw : lines) {
                lineNo++;
                String where = path + ":" + lineNo;
                List<String> words;
                try {
                    words = words(raw);
                } catch (IllegalArgumentException e) {
                    ctx.gap(where, e.getMessage());
                    continue;
                }
                if (words.isEmpty()) {
                    continue;
                }
                String key = words.get(0).toLowerCase(Locale.ROOT);
                key = ALIASES.getOrDefault(key, key);
                List<String> args = words.subList(1, words.size());
                if (args.isEmpty()) {
                    ctx.gap(where, "no argument after keyword '" + words.get(0) + "'; sshd refuses this line");
                    continue;
                }
                if (key.equals("match")) {
                    global = args.size() == 1 && args.get(0).equalsIgnoreCase("all");
                } else if (key.equals("include")) {
                    if (global) { // an Include inside a Match block cannot set global options
                        include(args, where, depth);
                    }
                } else if (global) {
                    set(key, String.join(" ", args), where);
                }
            }
        }

        private void include(List<String> patterns, String where, int depth) {
            if (depth + 1 > MAX_INCLUDE_DEPTH) {
                ctx.gap(where, "Include nested deeper than " + MAX_INCLUDE_DEPTH + " levels; not followed");
                return;
            }
            for (String arg : patterns) {
                String pattern = arg.startsWith("/") ? arg : SSH_DIR + "/" + arg;
                List<String> matches;
                try {
                    matches = ctx.fs().glob(pattern);
                } catch (IOException e) {
                    ctx.gap(pattern, e);
                    continue;
                }
                for (String file : matches) {
                    // a pattern that matches nothing is ignored, as sshd does
                    ctx.lines(file).ifPresent(lines -> parse(file, lines, depth + 1));
                }
            }
        }

        private void set(String key, String raw, String source) {
            Value v = new Value(normalize(key, raw), source);
            if (ACCUMULATING.contains(key)) {
                values.merge(key, v, (a, b) -> new Value(a.value + " " + b.value, a.source + ", " + b.source));
            } else {
                values.putIfAbsent(key, v);
            }
        }
    }

    static String normalize(String key, String value) {
        if (key.equals("loglevel") || key.equals("syslogfacility")) {
            return value.toUpperCase(Locale.ROOT);
        }
        if (TIME_VALUED.contains(key)) {
            return seconds(value);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("without-password")) {
            return "prohibit-password";
        }
        return KEYWORD_VALUES.contains(lower) ? lower : value;
    }

    /**
     * The keyword and arguments of a line, empty for a blank or comment line. Like sshd: the keyword ends at blank or
     * {@code =}; arguments are split at blanks, honour double and single quotes and backslash escapes, and a word
     * starting with {@code #} starts a comment.
     *
     * @throws IllegalArgumentException when quotes are unbalanced
     */
    static List<String> words(String raw) {
        String s = raw.strip();
        List<String> words = new ArrayList<>();
        if (s.isEmpty() || s.startsWith("#")) {
            return words;
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        words.add(s.substring(0, i));
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        int n = s.length();
        while (i < n) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            if (s.charAt(i) == '#') {
                break;
            }
            StringBuilder w = new StringBuilder();
            char quote = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < n && ("'\"\\".indexOf(s.charAt(i + 1)) >= 0
                        || quote == 0 && s.charAt(i + 1) == ' ')) {
                    w.append(s.charAt(++i));
                } else if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException("unbalanced quotes; sshd refuses this line");
            }
            words.add(w.toString());
        }
        return words;
    }

    /**
     * A time as sshd reads it ({@code 90}, {@code 1m30s}, {@code 2h}), in seconds; the value unchanged when it is not
     * a time sshd would accept.
     */
    static String seconds(String value) {
        Matcher m = TIME.matcher(value);
        long total = 0;
        int at = 0;
        while (at < value.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total += n * switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86400;
                case "w" -> 604800;
                default -> 1;
            };
            at = m.end();
        }
        return at == value.length() && at > 0 ? String.valueOf(total) : value;
    }

    /** The variables of a systemd EnvironmentFile: {@code KEY=value} lines, quotes removed, comments skipped. */
    static Map<String, String> environment(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(line.substring(0, eq).strip(), value);
        }
        return env;
    }

    private static Map<String, String> defaults(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}

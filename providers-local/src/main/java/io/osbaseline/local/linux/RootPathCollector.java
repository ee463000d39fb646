package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code root-path}: every assignment of {@code PATH} that a root login or {@code su} can meet, as
 * {@code Setting("root-path", "FILE:LINE", value)}, with the value unquoted and {@code PATH=} removed. Read from
 * {@code /etc/environment} (pam_env), {@code ENV_SUPATH} and {@code ENV_ROOTPATH} of {@code /etc/login.defs}, the
 * system shell start-up files ({@code /etc/profile}, {@code /etc/profile.d/*.sh}, {@code /etc/bash.bashrc},
 * {@code /etc/bashrc}) and root's own ({@code .profile}, {@code .bash_profile}, {@code .bash_login}, {@code .bashrc}
 * in root's home from {@code /etc/passwd}).
 *
 * <p>Start-up files are shell programs; this reads their assignments without running them, so an assignment inside a
 * branch counts as if it were taken. That is the safe reading for a check that forbids values. The environment of the
 * running SDK is not read: it is not root's login environment.
 */
final class RootPathCollector implements Collector {
    static final String NAME = "root-path";
    static final String ENVIRONMENT = "/etc/environment";
    static final List<String> SYSTEM_FILES = List.of("/etc/profile", "/etc/bash.bashrc", "/etc/bashrc");
    static final String PROFILE_D = "/etc/profile.d";
    static final List<String> ROOT_FILES = List.of(".profile", ".bash_profile", ".bash_login", ".bashrc");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?:^|[\\s;&|(])(?:(?:export|readonly|declare\\s+-x|typeset\\s+-x)\\s+)?PATH=");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        List<String> files = new ArrayList<>();
        int assignments = 0;
        Optional<List<String>> env = ctx.lines(ENVIRONMENT);
        if (env.isPresent()) {
            files.add(ENVIRONMENT);
            assignments += scan(ctx, ENVIRONMENT, env.get());
        }
        Optional<List<String>> loginDefs = ctx.lines(LoginDefsCollector.PATH);
        if (loginDefs.isPresent()) {
            files.add(LoginDefsCollector.PATH);
            Map<String, String> defs = LoginDefsCollector.parse(loginDefs.get());
            for (String key : List.of("ENV_SUPATH", "ENV_ROOTPATH")) {
                String value = defs.get(key);
                if (value != null) {
                    String path = value.strip();
                    ctx.emit(new Setting(NAME, LoginDefsCollector.PATH + ":" + key,
                            path.startsWith("PATH=") ? path.substring(5) : path));
                    assignments++;
                }
            }
        }
        List<String> paths = new ArrayList<>(SYSTEM_FILES);
        for (String name : ctx.list(PROFILE_D).orElse(List.of())) {
            if (name.endsWith(".sh")) {
                paths.add(PROFILE_D + "/" + name);
            }
        }
        String home = rootHome(ctx);
        ROOT_FILES.forEach(f -> paths.add(home + f));
        for (String path : paths) {
            Optional<List<String>> lines = ctx.lines(path);
            if (lines.isPresent()) {
                files.add(path);
                assignments += scan(ctx, path, lines.get());
            }
        }
        return ctx.done(CollectorContext.count(assignments, "PATH assignment") + " in "
                + CollectorContext.count(files.size(), "file") + (files.isEmpty() ? "" : ": " + String.join(", ", files)));
    }

    /** Root's home directory with a trailing slash, from /etc/passwd; /root/ when it says nothing. */
    private static String rootHome(CollectorContext ctx) {
        for (String line : ctx.lines(AccountsCollector.PASSWD).orElse(List.of())) {
            String[] f = line.split(":", -1);
            if (f.length == 7 && f[0].equals("root") && f[5].startsWith("/")) {
                return f[5].endsWith("/") ? f[5] : f[5] + "/";
            }
        }
        return "/root/";
    }

    private static int scan(CollectorContext ctx, String path, List<String> lines) {
        int count = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String code = line.strip();
            if (code.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(code);
            int from = 0;
            while (m.find(from)) {
                ctx.emit(new Setting(NAME, path + ":" + lineNo, value(code, m.end())));
                count++;
                from = m.end();
            }
        }
        return count;
    }

    /**
     * The shell word that starts at {@code start}, with its quotes removed: it ends at an unquoted blank, {@code ;},
     * {@code &}, {@code |}, {@code )} or {@code #}. Package-visible for tests.
     */
    static String value(String line, int start) {
        StringBuilder v = new StringBuilder();
        char quote = 0;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    v.append(line.charAt(++i));
                } else {
                    v.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c) || ";&|)#".indexOf(c) >= 0) {
                break;
            } else if (c == '\\' && i + 1 < line.length()) {
                v.append(line.charAt(++i));
            } else {
                v.append(c);
            }
        }
        return v.toString();
    }
}

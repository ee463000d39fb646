package io.osbaseline.local.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code KEY=value} assignments of a shell-style configuration file ({@code /etc/sysconfig/network},
 * {@code /etc/default/...}), as the scripts that source them see them: {@code #} comments, an optional
 * {@code export}, single quotes literal, double quotes with backslash escapes, a bare word ending at a blank; the last
 * assignment of a key wins.
 */
final class ShellVars {
    private ShellVars() {
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0 || !line.substring(0, eq).matches("\\w+")) {
                continue;
            }
            vars.put(line.substring(0, eq), value(line.substring(eq + 1)));
        }
        return vars;
    }

    private static String value(String text) {
        StringBuilder s = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                s.append(text.charAt(++i));
            } else if (quote == 0 && Character.isWhitespace(c)) {
                break;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}

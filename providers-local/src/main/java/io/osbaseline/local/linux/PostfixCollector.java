package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code postfix}: the parameters of {@code /etc/postfix/main.cf}, as {@code Setting("postfix", NAME, value)}, read
 * as postfix reads them: {@code #} comment lines, a line that starts with a blank continues the one before, and the
 * last definition of a parameter wins. Parameters left unset have no fact: postfix's defaults apply (for example
 * {@code inet_interfaces = all}).
 */
final class PostfixCollector implements Collector {
    static final String NAME = "postfix";
    static final String MAIN_CF = "/etc/postfix/main.cf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Optional<List<String>> lines = ctx.lines(MAIN_CF);
        if (lines.isEmpty()) {
            return ctx.done(ctx.hasGaps() ? "cannot read " + MAIN_CF : "no " + MAIN_CF + ": postfix not configured");
        }
        Map<String, String> params = parse(lines.get());
        params.forEach((k, v) -> ctx.emit(new Setting(NAME, k, v)));
        return ctx.done(CollectorContext.count(params.size(), "parameter") + " from " + MAIN_CF);
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> params = new LinkedHashMap<>();
        StringBuilder logical = null;
        for (String raw : lines) {
            if (raw.strip().startsWith("#") || raw.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && logical != null) {
                logical.append(' ').append(raw.strip());
                continue;
            }
            define(params, logical);
            logical = new StringBuilder(raw.strip());
        }
        define(params, logical);
        return params;
    }

    private static void define(Map<String, String> params, StringBuilder logical) {
        if (logical == null) {
            return;
        }
        int eq = logical.indexOf("=");
        if (eq > 0) {
            String name = logical.substring(0, eq).strip();
            params.remove(name);
            params.put(name, logical.substring(eq + 1).strip());
        }
    }
}

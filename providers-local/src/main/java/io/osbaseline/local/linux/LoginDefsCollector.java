package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code login.defs}: every key of {@code /etc/login.defs} as {@code Setting("login.defs", KEY, value)}, read the
 * way shadow-utils reads it: the last occurrence of a key wins, and the value runs from the first non-blank,
 * non-quote character to the next double quote (a trailing comment stays part of the value, as it does for
 * shadow-utils).
 */
final class LoginDefsCollector implements Collector {
    static final String NAME = "login.defs";
    static final String PATH = "/etc/login.defs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Optional<List<String>> lines;
        try {
            lines = ctx.fs().readLines(PATH);
        } catch (IOException e) {
            ctx.gap(PATH, e);
            return ctx.failed("cannot read " + PATH + ": " + CollectorContext.reason(e));
        }
        if (lines.isEmpty()) {
            return ctx.done("no " + PATH);
        }
        Map<String, String> values = parse(lines.get());
        values.forEach((k, v) -> ctx.emit(new Setting(NAME, k, v)));
        return ctx.done(values.size() + " keys from " + PATH);
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                end++;
            }
            if (end == line.length()) {
                continue; // a key without a value is ignored, as shadow-utils does
            }
            int start = end;
            while (start < line.length() && " \t\"".indexOf(line.charAt(start)) >= 0) {
                start++;
            }
            String value = line.substring(start);
            int quote = value.indexOf('"');
            values.put(line.substring(0, end), quote >= 0 ? value.substring(0, quote) : value);
        }
        return values;
    }
}

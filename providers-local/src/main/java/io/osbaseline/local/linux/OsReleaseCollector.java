package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.OsRelease;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code os-release}: the distribution, from {@code /etc/os-release} or {@code /usr/lib/os-release}. */
final class OsReleaseCollector implements Collector {
    static final String NAME = "os-release";
    static final List<String> PATHS = List.of("/etc/os-release", "/usr/lib/os-release");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        for (String path : PATHS) {
            Optional<List<String>> lines = ctx.lines(path);
            if (lines.isPresent()) {
                ctx.emit(parse(lines.get()));
                return ctx.done("read " + path);
            }
        }
        return ctx.failed(ctx.hasGaps() ? "cannot read os-release; see the gaps"
                : "neither /etc/os-release nor /usr/lib/os-release exists");
    }

    /** The first readable os-release of {@code fs}, or empty. */
    static Optional<OsRelease> read(RootFs fs) throws IOException {
        for (String path : PATHS) {
            Optional<List<String>> lines = fs.readLines(path);
            if (lines.isPresent()) {
                return Optional.of(parse(lines.get()));
            }
        }
        return Optional.empty();
    }

    static OsRelease parse(List<String> lines) {
        Map<String, String> vars = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            vars.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
        }
        String idLike = vars.get("ID_LIKE");
        return new OsRelease(vars.getOrDefault("ID", "linux"), // os-release(5): ID defaults to "linux"
                idLike == null ? List.of() : Arrays.stream(idLike.split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                vars.get("VERSION_ID"), vars.get("NAME"), vars.get("PRETTY_NAME"));
    }

    /** A shell value: single quotes literal, double quotes with backslash escapes, bare words. */
    private static String unquote(String value) {
        StringBuilder s = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < value.length()) {
                s.append(value.charAt(++i));
            } else if (quote == 0 && Character.isWhitespace(c)) {
                break;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}

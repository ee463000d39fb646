package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code network-config}: the persistent network configuration that baseline rules look into.
 *
 * <ul>
 *   <li>ifupdown's {@code /etc/network/interfaces} and the files it pulls in with {@code source} (globs) and
 *       {@code source-directory} (names of letters, digits, {@code -} and {@code _}, as run-parts takes them); relative
 *       paths are taken from {@code /etc/network}. Each line, other than a comment, that mentions {@code promisc} or
 *       {@code ipv4ll} gives {@code Setting("network-config", "promisc"|"ipv4ll", "FILE:LINE: text")}. Only those
 *       lines leave the machine: the file can hold Wi-Fi keys.
 *   <li>{@code /etc/rc.local}: each command line that mentions {@code promisc}, the same way.
 *   <li>{@code /etc/sysconfig/network} (RHEL family): every assignment, as
 *       {@code Setting("sysconfig/network", KEY, value)}.
 * </ul>
 */
final class NetworkConfigCollector implements Collector {
    static final String NAME = "network-config";
    static final String INTERFACES = "/etc/network/interfaces";
    static final String RC_LOCAL = "/etc/rc.local";
    static final String SYSCONFIG_NETWORK = "/etc/sysconfig/network";
    private static final int MAX_SOURCE_DEPTH = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        List<String> read = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        readInterfaces(ctx, INTERFACES, 0, seen);
        if (!seen.isEmpty()) {
            read.add(INTERFACES + (seen.size() > 1 ? " and " + CollectorContext.count(seen.size() - 1,
                    "sourced file") : ""));
        }
        ctx.lines(RC_LOCAL).ifPresent(lines -> {
            read.add(RC_LOCAL);
            scan(ctx, RC_LOCAL, lines, List.of("promisc"), true);
        });
        ctx.lines(SYSCONFIG_NETWORK).ifPresent(lines -> {
            read.add(SYSCONFIG_NETWORK);
            ShellVars.parse(lines).forEach((k, v) -> ctx.emit(new Setting("sysconfig/network", k, v)));
        });
        return ctx.done(read.isEmpty() ? "none of " + INTERFACES + ", " + RC_LOCAL + ", " + SYSCONFIG_NETWORK
                + " exists" : "read " + String.join(", ", read));
    }

    private static void readInterfaces(CollectorContext ctx, String file, int depth, Set<String> seen) {
        if (!seen.add(file)) {
            return;
        }
        Optional<List<String>> lines = ctx.lines(file);
        if (lines.isEmpty()) {
            seen.remove(file);
            return;
        }
        scan(ctx, file, lines.get(), List.of("promisc", "ipv4ll"), false);
        for (String raw : lines.get()) {
            String[] words = raw.strip().split("\\s+", 2);
            if (words.length < 2 || !(words[0].equals("source") || words[0].equals("source-directory"))) {
                continue;
            }
            if (depth >= MAX_SOURCE_DEPTH) {
                ctx.gap(file, "sources nest deeper than " + MAX_SOURCE_DEPTH + " levels; not followed");
                continue;
            }
            String target = words[1].strip();
            if (!target.startsWith("/")) {
                target = "/etc/network/" + target;
            }
            for (String included : words[0].equals("source") ? glob(ctx, target) : directory(ctx, target)) {
                readInterfaces(ctx, included, depth + 1, seen);
            }
        }
    }

    private static List<String> glob(CollectorContext ctx, String pattern) {
        try {
            return ctx.fs().glob(pattern);
        } catch (IOException e) {
            ctx.gap(pattern, e);
            return List.of();
        }
    }

    private static List<String> directory(CollectorContext ctx, String dir) {
        return ctx.list(dir).orElse(List.of()).stream().filter(n -> n.matches("[A-Za-z0-9_-]+"))
                .map(n -> dir + "/" + n).toList();
    }

    /**
     * Emits the lines, other than comments, that mention one of {@code words}, under that word as key.
     *
     * @param shell whether a {@code #} after a blank starts a comment, as in a shell script (ifupdown has no
     *     end-of-line comments)
     */
    private static void scan(CollectorContext ctx, String file, List<String> lines, List<String> words,
            boolean shell) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (shell) {
                line = line.replaceFirst("\\s#.*$", "").strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (lower.contains(word)) {
                    ctx.emit(new Setting(NAME, word, file + ":" + (i + 1) + ": " + line));
                }
            }
        }
    }
}

package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code firewall}: the default policies of the built-in chains of the iptables {@code filter} table, as
 * {@code Setting("iptables", CHAIN, POLICY)} ({@code INPUT}, {@code FORWARD}, {@code OUTPUT}; {@code ACCEPT} or
 * {@code DROP}).
 *
 * <p>On the live host they come from {@code iptables -S} (which needs root, and reads whichever backend the host's
 * iptables uses, legacy or nf_tables). Under an offline root, the rules in force cannot be read; the saved rules that
 * are loaded at boot are read instead, in iptables-save format, from {@code /etc/iptables/rules.v4} (Debian's
 * iptables-persistent) or {@code /etc/sysconfig/iptables} (iptables-services on RHEL); the run is PARTIAL with a gap
 * for the rules in force, and UNAVAILABLE when there are no saved rules.
 */
final class FirewallCollector implements Collector {
    static final String NAME = "firewall";
    static final List<String> SAVED_RULES = List.of("/etc/iptables/rules.v4", "/etc/sysconfig/iptables");
    static final List<String> CHAINS = List.of("INPUT", "FORWARD", "OUTPUT");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        return ctx.live() ? live(ctx) : offline(ctx);
    }

    private static CollectorRun live(CollectorContext ctx) {
        Path iptables = ctx.commands().find("iptables");
        if (iptables == null) {
            ctx.gap("iptables", "no iptables command on this host");
            return ctx.done("no iptables command on this host");
        }
        HostCommands.Result result;
        try {
            result = ctx.commands().run(List.of(iptables.toString(), "-S"));
        } catch (IOException e) {
            ctx.gap("iptables -S", e);
            return ctx.done("iptables -S did not run: " + CollectorContext.reason(e));
        }
        if (result.exitCode() != 0) {
            ctx.gap("iptables -S", result.problem());
            return ctx.done("iptables -S failed: " + result.problem());
        }
        int count = 0;
        for (String line : result.stdout()) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && f[0].equals("-P") && CHAINS.contains(f[1])) {
                ctx.emit(new Setting("iptables", f[1], f[2]));
                count++;
            }
        }
        return ctx.done("policies of " + CollectorContext.count(count, "chain")
                + " of the filter table from iptables -S");
    }

    private static CollectorRun offline(CollectorContext ctx) {
        for (String path : SAVED_RULES) {
            Optional<List<String>> lines = ctx.lines(path);
            if (lines.isPresent()) {
                int count = readSaved(ctx, lines.get());
                ctx.gap("iptables", "the rules in force cannot be read under an offline root");
                return ctx.done("policies of " + CollectorContext.count(count, "chain")
                        + " of the filter table saved in " + path + "; the rules in force were not read");
            }
        }
        if (ctx.hasGaps()) {
            return ctx.done("cannot read the saved iptables rules; the rules in force cannot be read offline");
        }
        return CollectorRun.unavailable(NAME, "the firewall rules in force are runtime state, which an offline root "
                + "does not have, and it has no saved iptables rules (" + String.join(", ", SAVED_RULES) + ")");
    }

    /** The chain policies of the {@code *filter} table of an iptables-save file: {@code :INPUT DROP [0:0]}. */
    private static int readSaved(CollectorContext ctx, List<String> lines) {
        boolean filter = false;
        int count = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("*")) {
                filter = line.equals("*filter");
            } else if (line.equals("COMMIT")) {
                filter = false;
            } else if (filter && line.startsWith(":")) {
                String[] f = line.substring(1).split("\\s+");
                if (f.length >= 2 && CHAINS.contains(f[0])) {
                    ctx.emit(new Setting("iptables", f[0], f[1]));
                    count++;
                }
            }
        }
        return count;
    }
}

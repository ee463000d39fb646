package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code limits}: the resource limits pam_limits sets at login, from {@code /etc/security/limits.conf} and then the
 * {@code *.conf} files of {@code /etc/security/limits.d} in name order, as pam_limits reads them. Each
 * {@code DOMAIN TYPE ITEM VALUE} line gives {@code Setting("limits", "DOMAIN TYPE ITEM", VALUE)}, for example
 * {@code Setting("limits", "* hard core", "0")}; the type {@code -} sets both {@code soft} and {@code hard}; a later
 * line for the same domain, type and item wins.
 */
final class LimitsCollector implements Collector {
    static final String NAME = "limits";
    static final String LIMITS_CONF = "/etc/security/limits.conf";
    static final String LIMITS_D = "/etc/security/limits.d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        List<String> files = new ArrayList<>(List.of(LIMITS_CONF));
        ctx.list(LIMITS_D).orElse(List.of()).stream().filter(n -> n.endsWith(".conf"))
                .forEach(n -> files.add(LIMITS_D + "/" + n));
        Map<String, String> limits = new LinkedHashMap<>();
        int read = 0;
        for (String file : files) {
            Optional<List<String>> lines = ctx.lines(file);
            if (lines.isEmpty()) {
                continue;
            }
            read++;
            for (String raw : lines.get()) {
                int hash = raw.indexOf('#');
                String[] f = (hash >= 0 ? raw.substring(0, hash) : raw).strip().split("\\s+");
                if (f.length != 4) {
                    continue; // pam_limits skips malformed lines too
                }
                for (String type : f[1].equals("-") ? List.of("soft", "hard") : List.of(f[1])) {
                    String key = f[0] + " " + type + " " + f[2];
                    limits.remove(key);
                    limits.put(key, f[3]);
                }
            }
        }
        limits.forEach((k, v) -> ctx.emit(new Setting(NAME, k, v)));
        return ctx.done(read == 0 ? "no " + LIMITS_CONF + " and no " + LIMITS_D
                : CollectorContext.count(limits.size(), "limit") + " from " + CollectorContext.count(read, "file"));
    }
}

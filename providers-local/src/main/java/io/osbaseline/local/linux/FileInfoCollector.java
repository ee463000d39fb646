package io.osbaseline.local.linux;

import io.osbaseline.local.RootFs;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.FileInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code files}: the mode and owner of the paths baselines check, after following symbolic links inside the root.
 * Owner and group names come from the root's own {@code /etc/passwd} and {@code /etc/group}, never the host's.
 */
final class FileInfoCollector implements Collector {
    static final String NAME = "files";

    /** The paths whose metadata baseline rules check. Add a path here when a rule needs it. */
    static final List<String> BASELINE_PATHS = List.of(
            "/etc/passwd", "/etc/passwd-", "/etc/group", "/etc/group-",
            "/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-",
            "/etc/ssh/sshd_config", "/etc/sysconfig/sshd",
            "/etc/motd", "/etc/issue", "/etc/issue.net",
            "/etc/hosts.allow", "/etc/hosts.deny",
            "/etc/crontab", "/etc/cron.d", "/etc/cron.daily", "/etc/cron.hourly", "/etc/cron.weekly",
            "/etc/cron.monthly", "/etc/anacrontab", "/etc/cron.allow", "/etc/cron.deny",
            "/etc/at.allow", "/etc/at.deny",
            "/boot/grub/grub.cfg", "/boot/grub2/grub.cfg",
            "/etc/rsyslog.conf", "/etc/syslog-ng/syslog-ng.conf",
            "/var/log/journal",
            "/boot/grub/grub.conf", "/etc/cron.daily/logrotate", "/etc/inetd.conf", "/etc/postfix/main.cf");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        Map<Integer, String> users = names(ctx, "/etc/passwd");
        Map<Integer, String> groups = names(ctx, "/etc/group");
        int present = 0;
        int absent = 0;
        for (String path : BASELINE_PATHS) {
            Optional<RootFs.Stat> stat;
            try {
                stat = ctx.fs().stat(path);
            } catch (IOException e) {
                ctx.gap(path, e);
                continue;
            }
            if (stat.isEmpty()) {
                ctx.emit(FileInfo.absent(path));
                absent++;
                continue;
            }
            RootFs.Stat s = stat.get();
            ctx.emit(new FileInfo(path, true, s.kind(), s.mode(), users.getOrDefault(s.uid(), String.valueOf(s.uid())),
                    groups.getOrDefault(s.gid(), String.valueOf(s.gid())), s.uid(), s.gid()));
            present++;
        }
        return ctx.done(BASELINE_PATHS.size() + " paths: " + present + " present, " + absent + " absent"
                + (ctx.hasGaps() ? ", " + ctx.gaps().size() + " unreadable" : ""));
    }

    /** Id to name from a passwd or group file (name in field 1, id in field 3); the first entry for an id wins. */
    private static Map<Integer, String> names(CollectorContext ctx, String file) {
        Map<Integer, String> names = new HashMap<>();
        for (String line : ctx.lines(file).orElse(List.of())) {
            String[] f = line.split(":", -1);
            if (f.length < 3 || f[0].isEmpty() || f[0].startsWith("+") || f[0].startsWith("-")) {
                continue;
            }
            try {
                names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
            } catch (NumberFormatException e) {
                // a malformed entry names nobody; the accounts collector reports it
            }
        }
        return names;
    }
}

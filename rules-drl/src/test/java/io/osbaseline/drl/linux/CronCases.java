package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: cron and at. */
final class CronCases {
    private CronCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("91", "0600 root:root", r -> r.mode("/etc/anacrontab", 0644), "0644 root:root"),
                rule("93", "0700 root:root", r -> r.mode("/etc/cron.d", 0755), "0755 root:root"),
                rule("94", "0700 root:root", r -> r.mode("/etc/cron.daily", 0750), "0750 root:root"),
                rule("95", "0700 root:root", r -> r.mode("/etc/cron.hourly", 0777), "0777 root:root"),
                rule("96", "0700 root:root", r -> r.mode("/etc/cron.monthly", 0711), "0711 root:root"),
                rule("97", "0700 root:root", r -> r.mode("/etc/cron.weekly", 0705), "0705 root:root"),
                rule("98", "no /etc/cron.deny or /etc/at.deny; /etc/cron.allow 0600 root:root",
                        r -> r.file("/etc/cron.deny", "guest"), "/etc/cron.deny exists"));
    }
}

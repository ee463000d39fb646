package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: permissions of system files. */
final class FilePermissionCases {
    private FilePermissionCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("12.1", "0644 root:root", r -> r.mode("/etc/passwd", 0664), "0664 root:root"),
                rule("12.2", "0644 root:root", r -> r.mode("/etc/group", 0666), "0666 root:root"),
                rule("11.1", "0400 root:shadow", r -> r.mode("/etc/shadow", 0640), "0640 root:shadow"),
                rule("5.2.1", "0600 root:root", r -> r.mode("/etc/ssh/sshd_config", 0644), "0644 root:root"),
                rule("1.7.1.5", "0644 root:root", r -> r.mode("/etc/issue", 0666), "0666 root:root"),
                rule("3.4.4", "0644 root:root", r -> r.mode("/etc/hosts.allow", 0666), "0666 root:root"),
                rule("3.4.5", "0644 root:root", r -> r.owner("/etc/hosts.deny", 1000, 1000), "0644 alice:alice"),
                rule("11.2", "0400 root:shadow", r -> r.mode("/etc/shadow-", 0644), "0644 root:shadow"),
                rule("11.3", "0400 root:shadow", r -> r.mode("/etc/gshadow", 0640), "0640 root:shadow"),
                rule("11.4", "0400 root:shadow", r -> r.owner("/etc/gshadow-", 1000, 42), "0400 alice:shadow"),
                // the documentation's 0600, where DSC and OSConfig accept 0644
                rule("12.3", "0600 root:root", r -> r.mode("/etc/passwd-", 0644), "0644 root:root"),
                rule("12.4", "0644 root:root", r -> r.mode("/etc/group-", 0664), "0664 root:root"));
    }
}

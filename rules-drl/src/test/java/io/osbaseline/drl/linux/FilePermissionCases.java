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
                rule("11.1", "0400 root:root", r -> r.mode("/etc/shadow", 0640), "0640 root:root"),
                rule("5.2.1", "0600 root:root", r -> r.mode("/etc/ssh/sshd_config", 0644), "0644 root:root"),
                rule("1.7.1.5", "0644 root:root", r -> r.mode("/etc/issue", 0666), "0666 root:root"));
    }
}

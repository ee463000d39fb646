package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: the OpenSSH server. */
final class SshCases {
    private SshCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("109", "no", r -> r.edit("/etc/ssh/sshd_config", "PermitRootLogin no", "PermitRootLogin yes"),
                        "yes"),
                rule("110", "no", r -> r.file("/etc/ssh/sshd_config.d/50-lab.conf", "PermitEmptyPasswords yes"),
                        "yes"),
                rule("106.3", "yes", r -> r.edit("/etc/ssh/sshd_config", "IgnoreRhosts yes", "IgnoreRhosts no"), "no"),
                rule("106.7", "4", r -> r.edit("/etc/ssh/sshd_config", "MaxAuthTries 4", "MaxAuthTries 10"), "10"),
                rule("108", "no",
                        r -> r.edit("/etc/ssh/sshd_config", "HostbasedAuthentication no", "HostbasedAuthentication yes"),
                        "yes"),
                rule("112", "no",
                        r -> r.edit("/etc/ssh/sshd_config", "PermitUserEnvironment no", "PermitUserEnvironment yes"),
                        "yes"));
    }
}

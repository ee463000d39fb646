package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: the OpenSSH server. */
final class SshCases {
    private static final String CONFIG = "/etc/ssh/sshd_config";

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
                        "yes"),
                rule("106.1", "2", r -> r.append(CONFIG, "Protocol 2,1"), "2,1"),
                rule("106.5", "INFO", r -> r.edit(CONFIG, "LogLevel INFO", "LogLevel DEBUG3"), "DEBUG3"),
                rule("106.11", "allowgroups sshusers; denygroups root; denyusers root",
                        r -> r.edit(CONFIG, "AllowGroups sshusers", "").edit(CONFIG, "DenyUsers root", "")
                                .edit(CONFIG, "DenyGroups root", ""),
                        "none of AllowUsers, AllowGroups, DenyUsers, DenyGroups is set"),
                // OpenSSH 7.2: the keyword still exists; from 7.4 on the rule is not applicable
                rule(Distro.UBUNTU_16_04, "107", "not set (no, by default)",
                        r -> r.append(CONFIG, "RhostsRSAAuthentication yes"), "yes"),
                rule("110.1", "ClientAliveInterval 300; ClientAliveCountMax 1",
                        r -> r.edit(CONFIG, "ClientAliveCountMax 1", "ClientAliveCountMax 3"), "ClientAliveCountMax 3"),
                // "1m" is read as sshd reads it: 60 seconds
                rule("110.2", "60", r -> r.edit(CONFIG, "LoginGraceTime 1m", "LoginGraceTime 2m"), "120"),
                rule("110.3", "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512,hmac-sha2-256",
                        r -> r.edit(CONFIG, "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
                                + "hmac-sha2-512,hmac-sha2-256", ""),
                        "not set: OpenSSH's built-in list applies, which includes MACs outside the approved set"),
                rule("111.2", "/etc/issue.net", r -> r.edit(CONFIG, "Banner /etc/issue.net", "Banner none"), "none"),
                rule("113", "aes256-ctr,aes192-ctr,aes128-ctr",
                        r -> r.file("/etc/ssh/sshd_config.d/50-fast.conf",
                                "Ciphers chacha20-poly1305@openssh.com,aes256-ctr"),
                        "chacha20-poly1305@openssh.com,aes256-ctr"),
                rule(Distro.RHEL_8, "5.2.14", "no CRYPTO_POLICY in /etc/sysconfig/sshd",
                        r -> r.edit("/etc/sysconfig/sshd", "# CRYPTO_POLICY=", "CRYPTO_POLICY="),
                        "/etc/sysconfig/sshd: CRYPTO_POLICY="),
                rule("EnsureDenyUsersIsConfigured", "root", r -> r.edit(CONFIG, "DenyUsers root", ""), "not set"),
                rule("EnsureAllowGroupsIsConfigured", "sshusers", r -> r.edit(CONFIG, "AllowGroups sshusers", ""),
                        "not set"),
                rule("EnsureDenyGroupsConfigured", "root", r -> r.edit(CONFIG, "DenyGroups root", ""), "not set"),
                rule("EnsureSshClientAliveIntervalIsConfigured", "300",
                        r -> r.edit(CONFIG, "ClientAliveInterval 300", "ClientAliveInterval 0"), "0"),
                rule("EnsureSshPortIsConfigured", "22", r -> r.append(CONFIG, "Port 2222"), "2222"));
    }
}

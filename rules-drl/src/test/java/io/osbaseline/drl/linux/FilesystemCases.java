package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: mount options of file systems, and kernel modules. */
final class FilesystemCases {
    private FilesystemCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("1.1.4", "fstab: defaults,nodev",
                        r -> r.edit("/etc/fstab", "/home ext4 defaults,nodev", "/home ext4 defaults"), "fstab: defaults"),
                rule("1.1.5", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/tmp tmpfs defaults,nodev,nosuid", "/tmp tmpfs defaults,nosuid"),
                        "fstab: defaults,nosuid,noexec"),
                rule("1.1.7", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/tmp tmpfs defaults,nodev,nosuid", "/tmp tmpfs defaults,nodev"),
                        "fstab: defaults,nodev,noexec"),
                rule("1.1.16", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "tmpfs /dev/shm tmpfs defaults,nodev,nosuid,noexec 0 0", ""),
                        "/dev/shm is not in /etc/fstab, so systemd mounts it without noexec"),
                rule("6.1", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/hardening.conf", "install cramfs /bin/true", ""),
                        "no install directive: the module can be loaded"),
                rule("6.2", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/hardening.conf", "install freevxfs /bin/true",
                                "install freevxfs /sbin/modprobe --ignore-install freevxfs"),
                        "install /sbin/modprobe --ignore-install freevxfs"),
                rule("54", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/hardening.conf", "install dccp /bin/true", "blacklist dccp"),
                        "no install directive; blacklisted"),
                rule("55", "install /bin/true",
                        r -> r.delete("/etc/modprobe.d/hardening.conf"),
                        "no install directive: the module can be loaded"));
    }
}

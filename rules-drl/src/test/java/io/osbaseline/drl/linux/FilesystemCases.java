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
                        "no install directive: the module can be loaded"),
                rule("1.1.6", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/var/tmp ext4 defaults,nodev,", "/var/tmp ext4 defaults,"),
                        "fstab: defaults,nosuid,noexec"),
                rule("1.1.8", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/var/tmp ext4 defaults,nodev,nosuid,",
                                "/var/tmp ext4 defaults,nodev,"),
                        "fstab: defaults,nodev,noexec"),
                rule("1.1.9", "fstab: defaults,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/var/tmp ext4 defaults,nodev,nosuid,noexec",
                                "/var/tmp ext4 defaults"),
                        "fstab: defaults"),
                rule("2.1", "fstab /media/cdrom0: user,noauto,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "user,noauto,nodev,", "user,noauto,"),
                        "fstab /media/cdrom0: user,noauto,nosuid,noexec"),
                rule("2.2", "fstab /media/cdrom0: user,noauto,nodev,nosuid,noexec",
                        r -> r.append("/etc/fstab", "/dev/fd0 /mnt/floppy auto rw,user,noauto,nodev,nosuid 0 0"),
                        "fstab /mnt/floppy: rw,user,noauto,nodev,nosuid"),
                rule("2.3", "fstab /media/cdrom0: user,noauto,nodev,nosuid,noexec",
                        r -> r.edit("/etc/fstab", "/dev/sr0 /media/cdrom0 udf,iso9660 user,noauto,nodev,nosuid,noexec",
                                "/dev/sr0 /media/dvd udf,iso9660 ro,user,noauto"),
                        "fstab /media/dvd: ro,user,noauto"),
                rule("5", "fstab /mnt/share: rw,nodev,nosuid,_netdev",
                        r -> r.edit("/etc/fstab", "nfs4 rw,nodev,nosuid,_netdev", "nfs4 rw,nodev,_netdev"),
                        "fstab /mnt/share: rw,nodev,_netdev"),
                rule("1.1.21.1", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/baseline.conf", "install usb-storage /bin/true",
                                "blacklist usb_storage"),
                        "no install directive; blacklisted"),
                rule("6.3", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/baseline.conf", "install hfs /bin/true", ""),
                        "no install directive: the module can be loaded"),
                rule("6.4", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/baseline.conf", "install hfsplus /bin/true",
                                "install hfsplus /sbin/modprobe --ignore-install hfsplus"),
                        "install /sbin/modprobe --ignore-install hfsplus"),
                rule("6.5", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/baseline.conf", "install jffs2 /bin/true", ""),
                        "no install directive: the module can be loaded"),
                rule("56", "install /bin/true",
                        r -> r.edit("/etc/modprobe.d/baseline.conf", "install rds /bin/true", "blacklist rds"),
                        "no install directive; blacklisted"),
                rule("57", "install /bin/true",
                        r -> r.delete("/etc/modprobe.d/baseline.conf"),
                        "no install directive: the module can be loaded"));
    }
}

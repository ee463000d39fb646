package io.osbaseline.local.evidence;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Debian 12 and RHEL 9 fixtures as running machines: what they hold besides their configuration (runtime values
 * under /proc, a running systemd, home directories, host keys), and stand-ins for their {@code rpm} and
 * {@code systemctl} in a directory of commands.
 */
final class Machines {
    /** A private host key; it must not appear in any evidence. */
    static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    private Machines() {
    }

    /** Debian 12 with a Match block, drop-ins, a runtime mask, homes, keys and its kernel's runtime values. */
    static TestRoot debian(TestRoot r, Path bin) {
        Fixtures.debian12(r);
        r.file("/etc/ssh/sshd_config.d/20-backup.conf",
                "Match User backup",
                "    PasswordAuthentication yes",
                "    Include /etc/ssh/backup.d/*.conf",
                "Match all",
                "LogLevel VERBOSE");
        r.file("/etc/ssh/backup.d/10-forwarding.conf", "AllowTcpForwarding no");
        hostKeys(r);
        r.file("/etc/sysctl.d/70-net.conf",
                "net.ipv4.conf.*.log_martians = 1",
                "-net.ipv4.conf.lo.log_martians",
                "net/ipv4/tcp_syncookies = 1",
                "vm.no_such_knob = 3");
        r.symlink("/etc/sysctl.d/50-masked.conf", "/dev/null");
        r.file("/etc/modprobe.d/dccp.conf", "install dccp /bin/true \\", "  # keep it out", "blacklist dccp");
        r.file("/etc/shadow-", "root:" + Fixtures.HASHES.get(0) + ":19600:0:99999:7:::");
        r.file("/etc/gshadow-", "root:" + Fixtures.HASHES.get(1) + "::");
        r.file("/home/admin/.bashrc", "export PATH=$PATH:.").file("/home/admin/.netrc", "machine x login y password z")
                .file("/home/admin/notes.txt", "not for the evidence").dir("/home/admin/.ssh")
                .file("/home/admin/.ssh/id_ed25519", PRIVATE_KEY).owner("/home/admin", 1000, 1000)
                .mode("/home/admin", 0750);
        r.file("/home/deploy/.forward", "deploy@example.com").mode("/home/deploy/.forward", 0664);
        r.dir("/root").mode("/root", 0700).file("/root/.profile", "umask 022");

        Map<String, String> sysctl = baselineRuntimeValues();
        sysctl.keySet().removeIf(k -> k.startsWith("net.ipv6.")); // booted with ipv6.disable=1
        sysctl.put("kernel.pid_max", "4194304");
        sysctl.put("fs.protected_fifos", "1");
        sysctl.put("fs.protected_hardlinks", "1");
        sysctl.put("fs.protected_regular", "2");
        sysctl.put("fs.protected_symlinks", "1");
        runtime(r, sysctl, "deb12-web01");
        r.file("/proc/self/mounts",
                "/dev/sda1 / ext4 rw,relatime,errors=remount-ro 0 0",
                "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0",
                "tmpfs /tmp tmpfs rw,nosuid,nodev,noexec,relatime,size=2097152k 0 0",
                "//fileserver/share\\040docs /mnt/shared\\040docs cifs rw,relatime 0 0");
        r.file("/proc/modules",
                "ext4 1003520 1 - Live 0x0000000000000000",
                "usb_storage 81920 0 - Live 0x0000000000000000",
                "dccp 86016 0 - Live 0x0000000000000000");
        r.symlink("/run/systemd/system/apt-daily.timer", "/dev/null");
        r.file("/proc/sys/kernel/osrelease", "6.1.0-18-cloud-amd64");
        r.file("/proc/version", "Linux version 6.1.0-18-cloud-amd64 (debian-kernel@lists.debian.org) "
                + "(gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)");
        r.file("/proc/cpuinfo", "processor\t: 0", "vendor_id\t: GenuineIntel",
                "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse "
                        + "sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc", "", "processor\t: 1",
                "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep nx lm", "");
        // sysfs: interfaces are links into /sys/devices, as on a real kernel
        r.file("/sys/devices/virtual/net/lo/flags", "0x9");
        r.file("/sys/devices/pci0000:00/0000:00:03.0/net/ens3/flags", "0x1003");
        r.dir("/sys/devices/pci0000:00/0000:00:04.0/net/wlp0s4/wireless");
        r.file("/sys/devices/pci0000:00/0000:00:04.0/net/wlp0s4/flags", "0x1002");
        r.symlink("/sys/class/net/lo", "../../devices/virtual/net/lo");
        r.symlink("/sys/class/net/ens3", "../../devices/pci0000:00/0000:00:03.0/net/ens3");
        r.symlink("/sys/class/net/wlp0s4", "../../devices/pci0000:00/0000:00:04.0/net/wlp0s4");
        r.file("/sys/class/net/bonding_masters", "");
        command(bin, "iptables", "[ \"$*\" = '-S' ] || { echo \"unexpected: $*\" >&2; exit 1; }\n"
                + "printf '%s\\n' '-P INPUT DROP' '-P FORWARD DROP' '-P OUTPUT ACCEPT' "
                + "'-A INPUT -i lo -j ACCEPT'\n");
        command(bin, "systemctl", "[ \"$*\" = 'list-units --all --no-legend --plain --no-pager' ] "
                + "|| { echo \"unexpected: $*\" >&2; exit 1; }\n"
                + "printf '%s\\n' 'ssh.service loaded active running OpenBSD Secure Shell server' "
                + "'cron.service loaded active running Regular background program processing daemon' "
                + "'\u25cf rsyslog.service loaded failed failed System Logging Service' "
                + "'apt-daily.timer masked inactive dead apt-daily.timer'\n");
        return r;
    }

    /** RHEL 9 with its rpm database read by rpm, a running systemd and its kernel's runtime values. */
    static TestRoot rhel(TestRoot r, Path bin) {
        Fixtures.rhel9(r);
        hostKeys(r);
        Map<String, String> sysctl = baselineRuntimeValues();
        sysctl.put("kernel.yama.ptrace_scope", "0");
        sysctl.put("kernel.sysrq", "0");
        sysctl.put("kernel.core_uses_pid", "1");
        sysctl.put("net.ipv4.conf.default.promote_secondaries", "1");
        runtime(r, sysctl, "rhel9-db01.example.com");
        r.file("/proc/self/mounts", "/dev/mapper/rhel-root / xfs rw,seclabel,relatime 0 0",
                "/dev/mapper/rhel-home /home xfs rw,seclabel,nodev,relatime 0 0");
        r.file("/proc/modules", "xfs 2043904 2 - Live 0xffffffffc0a7f000", "nf_conntrack 176128 1 - Live 0x0");
        r.dir("/run/systemd/system");
        r.file("/home/ec2-user/.bash_profile", "PATH=$PATH:$HOME/bin").owner("/home/ec2-user", 1000, 1000);
        command(bin, "rpm", "[ \"$*\" = '-qa --qf %{NAME}\\t%{VERSION}-%{RELEASE}\\n' ] "
                + "|| { echo \"unexpected: $*\" >&2; exit 1; }\n"
                + "printf 'openssh-server\\t8.7p1-38.el9\\nbash\\t5.1.8-9.el9\\ngpg-pubkey\\tfd431d51-4ae0493b\\n'\n");
        command(bin, "systemctl", "printf '%s\\n' 'sshd.service loaded active running OpenSSH server daemon' "
                + "'firewalld.service loaded active running firewalld - dynamic firewall daemon'\n");
        return r;
    }

    private static void hostKeys(TestRoot r) {
        r.text("/etc/ssh/ssh_host_ed25519_key", PRIVATE_KEY).mode("/etc/ssh/ssh_host_ed25519_key", 0600);
        r.file("/etc/ssh/ssh_host_ed25519_key.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG root@host");
    }

    /** Values for the keys the sysctl collector always reads, as a hardened kernel reports them. */
    private static Map<String, String> baselineRuntimeValues() {
        Map<String, String> values = new TreeMap<>();
        for (String key : new String[] {"kernel.randomize_va_space=2", "fs.suid_dumpable=0", "net.ipv4.ip_forward=0",
                "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf.default.send_redirects=0",
                "net.ipv4.conf.all.accept_redirects=0", "net.ipv4.conf.default.accept_redirects=0",
                "net.ipv4.conf.all.secure_redirects=0", "net.ipv4.conf.default.secure_redirects=0",
                "net.ipv4.conf.all.accept_source_route=0", "net.ipv4.conf.default.accept_source_route=0",
                "net.ipv4.conf.all.log_martians=1", "net.ipv4.conf.default.log_martians=1",
                "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf.default.rp_filter=1",
                "net.ipv6.conf.all.accept_redirects=0", "net.ipv6.conf.default.accept_redirects=0",
                "net.ipv6.conf.all.accept_source_route=0", "net.ipv6.conf.default.accept_source_route=0",
                "net.ipv6.conf.all.disable_ipv6=0", "net.ipv6.conf.default.disable_ipv6=0",
                "net.ipv4.icmp_ignore_bogus_error_responses=1", "net.ipv4.icmp_echo_ignore_broadcasts=1",
                "net.ipv4.tcp_syncookies=1"}) {
            values.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
        }
        return values;
    }

    private static void runtime(TestRoot r, Map<String, String> sysctl, String hostname) {
        sysctl.forEach((k, v) -> r.file("/proc/sys/" + k.replace('.', '/'), v));
        r.file("/proc/sys/kernel/hostname", hostname);
    }

    private static void command(Path bin, String name, String body) {
        try {
            Files.createDirectories(bin);
            Path p = bin.resolve(name);
            Files.writeString(p, "#!/bin/sh\n" + body);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

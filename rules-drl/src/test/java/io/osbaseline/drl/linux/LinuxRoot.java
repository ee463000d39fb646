package io.osbaseline.drl.linux;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.Providers;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Linux root of real files in a temporary directory, snapshotted by the real {@code local} provider. It starts as a
 * system that complies with every rule; tests then break one setting at a time. It is a running machine: its snapshot
 * also has the runtime state the live collectors report (see {@link RunningMachine}), unless {@link #offline()} says
 * it is an image.
 */
final class LinuxRoot {
    private final Path dir;
    private RunningMachine running;

    private LinuxRoot(Path dir) {
        this.dir = dir;
    }

    /** A compliant Debian 12 root in {@code dir}. */
    static LinuxRoot hardenedDebian(Path dir) {
        return hardened(Distro.DEBIAN_12, dir);
    }

    /**
     * A root of {@code distro} in {@code dir} that complies with every rule. Each area of the baseline writes its own
     * files, with the paths and names of that distribution.
     */
    static LinuxRoot hardened(Distro distro, Path dir) {
        LinuxRoot r = new LinuxRoot(dir);
        system(r, distro);
        accounts(r, distro);
        passwords(r, distro);
        ssh(r, distro);
        network(r, distro);
        filesystems(r, distro);
        packages(r, distro);
        services(r, distro);
        banners(r, distro);
        logging(r, distro);
        cron(r, distro);
        boot(r, distro);
        running(r, distro);
        return r;
    }

    /** The distribution and host name. */
    private static void system(LinuxRoot r, Distro distro) {
        r.file("/etc/os-release", distro.osRelease());
        r.file("/etc/hostname", "web-1");
        r.file("/etc/security/limits.conf", "# <domain> <type> <item> <value>", "*               hard    core    0");
    }

    /** Accounts and groups, with their files' permissions. */
    private static void accounts(LinuxRoot r, Distro distro) {
        r.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
                "sshd:x:100:65534::/run/sshd:/usr/sbin/nologin", "alice:x:1000:1000:Alice:/home/alice:/bin/bash");
        r.mode("/etc/passwd", 0644);
        r.file("/etc/group", "root:x:0:", "daemon:x:1:", "shadow:x:42:", "alice:x:1000:");
        r.mode("/etc/group", 0644);
        r.file("/etc/shadow", "root:$6$rounds=5000$saltsalt$AbCdEfGhIjKlMnOpQrStUv:19700:7:365:7:::",
                "daemon:*:19700:0:99999:7:::", "sshd:!:19700::::::",
                "alice:$6$pepper$ZyXwVuTsRqPoNmLkJiHgFe:19700:7:365:7:::");
        r.mode("/etc/shadow", 0400);
    }

    /** Password policy and PAM. */
    private static void passwords(LinuxRoot r, Distro distro) {
        r.file("/etc/login.defs", "# shadow-utils configuration", "MAIL_DIR /var/mail", "PASS_MAX_DAYS 365",
                "PASS_MIN_DAYS 7", "PASS_WARN_AGE 7", "UMASK 077", "ENCRYPT_METHOD SHA512");
        r.file("/etc/pam.d/su", "auth       sufficient pam_rootok.so", "auth       required   pam_wheel.so use_uid",
                "@include common-auth", "@include common-account", "session    required   pam_limits.so");
    }

    /** The OpenSSH server. */
    private static void ssh(LinuxRoot r, Distro distro) {
        r.file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "PermitRootLogin no",
                "PermitEmptyPasswords no", "IgnoreRhosts yes", "MaxAuthTries 4", "HostbasedAuthentication no",
                "PermitUserEnvironment no", "Subsystem sftp /usr/lib/openssh/sftp-server");
        r.mode("/etc/ssh/sshd_config", 0600);
        r.file("/var/lib/dpkg/status",
                "Package: openssh-server", "Status: install ok installed", "Version: 1:9.2p1-2+deb12u3", "",
                "Package: cron", "Status: install ok installed", "Version: 3.0pl1-162", "",
                "Package: login", "Status: install ok installed", "Version: 1:4.13+dfsg1-1+b1", "");
    }

    /** Kernel parameters. */
    private static void network(LinuxRoot r, Distro distro) {
        r.file("/etc/sysctl.d/60-hardening.conf", "kernel.randomize_va_space = 2",
                "net.ipv4.conf.all.send_redirects = 0", "net.ipv4.conf.default.send_redirects = 0",
                "net.ipv4.conf.all.accept_source_route = 0", "net.ipv4.icmp_ignore_bogus_error_responses = 1",
                "net.ipv4.icmp_echo_ignore_broadcasts = 1", "net.ipv4.tcp_syncookies = 1");
        r.file("/etc/sysctl.d/61-baseline.conf", "fs.suid_dumpable = 0",
                "net.ipv4.conf.all.accept_redirects = 0", "net.ipv4.conf.default.accept_redirects = 0",
                "net.ipv6.conf.all.accept_redirects = 0", "net.ipv6.conf.default.accept_redirects = 0",
                "net.ipv4.conf.all.secure_redirects = 0", "net.ipv4.conf.default.secure_redirects = 0",
                "net.ipv4.conf.default.accept_source_route = 0", "net.ipv6.conf.all.accept_source_route = 0",
                "net.ipv6.conf.default.accept_source_route = 0", "net.ipv4.conf.all.log_martians = 1",
                "net.ipv4.conf.default.log_martians = 1", "net.ipv4.conf.all.rp_filter = 1",
                "net.ipv4.conf.default.rp_filter = 1", "net.ipv6.conf.all.disable_ipv6 = 0",
                "net.ipv6.conf.default.disable_ipv6 = 0");
        if (distro.debianFamily()) {
            r.file("/etc/network/interfaces", "source /etc/network/interfaces.d/*", "auto lo", "iface lo inet loopback",
                    "auto eth0", "iface eth0 inet dhcp");
        } else if (distro.rhelFamily()) {
            r.file("/etc/sysconfig/network", "# Created by anaconda", "NETWORKING=yes", "NOZEROCONF=yes");
        }
    }

    /** Mounts and kernel modules. */
    private static void filesystems(LinuxRoot r, Distro distro) {
        r.file("/etc/fstab", "UUID=6d1f0c5e-1b7a-4f2e-9a43-1f6a1c0b2d11 / ext4 errors=remount-ro 0 1",
                "UUID=8a2e4c11-77b0-4d1f-8f0e-2b9f9c1d3e42 /home ext4 defaults,nodev 0 2",
                "tmpfs /tmp tmpfs defaults,nodev,nosuid,noexec 0 0",
                "tmpfs /dev/shm tmpfs defaults,nodev,nosuid,noexec 0 0",
                "UUID=1c9b7d3e-5f2a-4c8e-b6a1-0d4e2f7a9c35 /var/tmp ext4 defaults,nodev,nosuid,noexec 0 2",
                "/dev/sr0 /media/cdrom0 udf,iso9660 user,noauto,nodev,nosuid,noexec 0 0",
                "files.example.com:/export/share /mnt/share nfs4 rw,nodev,nosuid,_netdev 0 0");
        r.file("/etc/modprobe.d/hardening.conf", "install cramfs /bin/true", "install freevxfs /bin/true",
                "install dccp /bin/true", "install sctp /bin/true");
        r.file("/etc/modprobe.d/baseline.conf", "install usb-storage /bin/true", "install hfs /bin/true",
                "install hfsplus /bin/true", "install jffs2 /bin/true", "install rds /bin/true",
                "install tipc /bin/true");
    }

    /**
     * The package database, with no forbidden package: a system logger, the audit daemon and a Samba server are
     * installed. Only Debian and Ubuntu get one: an rpm database can only be read through an rpm command, which a
     * test host may not have.
     */
    private static void packages(LinuxRoot r, Distro distro) {
        if (distro.debianFamily()) {
            r.appendOrCreate("/var/lib/dpkg/status",
                    "Package: rsyslog", "Status: install ok installed", "Version: 8.2302.0-1", "",
                    "Package: auditd", "Status: install ok installed", "Version: 1:3.0.9-1", "",
                    "Package: logrotate", "Status: install ok installed", "Version: 3.21.0-1", "",
                    "Package: samba", "Status: install ok installed", "Version: 2:4.17.12+dfsg-0+deb12u1", "");
        }
    }

    /**
     * systemd units: cron, the system logger and the audit daemon enabled, journald (static) and the logrotate timer;
     * cups installed but disabled. Samba's [global] section refuses SMB1.
     */
    private static void services(LinuxRoot r, Distro distro) {
        String cron = distro.rhelFamily() || distro.azureLinux() ? "crond.service" : "cron.service";
        r.unit(cron, "[Unit]", "Description=cron", "[Service]", "ExecStart=/usr/sbin/cron -f", "[Install]",
                "WantedBy=multi-user.target");
        r.enable(cron);
        r.unit("cups.service", "[Unit]", "Description=CUPS", "[Service]", "ExecStart=/usr/sbin/cupsd -l",
                "[Install]", "WantedBy=multi-user.target");
        r.unit("rsyslog.service", "[Unit]", "Description=System Logging Service", "[Service]",
                "ExecStart=/usr/sbin/rsyslogd -n -iNONE", "[Install]", "WantedBy=multi-user.target",
                "Alias=syslog.service");
        r.enable("rsyslog.service");
        r.unit("auditd.service", "[Unit]", "Description=Security Auditing Service", "[Service]",
                "ExecStart=/sbin/auditd", "[Install]", "WantedBy=multi-user.target");
        r.enable("auditd.service");
        r.unit("systemd-journald.service", "[Unit]", "Description=Journal Service", "[Service]",
                "ExecStart=/lib/systemd/systemd-journald");
        r.unit("logrotate.timer", "[Unit]", "Description=Daily rotation of log files", "[Timer]",
                "OnCalendar=daily", "[Install]", "WantedBy=timers.target");
        r.enable("logrotate.timer", "timers.target");
        r.file("/etc/samba/smb.conf", "[global]", "   workgroup = WORKGROUP", "   server min protocol = SMB2_10",
                "[homes]", "   browseable = no");
    }

    /** rsyslog writes private log files owned by syslog:adm; journald keeps its journal on disk. */
    private static void logging(LinuxRoot r, Distro distro) {
        r.file("/etc/rsyslog.conf", "module(load=\"imuxsock\")", "module(load=\"imklog\")", "$FileOwner syslog",
                "$FileGroup adm", "$FileCreateMode 0640", "$DirCreateMode 0755", "$IncludeConfig /etc/rsyslog.d/*.conf",
                "*.*;auth,authpriv.none -/var/log/syslog");
        r.mode("/etc/rsyslog.conf", 0640);
        r.file("/etc/systemd/journald.conf", "[Journal]", "Storage=persistent");
        r.dir("/var/log/journal");
        r.mode("/var/log/journal", 02755);
        r.file("/var/log/syslog", "Jan  1 00:00:00 web-1 kernel: Linux version 6.1.0");
    }

    /** cron and at: private directories and anacrontab, an allow list and no deny lists. */
    private static void cron(LinuxRoot r, Distro distro) {
        r.file("/etc/anacrontab", "SHELL=/bin/sh", "1 5 cron.daily run-parts --report /etc/cron.daily");
        r.mode("/etc/anacrontab", 0600);
        for (String d : List.of("/etc/cron.d", "/etc/cron.daily", "/etc/cron.hourly", "/etc/cron.weekly",
                "/etc/cron.monthly")) {
            r.dir(d);
            r.mode(d, 0700);
        }
        r.file("/etc/cron.allow", "root");
        r.mode("/etc/cron.allow", 0600);
    }

    /** GRUB asks for a password, and only root can read its configuration. */
    private static void boot(LinuxRoot r, Distro distro) {
        String hash = "grub.pbkdf2.sha512.10000.6F1C2B7A9E3D4C5B.0A1B2C3D4E5F60718293A4B5C6D7E8F9";
        if (distro.debianFamily()) {
            r.file("/boot/grub/grub.cfg", "### BEGIN /etc/grub.d/40_custom ###", "set superusers=\"root\"",
                    "password_pbkdf2 root " + hash, "### END /etc/grub.d/40_custom ###");
            r.mode("/boot/grub/grub.cfg", 0400);
        } else {
            r.file("/boot/grub2/grub.cfg", "### BEGIN /etc/grub.d/01_users ###", "if [ -f ${prefix}/user.cfg ]; then",
                    "  source ${prefix}/user.cfg", "  if [ -n \"${GRUB2_PASSWORD}\" ]; then",
                    "    set superusers=\"root\"", "    export superusers",
                    "    password_pbkdf2 root ${GRUB2_PASSWORD}", "  fi", "fi");
            r.mode("/boot/grub2/grub.cfg", 0400);
            r.file("/boot/grub2/user.cfg", "GRUB2_PASSWORD=" + hash);
            r.mode("/boot/grub2/user.cfg", 0600);
        }
    }

    /**
     * What the machine runs: its distribution's kernel on a CPU with NX, one Ethernet interface, a firewall that drops
     * by default, and cron, the loggers, auditd and the logrotate timer active.
     */
    private static void running(LinuxRoot r, Distro distro) {
        String[] kernel = kernelOf(distro);
        r.running = new RunningMachine().kernel(kernel[0], kernel[1])
                .cpuFlags("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr "
                        + "sse sse2 ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl cpuid pni pclmulqdq "
                        + "ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor")
                .iface("eth0", "up,broadcast,running,multicast").iface("lo", "up,loopback,running")
                .policy("INPUT", "DROP").policy("FORWARD", "DROP").policy("OUTPUT", "DROP")
                .unit(distro.rhelFamily() || distro.azureLinux() ? "crond.service" : "cron.service", "active")
                .unit("rsyslog.service", "active").unit("systemd-journald.service", "active")
                .unit("auditd.service", "active").unit("logrotate.timer", "active");
    }

    /** Login banners. */
    private static void banners(LinuxRoot r, Distro distro) {
        r.file("/etc/issue", "Authorized uses only. All activity may be monitored and reported.");
        r.mode("/etc/issue", 0644);
    }

    /** The kernel each distribution ships, as uname -r and /proc/version show it. */
    private static String[] kernelOf(Distro distro) {
        if (distro.id.equals("debian")) {
            return distro.versionId.equals("11")
                    ? new String[] {"5.10.0-28-cloud-amd64", "Linux version 5.10.0-28-cloud-amd64 "
                            + "(debian-kernel@lists.debian.org) (gcc-10 (Debian 10.2.1-6) 10.2.1 20210110, GNU ld (GNU "
                            + "Binutils for Debian) 2.35.2) #1 SMP Debian 5.10.209-2 (2024-01-31)"}
                    : new String[] {"6.1.0-18-cloud-amd64", "Linux version 6.1.0-18-cloud-amd64 "
                            + "(debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU "
                            + "Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"};
        }
        if (distro.id.equals("ubuntu")) {
            return new String[] {"6.5.0-1017-azure", "Linux version 6.5.0-1017-azure (buildd@lcy02-amd64-021) "
                    + "(x86_64-linux-gnu-gcc-12 (Ubuntu 12.3.0-1ubuntu1~22.04) 12.3.0, GNU ld (GNU Binutils for "
                    + "Ubuntu) 2.38) #17~22.04.1-Ubuntu SMP Mon Mar 4 23:35:35 UTC 2024"};
        }
        if (distro.rhelFamily()) {
            return distro.versionId.startsWith("8.")
                    ? new String[] {"4.18.0-513.24.1.el8_9.x86_64", "Linux version 4.18.0-513.24.1.el8_9.x86_64 "
                            + "(mockbuild@x86-vm-08.build.eng.bos.redhat.com) (gcc version 8.5.0 20210514 (Red Hat "
                            + "8.5.0-20) (GCC)) #1 SMP Thu Mar 14 14:20:09 EDT 2024"}
                    : new String[] {"5.14.0-427.13.1.el9_4.x86_64", "Linux version 5.14.0-427.13.1.el9_4.x86_64 "
                            + "(mockbuild@x86-64-01.build.eng.rdu2.redhat.com) (gcc (GCC) 11.4.1 20231218 (Red Hat "
                            + "11.4.1-3), GNU ld version 2.35.2-43.el9) #1 SMP PREEMPT_DYNAMIC Wed Apr 10 10:29:16 EDT "
                            + "2024"};
        }
        if (distro.suse()) {
            return new String[] {"5.14.21-150500.33.51-azure", "Linux version 5.14.21-150500.33.51-azure "
                    + "(geeko@buildhost) (gcc (SUSE Linux) 7.5.0, GNU ld (GNU Binutils; SUSE Linux Enterprise 15) "
                    + "2.41.0.20230908-150100.7.46) #1 SMP PREEMPT_DYNAMIC Mon May 6 07:27:08 UTC 2024 (a18d4ba)"};
        }
        if (distro.azureLinux()) {
            return new String[] {"5.15.153.1-2.cm2", "Linux version 5.15.153.1-2.cm2 (root@CBL-Mariner) (gcc (GCC) "
                    + "11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP Fri May 3 22:34:55 UTC 2024"};
        }
        throw new IllegalArgumentException("no kernel known for " + distro);
    }

    LinuxRoot file(String path, String... lines) {
        try {
            Path p = host(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds lines at the end of a file. */
    LinuxRoot append(String path, String... lines) {
        try {
            Files.writeString(host(path), String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every occurrence of {@code from} in a file. */
    LinuxRoot edit(String path, String from, String to) {
        try {
            String text = Files.readString(host(path));
            if (!text.contains(from)) {
                throw new IllegalArgumentException(path + " does not contain '" + from + "'");
            }
            Files.writeString(host(path), text.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds lines at the end of a file, creating it if needed. */
    LinuxRoot appendOrCreate(String path, String... lines) {
        return Files.exists(host(path)) ? append(path, lines) : file(path, lines);
    }

    LinuxRoot dir(String path) {
        try {
            Files.createDirectories(host(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LinuxRoot mode(String path, int mode) {
        try {
            Files.setAttribute(host(path), "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LinuxRoot delete(String path) {
        try {
            Files.delete(host(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A systemd unit file under /lib/systemd/system. */
    LinuxRoot unit(String name, String... lines) {
        return file("/lib/systemd/system/" + name, lines);
    }

    /** Enables a unit the way systemctl enable does: a link in multi-user.target.wants. */
    LinuxRoot enable(String name) {
        return enable(name, "multi-user.target");
    }

    /** Enables a unit the way systemctl enable does for {@code WantedBy=target}: a link in target.wants. */
    LinuxRoot enable(String name, String target) {
        try {
            Path link = host("/etc/systemd/system/" + target + ".wants/" + name);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("/lib/systemd/system/" + name));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runtime state of this running machine, to change it; fails for an {@link #offline()} root. */
    RunningMachine running() {
        if (running == null) {
            throw new IllegalStateException("an offline root has no runtime state");
        }
        return running;
    }

    /** Makes this root an image: its snapshot has no runtime state, as the {@code local} provider reads it. */
    LinuxRoot offline() {
        running = null;
        return this;
    }

    /** The snapshot the {@code local} provider takes of this root, with its runtime state when it is running. */
    ConfigurationSnapshot snapshot() {
        try (Provider p = Providers.create("local", Map.of("root", dir.toString()))) {
            Machine m = p.machines().findFirst().orElseThrow();
            ConfigurationSnapshot offline = p.collect(m);
            return running == null ? offline : running.apply(offline);
        } catch (ProviderException | SnapshotException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path host(String path) {
        return dir.resolve(path.substring(1));
    }
}

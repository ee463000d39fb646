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
        tcpWrappers(r, distro);
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

    /**
     * Accounts and groups, with their files' permissions and backups, the home directories of the accounts that can
     * log in, and root's PATH. RHEL, Alma, Rocky and Azure Linux have no shadow group.
     */
    private static void accounts(LinuxRoot r, Distro distro) {
        String nologin = distro.debianFamily() ? "/usr/sbin/nologin" : "/sbin/nologin";
        r.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "daemon:x:1:1:daemon:/usr/sbin:" + nologin,
                "sshd:x:100:65534::/run/sshd:" + nologin, "alice:x:1000:1000:Alice:/home/alice:/bin/bash");
        r.mode("/etc/passwd", 0644);
        boolean shadowGroup = distro.debianFamily() || distro.suse();
        r.file("/etc/group", "root:x:0:", "daemon:x:1:", shadowGroup ? "shadow:x:42:" : "wheel:x:10:",
                "nogroup:x:65534:", "alice:x:1000:", "sshusers:x:1001:alice");
        r.mode("/etc/group", 0644);
        r.file("/etc/shadow", "root:$6$rounds=5000$saltsalt$AbCdEfGhIjKlMnOpQrStUv:19700:7:365:7:::",
                "daemon:*:19700:0:99999:7:::", "sshd:!:19700::::::",
                "alice:$6$pepper$ZyXwVuTsRqPoNmLkJiHgFe:19700:7:365:7:::");
        r.mode("/etc/shadow", 0400);
        r.copy("/etc/passwd", "/etc/passwd-").mode("/etc/passwd-", 0600);
        r.copy("/etc/group", "/etc/group-").mode("/etc/group-", 0644);
        r.copy("/etc/shadow", "/etc/shadow-").mode("/etc/shadow-", 0400);
        r.file("/etc/gshadow", "root:*::", shadowGroup ? "shadow:*::" : "wheel:*::", "alice:!::",
                "sshusers:!::alice").mode("/etc/gshadow", 0400);
        r.copy("/etc/gshadow", "/etc/gshadow-").mode("/etc/gshadow-", 0400);
        if (shadowGroup) {
            r.owner("/etc/shadow", 0, 42).owner("/etc/shadow-", 0, 42).owner("/etc/gshadow", 0, 42)
                    .owner("/etc/gshadow-", 0, 42);
        }
        r.dir("/root", 0700);
        r.file("/root/.profile", "if [ \"$BASH\" ]; then", "  [ -f ~/.bashrc ] && . ~/.bashrc", "fi",
                "mesg n 2> /dev/null || true").mode("/root/.profile", 0644);
        r.dir("/home/alice", 0750).owner("/home/alice", 1000, 1000);
        r.file("/home/alice/.bashrc", "export EDITOR=vi", "PATH=\"$HOME/bin:$PATH\"").mode("/home/alice/.bashrc", 0644)
                .owner("/home/alice/.bashrc", 1000, 1000);
        r.file("/etc/profile", "if [ \"$(id -u)\" -eq 0 ]; then",
                "  PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"", "else",
                "  PATH=\"/usr/local/bin:/usr/bin:/bin\"", "fi", "export PATH");
    }

    /**
     * Password policy: login.defs, and PAM with its module configuration where each distribution keeps it:
     * common-password and common-auth (Debian, Ubuntu; pam_tally2 on Ubuntu 20.04), system-auth and password-auth
     * (RHEL, Alma, Rocky), common-password-pc and common-auth-pc behind links with pam_cracklib (SUSE),
     * system-password and system-auth (Azure Linux).
     */
    private static void passwords(LinuxRoot r, Distro distro) {
        r.file("/etc/login.defs", "# shadow-utils configuration", "MAIL_DIR /var/mail", "PASS_MAX_DAYS 365",
                "PASS_MIN_DAYS 7", "PASS_WARN_AGE 7", "UID_MIN 1000", "UMASK 077", "ENCRYPT_METHOD SHA512");
        r.file("/etc/pam.d/su", "auth       sufficient pam_rootok.so", "auth       required   pam_wheel.so use_uid",
                "@include common-auth", "@include common-account", "session    required   pam_limits.so");
        r.file("/etc/security/pwquality.conf", "# Configuration for systemwide password quality limits",
                "minlen = 14", "minclass = 4", "dcredit = -1", "ucredit = -1", "lcredit = -1", "ocredit = -1");
        r.file("/etc/security/faillock.conf", "# pam_faillock configuration", "deny = 5", "unlock_time = 900");
        if (distro.debianFamily()) {
            r.file("/etc/pam.d/common-password",
                    "password\trequisite\t\t\tpam_pwquality.so retry=3",
                    "password\trequired\t\t\tpam_pwhistory.so remember=5 use_authtok",
                    "password\t[success=1 default=ignore]\tpam_unix.so obscure use_authtok try_first_pass sha512",
                    "password\trequisite\t\t\tpam_deny.so", "password\trequired\t\t\tpam_permit.so");
            if (distro == Distro.UBUNTU_20_04 || distro == Distro.UBUNTU_16_04) {
                r.file("/etc/pam.d/common-auth", "auth\trequired\t\t\tpam_tally2.so onerr=fail deny=5 unlock_time=900",
                        "auth\t[success=1 default=ignore]\tpam_unix.so nullok", "auth\trequisite\t\t\tpam_deny.so",
                        "auth\trequired\t\t\tpam_permit.so");
            } else {
                r.file("/etc/pam.d/common-auth", "auth\trequired\t\t\tpam_faillock.so preauth",
                        "auth\t[success=1 default=ignore]\tpam_unix.so nullok",
                        "auth\t[default=die]\t\t\tpam_faillock.so authfail", "auth\trequisite\t\t\tpam_deny.so",
                        "auth\trequired\t\t\tpam_permit.so");
            }
        } else if (distro.rhelFamily()) {
            for (String stack : new String[] {"system-auth", "password-auth"}) {
                r.file("/etc/authselect/" + stack,
                        "# Generated by authselect", "auth        required      pam_env.so",
                        "auth        required      pam_faillock.so preauth silent",
                        "auth        sufficient    pam_unix.so",
                        "auth        required      pam_faillock.so authfail", "auth        required      pam_deny.so",
                        "account     required      pam_unix.so",
                        "password    requisite     pam_pwquality.so local_users_only",
                        "password    required      pam_pwhistory.so use_authtok remember=5",
                        "password    sufficient    pam_unix.so sha512 shadow use_authtok",
                        "password    required      pam_deny.so", "session     required      pam_unix.so");
                r.symlink("/etc/pam.d/" + stack, "/etc/authselect/" + stack);
            }
        } else if (distro.suse()) {
            r.delete("/etc/security/pwquality.conf");
            r.file("/etc/pam.d/common-password-pc",
                    "password\trequisite\tpam_cracklib.so minlen=14 minclass=4 dcredit=-1 ucredit=-1 ocredit=-1 "
                            + "lcredit=-1 retry=3",
                    "password\trequired\tpam_pwhistory.so remember=5 use_authtok",
                    "password\trequired\tpam_unix.so\tuse_authtok nullok shadow try_first_pass sha512");
            r.symlink("/etc/pam.d/common-password", "common-password-pc");
            r.file("/etc/pam.d/common-auth-pc", "auth\trequired\tpam_env.so",
                    "auth\trequired\tpam_faillock.so preauth", "auth\trequired\tpam_unix.so\ttry_first_pass",
                    "auth\t[default=die]\tpam_faillock.so authfail");
            r.symlink("/etc/pam.d/common-auth", "common-auth-pc");
        } else {
            r.file("/etc/pam.d/system-password",
                    "password  requisite  pam_pwquality.so retry=3 enforce_for_root",
                    "password  required   pam_pwhistory.so remember=5 use_authtok",
                    "password  required   pam_unix.so sha512 shadow try_first_pass use_authtok");
            r.file("/etc/pam.d/system-auth", "auth      required   pam_faillock.so preauth deny=5 unlock_time=900",
                    "auth      required   pam_unix.so", "auth      required   pam_faillock.so authfail deny=5 "
                            + "unlock_time=900");
        }
    }

    /**
     * The OpenSSH server: settings in sshd_config (a drop-in that sorts before the crypto policy's on RHEL 9 family),
     * the unit that passes the crypto policy on the command line on RHEL 8, and the installed version.
     */
    private static void ssh(LinuxRoot r, Distro distro) {
        String[] settings = {"PermitRootLogin no", "PermitEmptyPasswords no", "IgnoreRhosts yes", "MaxAuthTries 4",
            "HostbasedAuthentication no", "PermitUserEnvironment no", "LogLevel INFO", "LoginGraceTime 1m",
            "ClientAliveInterval 300", "ClientAliveCountMax 1", "Banner /etc/issue.net",
            "Ciphers aes256-ctr,aes192-ctr,aes128-ctr",
            "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512,hmac-sha2-256",
            "AllowGroups sshusers", "DenyUsers root", "DenyGroups root"};
        String sftp = distro.debianFamily() ? "/usr/lib/openssh/sftp-server"
                : distro.suse() ? "/usr/lib/ssh/sftp-server" : "/usr/libexec/openssh/sftp-server";
        if (distro.rhelFamily() && distro != Distro.RHEL_8) {
            r.file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "AuthorizedKeysFile .ssh/authorized_keys",
                    "Subsystem sftp " + sftp);
            r.file("/etc/ssh/sshd_config.d/40-hardening.conf", settings);
            r.file("/etc/ssh/sshd_config.d/50-redhat.conf", "Include /etc/crypto-policies/back-ends/opensshserver.config",
                    "SyslogFacility AUTHPRIV", "UsePAM yes", "X11Forwarding yes");
            r.file("/etc/crypto-policies/back-ends/opensshserver.config",
                    "Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes128-gcm@openssh.com",
                    "MACs hmac-sha2-256-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-128-etm@openssh.com");
        } else {
            String[] main = new String[settings.length + 2];
            main[0] = "Include /etc/ssh/sshd_config.d/*.conf";
            System.arraycopy(settings, 0, main, 1, settings.length);
            main[main.length - 1] = "Subsystem sftp " + sftp;
            r.file("/etc/ssh/sshd_config", main);
        }
        r.mode("/etc/ssh/sshd_config", 0600);
        if (distro.rhelFamily()) {
            r.file("/etc/sysconfig/sshd", "# Configuration file for the sshd service.", "OPTIONS=\"\"",
                    "# CRYPTO_POLICY=");
        }
        if (distro == Distro.RHEL_8) {
            r.file("/usr/lib/systemd/system/sshd.service", "[Unit]", "Description=OpenSSH server daemon", "[Service]",
                    "Type=notify", "EnvironmentFile=-/etc/crypto-policies/back-ends/opensshserver.config",
                    "EnvironmentFile=-/etc/sysconfig/sshd", "ExecStart=/usr/sbin/sshd -D $OPTIONS $CRYPTO_POLICY",
                    "[Install]", "WantedBy=multi-user.target");
            r.file("/etc/crypto-policies/back-ends/opensshserver.config",
                    "CRYPTO_POLICY='-oCiphers=aes256-ctr,aes128-ctr -oMACs=hmac-sha2-256-etm@openssh.com,"
                            + "hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512 -oKexAlgorithms=curve25519-sha256'");
        }
        if (distro.debianFamily()) {
            r.file("/var/lib/dpkg/status",
                    "Package: openssh-server", "Status: install ok installed", "Version: " + distro.openSshVersion(), "",
                    "Package: cron", "Status: install ok installed", "Version: 3.0pl1-162", "",
                    "Package: login", "Status: install ok installed", "Version: 1:4.13+dfsg1-1+b1", "");
        }
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
        r.file("/etc/issue.net", "Authorized uses only. All activity may be monitored and reported.");
        r.mode("/etc/issue.net", 0644);
        r.file("/etc/motd", "Maintenance window: Sundays 02:00-04:00 UTC.");
        r.mode("/etc/motd", 0644);
    }

    /** TCP wrappers' access files. */
    private static void tcpWrappers(LinuxRoot r, Distro distro) {
        r.file("/etc/hosts.allow", "sshd: 10.0.0.0/8");
        r.mode("/etc/hosts.allow", 0644);
        r.file("/etc/hosts.deny", "ALL: ALL");
        r.mode("/etc/hosts.deny", 0644);
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

    /** A copy of a file, as shadow-utils leaves one behind when it changes the original. */
    LinuxRoot copy(String from, String to) {
        try {
            Files.copy(host(from), host(to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory with the given mode. */
    LinuxRoot dir(String path, int mode) {
        try {
            Files.createDirectories(host(path));
            return mode(path, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symbolic link whose target is written as given. */
    LinuxRoot symlink(String path, String target) {
        try {
            Files.createDirectories(host(path).getParent());
            Files.deleteIfExists(host(path));
            Files.createSymbolicLink(host(path), Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes the owner; the tests run as root, as the file permission rules need root-owned files. */
    LinuxRoot owner(String path, int uid, int gid) {
        try {
            Files.setAttribute(host(path), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(host(path), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
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

package io.osbaseline.local;

import java.util.List;

/**
 * Roots that look like real installations: a Debian 12 server and a RHEL 9 server, with their stock configuration
 * files (shortened) plus a few hardening changes, so that collectors meet what they meet in the field.
 */
public final class Fixtures {
    /** The password hashes written into the fixtures' shadow files; none may appear in a snapshot. */
    public static final List<String> HASHES = List.of(
            "$y$j9T$hV9zQbU6nO2kY4m1R7s0C/$Dq3ObS1aD8hKkG6m5Ww0QmXo2Jv7yTeP0rLzN4uC9fA",
            "$y$j9T$a8Lw2mQp0c5Vb7Xz9Tr1E.$Kf6Hn3Gq8Rj2Vm5Sd1Pz7Xc4Bw0Ny6Lt9Ue3Io5Ya2",
            "$6$rounds=100000$Zx8Qv2Lm$8d0Hn3JqYt5Vb2Kp7Ws1Xc9Rm4Lf6Ge0Ua3Tz5Oi8Py2Nk7Ej1Dh4Cq6Bs9Aw3",
            "$6$Mq3Zr8Tx$Qe4Ty7Ui1Op5As8Df2Gh6Jk9Lz3Xc7Vb1Nm4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz2Xc6Vb0Nm4Qw8Er2");

    private Fixtures() {
    }

    /** A Debian 12 (bookworm) server with merged /usr, OpenSSH, cron, rsyslog and some CIS hardening. */
    public static TestRoot debian12(TestRoot r) {
        r.symlink("/lib", "usr/lib").symlink("/bin", "usr/bin").symlink("/sbin", "usr/sbin");
        r.file("/usr/lib/os-release",
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"",
                "NAME=\"Debian GNU/Linux\"",
                "VERSION_ID=\"12\"",
                "VERSION=\"12 (bookworm)\"",
                "VERSION_CODENAME=bookworm",
                "ID=debian",
                "HOME_URL=\"https://www.debian.org/\"",
                "SUPPORT_URL=\"https://www.debian.org/support\"",
                "BUG_REPORT_URL=\"https://bugs.debian.org/\"");
        r.symlink("/etc/os-release", "../usr/lib/os-release");
        r.file("/etc/hostname", "deb12-web01");

        r.file("/etc/passwd",
                "root:x:0:0:root:/root:/bin/bash",
                "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
                "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
                "sys:x:3:3:sys:/dev:/usr/sbin/nologin",
                "sync:x:4:65534:sync:/bin:/bin/sync",
                "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin",
                "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
                "_apt:x:42:65534::/nonexistent:/usr/sbin/nologin",
                "systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin",
                "messagebus:x:100:107::/nonexistent:/usr/sbin/nologin",
                "sshd:x:101:65534::/run/sshd:/usr/sbin/nologin",
                "admin:x:1000:1000:Debian:/home/admin:/bin/bash",
                "deploy:x:1001:1001:deploy bot:/home/deploy:/bin/bash");
        r.file("/etc/shadow",
                "root:" + HASHES.get(0) + ":19700:0:99999:7:::",
                "daemon:*:19700:0:99999:7:::",
                "bin:*:19700:0:99999:7:::",
                "sys:*:19700:0:99999:7:::",
                "sync:*:19700:0:99999:7:::",
                "www-data:*:19700:0:99999:7:::",
                "nobody:*:19700:0:99999:7:::",
                "_apt:*:19700:0:99999:7:::",
                "systemd-network:!*:19700::::::",
                "messagebus:!:19700::::::",
                "sshd:!:19700::::::",
                "admin:" + HASHES.get(1) + ":19701:1:365:7:30::",
                "deploy:!" + HASHES.get(1) + ":19702:0:99999:7:::");
        r.file("/etc/group",
                "root:x:0:",
                "daemon:x:1:",
                "bin:x:2:",
                "sys:x:3:",
                "adm:x:4:admin",
                "shadow:x:42:",
                "sudo:x:27:admin,deploy",
                "www-data:x:33:",
                "crontab:x:101:",
                "messagebus:x:107:",
                "systemd-network:x:998:",
                "nogroup:x:65534:",
                "admin:x:1000:",
                "deploy:x:1001:");
        r.file("/etc/gshadow", "root:*::", "shadow:*::", "sudo:*::admin,deploy", "admin:!::", "deploy:!::");
        r.mode("/etc/passwd", 0644).mode("/etc/group", 0644);
        r.mode("/etc/shadow", 0640).owner("/etc/shadow", 0, 42);
        r.mode("/etc/gshadow", 0640).owner("/etc/gshadow", 0, 42);

        r.file("/etc/login.defs",
                "#",
                "# /etc/login.defs - Configuration control definitions for the login package.",
                "#",
                "MAIL_DIR        /var/mail",
                "FAILLOG_ENAB\t\tyes",
                "LOG_UNKFAIL_ENAB\tno",
                "SYSLOG_SU_ENAB\t\tyes",
                "FTMP_FILE\t/var/log/btmp",
                "ENV_SUPATH\tPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "ENV_PATH\tPATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
                "TTYGROUP\ttty",
                "TTYPERM\t\t0600",
                "ERASECHAR\t0177",
                "UMASK\t\t022",
                "#",
                "# Password aging controls:",
                "PASS_MAX_DAYS\t99999",
                "PASS_MIN_DAYS\t0",
                "PASS_WARN_AGE\t7",
                "UID_MIN\t\t\t 1000",
                "UID_MAX\t\t\t60000",
                "GID_MIN\t\t\t 1000",
                "ENCRYPT_METHOD SHA512",
                "# CIS 5.4.1.1, added by the hardening role",
                "PASS_MAX_DAYS 365");

        r.file("/etc/pam.d/common-auth",
                "#",
                "# /etc/pam.d/common-auth - authentication settings common to all services",
                "#",
                "# here are the per-package modules (the \"Primary\" block)",
                "auth\t[success=1 default=ignore]\tpam_unix.so nullok",
                "# here's the fallback if no module succeeds",
                "auth\trequisite\t\t\tpam_deny.so",
                "auth\trequired\t\t\tpam_permit.so",
                "# and here are more per-package modules (the \"Additional\" block)",
                "auth\toptional\t\t\tpam_cap.so ",
                "# end of pam-auth-update config");
        r.file("/etc/pam.d/common-password",
                "password\trequisite\t\t\tpam_pwquality.so retry=3",
                "password\t[success=1 default=ignore]\tpam_unix.so obscure use_authtok try_first_pass yescrypt",
                "password\trequisite\t\t\tpam_deny.so",
                "password\trequired\t\t\tpam_permit.so");
        r.file("/etc/pam.d/su",
                "#",
                "# The PAM configuration file for the Shadow `su' service",
                "#",
                "auth       sufficient pam_rootok.so",
                "# Uncomment this to force users to be a member of group wheel",
                "# auth       required   pam_wheel.so",
                "auth       required   /lib/x86_64-linux-gnu/security/pam_wheel.so use_uid group=sudo",
                "session       required   pam_env.so readenv=1",
                "@include common-auth",
                "@include common-account",
                "@include common-session");
        r.file("/etc/pam.d/sshd",
                "# PAM configuration for the Secure Shell service",
                "@include common-auth",
                "account    required     pam_nologin.so",
                "session [success=ok ignore=ignore module_unknown=ignore default=bad]        pam_selinux.so close",
                "session    required     pam_loginuid.so",
                "session    optional     pam_motd.so  motd=/run/motd.dynamic \\",
                "                        noupdate",
                "-session   optional     pam_systemd.so");
        r.dir("/etc/pam.d/rules.d");

        r.file("/etc/ssh/sshd_config",
                "",
                "# This is the sshd server system-wide configuration file.  See",
                "# sshd_config(5) for more information.",
                "",
                "Include /etc/ssh/sshd_config.d/*.conf",
                "",
                "#Port 22",
                "#AddressFamily any",
                "#LoginGraceTime 2m",
                "#PermitRootLogin prohibit-password",
                "#MaxAuthTries 6",
                "KbdInteractiveAuthentication no",
                "UsePAM yes",
                "X11Forwarding yes",
                "PrintMotd no",
                "AcceptEnv LANG LC_*",
                "Subsystem\tsftp\t/usr/lib/openssh/sftp-server");
        r.file("/etc/ssh/sshd_config.d/10-hardening.conf",
                "# managed by the hardening role",
                "PermitRootLogin no",
                "MaxAuthTries 4",
                "X11Forwarding no",
                "Banner /etc/issue.net",
                "ClientAliveInterval 300");
        r.mode("/etc/ssh/sshd_config", 0644);

        r.file("/usr/lib/sysctl.d/50-pid-max.conf",
                "# This file is part of systemd.",
                "kernel.pid_max = 4194304");
        r.file("/usr/lib/sysctl.d/99-protect-links.conf",
                "fs.protected_fifos = 1",
                "fs.protected_hardlinks = 1",
                "fs.protected_regular = 2",
                "fs.protected_symlinks = 1");
        r.symlink("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        r.file("/etc/sysctl.d/60-cis.conf",
                "net.ipv4.conf.all.send_redirects = 0",
                "net.ipv4.conf.default.send_redirects = 0",
                "net/ipv4/conf/all/accept_redirects = 0",
                "kernel.randomize_va_space = 2",
                "-net.ipv6.conf.all.accept_ra = 0");
        r.file("/etc/sysctl.conf",
                "#",
                "# /etc/sysctl.conf - Configuration file for setting system variables",
                "#kernel.domainname = example.com",
                "# Uncomment the next line to enable packet forwarding for IPv4",
                "net.ipv4.ip_forward=1",
                "kernel.randomize_va_space = 1");

        r.file("/var/lib/dpkg/status",
                "Package: openssh-server",
                "Status: install ok installed",
                "Priority: optional",
                "Section: net",
                "Installed-Size: 1928",
                "Maintainer: Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>",
                "Architecture: amd64",
                "Source: openssh",
                "Version: 1:9.2p1-2+deb12u3",
                "Depends: libc6 (>= 2.36), openssh-client (= 1:9.2p1-2+deb12u3)",
                "Description: secure shell (SSH) server, for secure access from remote machines",
                " This is the portable version of OpenSSH, a free implementation of",
                " the Secure Shell protocol as specified by the IETF secsh working group.",
                "",
                "Package: libc6",
                "Status: hold ok installed",
                "Architecture: amd64",
                "Multi-Arch: same",
                "Version: 2.36-9+deb12u7",
                "Description: GNU C Library: Shared libraries",
                "",
                "Package: telnet",
                "Status: deinstall ok config-files",
                "Architecture: all",
                "Version: 0.17+2.4-2+deb12u1",
                "Description: transitional dummy package for inetutils-telnet",
                "",
                "Package: rsyslog",
                "Status: install ok installed",
                "Version: 8.2302.0-1",
                "Conffiles:",
                " /etc/rsyslog.conf 2a5c1f2d9c6e5b3a8f0e7d6c5b4a3928 ",
                "Description: reliable system and kernel logging daemon");

        String units = "/usr/lib/systemd/system/";
        r.file(units + "ssh.service",
                "[Unit]",
                "Description=OpenBSD Secure Shell server",
                "After=network.target auditd.service",
                "",
                "[Service]",
                "ExecStart=/usr/sbin/sshd -D $SSHD_OPTS",
                "",
                "[Install]",
                "WantedBy=multi-user.target",
                "Alias=sshd.service");
        r.file(units + "ssh.socket",
                "[Unit]", "Description=OpenBSD Secure Shell server socket", "", "[Socket]", "ListenStream=22",
                "Accept=yes", "", "[Install]", "WantedBy=sockets.target");
        r.file(units + "cron.service", "[Unit]", "Description=Regular background program processing daemon",
                "[Service]", "ExecStart=/usr/sbin/cron -f $EXTRA_OPTS", "[Install]", "WantedBy=multi-user.target");
        r.file(units + "rsyslog.service", "[Unit]", "Description=System Logging Service", "[Service]",
                "ExecStart=/usr/sbin/rsyslogd -n -iNONE", "[Install]", "WantedBy=multi-user.target",
                "Alias=syslog.service");
        r.file(units + "rpcbind.service", "[Unit]", "Description=RPC bind portmap service", "[Service]",
                "ExecStart=/sbin/rpcbind -f -w", "[Install]", "WantedBy=multi-user.target");
        r.file(units + "nftables.service", "[Unit]", "Description=nftables", "[Service]", "Type=oneshot",
                "ExecStart=/usr/sbin/nft -f /etc/nftables.conf", "[Install]", "WantedBy=sysinit.target");
        r.file(units + "systemd-journald.service", "[Unit]", "Description=Journal Service", "[Service]",
                "ExecStart=/lib/systemd/systemd-journald");
        r.file(units + "getty@.service", "[Unit]", "Description=Getty on %I", "[Service]",
                "ExecStart=-/sbin/agetty -o '-p -- \\\\u' --noclear - $TERM", "[Install]", "WantedBy=getty.target",
                "DefaultInstance=tty1");
        r.file(units + "apt-daily.timer", "[Unit]", "Description=Daily apt download activities", "[Timer]",
                "OnCalendar=*-*-* 6,18:00", "RandomizedDelaySec=12h", "Persistent=true", "[Install]",
                "WantedBy=timers.target");
        r.file(units + "systemd-timesyncd.service", "[Unit]", "Description=Network Time Synchronization",
                "[Service]", "ExecStart=!!/lib/systemd/systemd-timesyncd", "[Install]",
                "WantedBy=sysinit.target", "Alias=dbus-org.freedesktop.timesync1.service");
        r.file(units + "multi-user.target", "[Unit]", "Description=Multi-User System");
        String etc = "/etc/systemd/system/";
        r.symlink(etc + "sshd.service", "/lib/systemd/system/ssh.service");
        r.symlink(etc + "syslog.service", "/lib/systemd/system/rsyslog.service");
        r.symlink(etc + "dbus-org.freedesktop.timesync1.service", "/lib/systemd/system/systemd-timesyncd.service");
        r.symlink(etc + "multi-user.target.wants/ssh.service", "/lib/systemd/system/ssh.service");
        r.symlink(etc + "multi-user.target.wants/cron.service", "/lib/systemd/system/cron.service");
        r.symlink(etc + "multi-user.target.wants/rsyslog.service", "/lib/systemd/system/rsyslog.service");
        r.symlink(etc + "sysinit.target.wants/systemd-timesyncd.service",
                "/lib/systemd/system/systemd-timesyncd.service");
        r.symlink(etc + "getty.target.wants/getty@tty1.service", "/lib/systemd/system/getty@.service");
        r.symlink(etc + "timers.target.wants/apt-daily.timer", "/lib/systemd/system/apt-daily.timer");
        r.symlink(etc + "rpcbind.service", "/dev/null");

        r.file("/etc/fstab",
                "# /etc/fstab: static file system information.",
                "#",
                "# <file system> <mount point>   <type>  <options>       <dump>  <pass>",
                "UUID=2f4c1a9e-5d3b-4c7e-9a1f-0b6d8e2c4a71 /               ext4    errors=remount-ro 0       1",
                "UUID=7C1A-3E52  /boot/efi       vfat    umask=0077      0       1",
                "UUID=9b3e2d1c-8f7a-4e6b-b5c4-d3e2f1a0b9c8 none            swap    sw              0       0",
                "tmpfs\t/tmp\ttmpfs\tdefaults,rw,nosuid,nodev,noexec,relatime,size=2G\t0\t0",
                "//fileserver/share\\040docs /mnt/shared\\040docs cifs credentials=/root/.smb,_netdev 0 0",
                "/dev/sr0        /media/cdrom0   udf,iso9660 user,noauto     0       0");

        r.file("/etc/modprobe.d/cis.conf",
                "# CIS 1.1.1.x: disable unused file systems",
                "install cramfs /bin/false",
                "blacklist cramfs",
                "install freevxfs /bin/false",
                "install usb_storage /bin/true",
                "blacklist usb-storage");
        r.file("/usr/lib/modprobe.d/systemd.conf",
                "# Don't create default bond0 and dummy0 interfaces",
                "options bonding max_bonds=0",
                "options dummy numdummies=0");
        r.file("/usr/lib/modprobe.d/fbdev-blacklist.conf",
                "blacklist arkfb",
                "blacklist aty128fb");

        r.file("/etc/issue", "Debian GNU/Linux 12 \\n \\l", "");
        r.file("/etc/issue.net", "Authorized uses only. All activity may be monitored and reported.");
        r.file("/etc/motd",
                "",
                "The programs included with the Debian GNU/Linux system are free software;",
                "the exact distribution terms for each program are described in the",
                "individual files in /usr/share/doc/*/copyright.");
        r.file("/etc/crontab", "SHELL=/bin/sh", "17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly");
        r.mode("/etc/crontab", 0600);
        r.dir("/etc/cron.d").dir("/etc/cron.daily").dir("/etc/cron.hourly").dir("/etc/cron.weekly")
                .dir("/etc/cron.monthly");
        r.mode("/etc/cron.d", 0700);
        r.file("/etc/rsyslog.conf", "module(load=\"imuxsock\")", "*.*;auth,authpriv.none\t\t-/var/log/syslog");
        r.dir("/var/log/journal");
        r.mode("/var/log/journal", 02755);
        return r;
    }

    /** A RHEL 9.4 server: rpm database, authselect PAM, crypto policies, firewalld. */
    public static TestRoot rhel9(TestRoot r) {
        r.file("/usr/lib/os-release",
                "NAME=\"Red Hat Enterprise Linux\"",
                "VERSION=\"9.4 (Plow)\"",
                "ID=\"rhel\"",
                "ID_LIKE=\"fedora\"",
                "VERSION_ID=\"9.4\"",
                "PLATFORM_ID=\"platform:el9\"",
                "PRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"",
                "ANSI_COLOR=\"0;31\"",
                "CPE_NAME=\"cpe:/o:redhat:enterprise_linux:9::baseos\"");
        r.symlink("/etc/os-release", "../usr/lib/os-release");
        r.file("/etc/hostname", "rhel9-db01.example.com");

        r.file("/etc/passwd",
                "root:x:0:0:root:/root:/bin/bash",
                "bin:x:1:1:bin:/bin:/sbin/nologin",
                "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
                "sshd:x:74:74:Privilege-separated SSH:/usr/share/empty.sshd:/sbin/nologin",
                "chrony:x:992:987:chrony system user:/var/lib/chrony:/sbin/nologin",
                "ec2-user:x:1000:1000:Cloud User:/home/ec2-user:/bin/bash",
                "oracle:x:1001:1001::/home/oracle:/bin/bash",
                "svc-backup:x:1002:1002::/home/svc-backup:/bin/bash");
        r.file("/etc/shadow",
                "root:" + HASHES.get(2) + "::0:99999:7:::",
                "bin:*:19469:0:99999:7:::",
                "daemon:*:19469:0:99999:7:::",
                "sshd:!!:19800::::::",
                "chrony:!!:19800::::::",
                "ec2-user:!!:19800:0:99999:7:::",
                "oracle:" + HASHES.get(3) + ":19810:7:90:14:30::",
                "svc-backup::19811:0:99999:7:::");
        r.mode("/etc/shadow", 0).owner("/etc/shadow", 0, 0);
        r.file("/etc/group",
                "root:x:0:",
                "bin:x:1:",
                "daemon:x:2:",
                "wheel:x:10:ec2-user",
                "sshd:x:74:",
                "chrony:x:987:",
                "ec2-user:x:1000:",
                "oracle:x:1001:",
                "dba:x:1500:oracle,svc-backup",
                "svc-backup:x:1002:");
        r.file("/etc/login.defs",
                "MAIL_DIR\t/var/spool/mail",
                "UMASK\t\t022",
                "HOME_MODE\t0700",
                "PASS_MAX_DAYS\t99999",
                "PASS_MIN_DAYS\t0",
                "PASS_WARN_AGE\t7",
                "UID_MIN                  1000",
                "ENCRYPT_METHOD SHA512",
                "USERGROUPS_ENAB yes",
                "CREATE_HOME\tyes");

        r.file("/etc/pam.d/system-auth",
                "# Generated by authselect on Tue Mar 12 10:21:44 2024",
                "# Do not modify this file manually.",
                "",
                "auth        required                                     pam_env.so",
                "auth        required                                     pam_faildelay.so delay=2000000",
                "auth        [default=1 ignore=ignore success=ok]         pam_usertype.so isregular",
                "auth        [default=1 ignore=ignore success=ok]         pam_localuser.so",
                "auth        sufficient                                   pam_unix.so nullok",
                "auth        [default=1 ignore=ignore success=ok]         pam_usertype.so isregular",
                "-auth       sufficient                                   pam_sss.so forward_pass",
                "auth        required                                     pam_deny.so",
                "",
                "account     required                                     pam_unix.so",
                "",
                "password    requisite                                    pam_pwquality.so local_users_only",
                "password    sufficient                                   pam_unix.so sha512 shadow nullok "
                        + "use_authtok",
                "password    required                                     pam_deny.so",
                "",
                "session     optional                                     pam_keyinit.so revoke",
                "session     required                                     pam_limits.so",
                "-session    optional                                     pam_systemd.so",
                "session     required                                     pam_unix.so");
        r.file("/etc/pam.d/su",
                "#%PAM-1.0",
                "auth\t\tsufficient\tpam_rootok.so",
                "#auth\t\trequired\tpam_wheel.so use_uid",
                "auth\t\tsubstack\tsystem-auth",
                "auth\t\tinclude\t\tpostlogin",
                "account\t\tsufficient\tpam_succeed_if.so uid = 0 use_uid quiet",
                "account\t\tinclude\t\tsystem-auth",
                "password\tinclude\t\tsystem-auth",
                "session\t\tinclude\t\tsystem-auth",
                "session\t\tinclude\t\tpostlogin",
                "session\t\toptional\tpam_xauth.so");

        r.file("/etc/ssh/sshd_config",
                "#\t$OpenBSD: sshd_config,v 1.104 2021/07/02 05:11:21 dtucker Exp $",
                "",
                "# To modify the system-wide sshd configuration, create a  *.conf  file under",
                "#  /etc/ssh/sshd_config.d/  which will be automatically included below",
                "Include /etc/ssh/sshd_config.d/*.conf",
                "",
                "# If you want to change the port on a SELinux system, you have to tell",
                "# SELinux about this change.",
                "#Port 22",
                "#PermitRootLogin prohibit-password",
                "PermitRootLogin yes",
                "AuthorizedKeysFile\t.ssh/authorized_keys",
                "PasswordAuthentication yes",
                "Subsystem\tsftp\t/usr/libexec/openssh/sftp-server");
        r.file("/etc/ssh/sshd_config.d/50-redhat.conf",
                "# This system is following system-wide crypto policy. The changes to",
                "# crypto properties (Ciphers, MACs, ...) will not have any effect in",
                "# this or following included files. To override some configuration option,",
                "# write it before this block or in an earlier included file.",
                "Include /etc/crypto-policies/back-ends/opensshserver.config",
                "",
                "SyslogFacility AUTHPRIV",
                "",
                "ChallengeResponseAuthentication no",
                "",
                "GSSAPIAuthentication yes",
                "GSSAPICleanupCredentials no",
                "",
                "UsePAM yes",
                "",
                "X11Forwarding yes",
                "",
                "PrintMotd no");
        r.file("/etc/ssh/sshd_config.d/01-permitrootlogin.conf",
                "# This file has been generated by the Anaconda Installer.",
                "# Allow root to log in using ssh. Remove this file to opt-out.",
                "PermitRootLogin without-password");
        r.file("/usr/share/crypto-policies/DEFAULT/opensshserver.txt",
                "Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes128-gcm@openssh.com,"
                        + "aes128-ctr",
                "MACs hmac-sha2-256-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-128-etm@openssh.com,"
                        + "hmac-sha2-512-etm@openssh.com",
                "GSSAPIKexAlgorithms gss-curve25519-sha256-,gss-nistp256-sha256-,gss-group14-sha256-",
                "KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256",
                "HostKeyAlgorithms ecdsa-sha2-nistp256,ecdsa-sha2-nistp256-cert-v01@openssh.com",
                "PubkeyAcceptedAlgorithms ecdsa-sha2-nistp256,ecdsa-sha2-nistp256-cert-v01@openssh.com");
        r.symlink("/etc/crypto-policies/back-ends/opensshserver.config",
                "/usr/share/crypto-policies/DEFAULT/opensshserver.txt");

        r.file("/usr/lib/sysctl.d/10-default-yama-scope.conf",
                "# When yama is enabled in the kernel it might be used to filter any user",
                "kernel.yama.ptrace_scope = 0");
        r.file("/usr/lib/sysctl.d/50-default.conf",
                "# This file is part of systemd.",
                "# System Request functionality of the kernel (SYNC)",
                "kernel.sysrq = 16",
                "# Append the PID to the core filename",
                "kernel.core_uses_pid = 1",
                "# Source route verification",
                "net.ipv4.conf.default.rp_filter = 2",
                "net.ipv4.conf.*.rp_filter = 2",
                "-net.ipv4.conf.all.rp_filter",
                "# Do not accept source routing",
                "net.ipv4.conf.default.accept_source_route = 0",
                "net.ipv4.conf.*.accept_source_route = 0",
                "-net.ipv4.conf.all.accept_source_route",
                "# Promote secondary addresses when the primary address is removed",
                "net.ipv4.conf.default.promote_secondaries = 1",
                "net.ipv4.conf.*.promote_secondaries = 1",
                "-net.ipv4.conf.all.promote_secondaries",
                "# Fair Queue CoDel packet scheduler to fight bufferbloat",
                "-net.core.default_qdisc = fq_codel",
                "# Enable hard and soft link protection",
                "fs.protected_hardlinks = 1",
                "fs.protected_symlinks = 1");
        r.file("/etc/sysctl.conf",
                "# sysctl settings are defined through files in",
                "# /usr/lib/sysctl.d/, /run/sysctl.d/, and /etc/sysctl.d/.",
                "#",
                "# Vendors settings live in /usr/lib/sysctl.d/.",
                "# To override a whole file, create a new file with the same in",
                "# /etc/sysctl.d/ and put new settings there.");
        r.symlink("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        r.file("/etc/sysctl.d/60-cis.conf",
                "# CIS 3.3.x",
                "kernel.sysrq = 0",
                "net.ipv4.conf.all.rp_filter = 1",
                "net.ipv4.conf.*.log_martians = 1");

        r.dir("/var/lib/rpm");
        r.text("/var/lib/rpm/rpmdb.sqlite", "SQLite format 3\0");

        String units = "/usr/lib/systemd/system/";
        r.file(units + "sshd.service", "[Unit]", "Description=OpenSSH server daemon", "[Service]",
                "ExecStart=/usr/sbin/sshd -D $OPTIONS", "[Install]", "WantedBy=multi-user.target");
        r.file(units + "chronyd.service", "[Unit]", "Description=NTP client/server", "[Service]",
                "ExecStart=/usr/sbin/chronyd $OPTIONS", "[Install]", "WantedBy=multi-user.target");
        r.file(units + "firewalld.service", "[Unit]", "Description=firewalld - dynamic firewall daemon",
                "[Service]", "ExecStart=/usr/sbin/firewalld --nofork --nopid $FIREWALLD_ARGS", "[Install]",
                "WantedBy=multi-user.target", "Alias=dbus-org.fedoraproject.FirewallD1.service");
        r.file(units + "kdump.service", "[Unit]", "Description=Crash recovery kernel arming", "[Service]",
                "ExecStart=/usr/bin/kdumpctl start", "[Install]", "WantedBy=multi-user.target");
        r.file(units + "auditd.service", "[Unit]", "Description=Security Auditing Service", "[Service]",
                "ExecStart=/sbin/auditd", "[Install]", "WantedBy=multi-user.target");
        r.file(units + "debug-shell.service", "[Unit]", "Description=Early root shell on /dev/tty9", "[Service]",
                "ExecStart=/bin/sh", "[Install]", "WantedBy=sysinit.target");
        r.file(units + "dbus-broker.service", "[Unit]", "Description=D-Bus System Message Bus", "[Service]",
                "ExecStart=/usr/bin/dbus-broker-launch --scope system --audit", "[Install]",
                "Alias=dbus.service");
        r.file(units + "nfs-server.service", "[Unit]", "Description=NFS server and services", "[Service]",
                "ExecStart=/usr/sbin/rpc.nfsd", "[Install]", "WantedBy=multi-user.target",
                "Also=nfs-idmapd.service");
        r.file(units + "nfs-idmapd.service", "[Unit]", "Description=NFSv4 ID-name mapping service",
                "[Service]", "ExecStart=/usr/sbin/rpc.idmapd", "[Install]", "Also=nfs-server.service");
        String etc = "/etc/systemd/system/";
        r.symlink(etc + "multi-user.target.wants/sshd.service", "/usr/lib/systemd/system/sshd.service");
        r.symlink(etc + "multi-user.target.wants/chronyd.service", "/usr/lib/systemd/system/chronyd.service");
        r.symlink(etc + "multi-user.target.wants/firewalld.service", "/usr/lib/systemd/system/firewalld.service");
        r.symlink(etc + "multi-user.target.wants/auditd.service", "/usr/lib/systemd/system/auditd.service");
        r.symlink(etc + "dbus-org.fedoraproject.FirewallD1.service", "/usr/lib/systemd/system/firewalld.service");
        r.symlink(etc + "dbus.service", "/usr/lib/systemd/system/dbus-broker.service");

        r.file("/etc/fstab",
                "",
                "#",
                "# /etc/fstab",
                "# Created by anaconda on Tue Mar 12 10:02:13 2024",
                "#",
                "/dev/mapper/rhel-root   /                       xfs     defaults        0 0",
                "UUID=4e1c7a2b-9d3f-4b8e-a6c5-2f1d0e9b8a73 /boot                   xfs     defaults        0 0",
                "/dev/mapper/rhel-home   /home                   xfs     defaults,nodev  0 0",
                "/dev/mapper/rhel-swap   none                    swap    defaults        0 0");
        r.file("/etc/modprobe.d/firewalld-sysctls.conf", "install nf_conntrack /sbin/modprobe --ignore-install "
                + "nf_conntrack $CMDLINE_OPTS && /sbin/sysctl --quiet --pattern 'net[.]netfilter[.]nf_conntrack.*' "
                + "--system");
        r.file("/etc/modprobe.d/cramfs.conf", "install cramfs /bin/false", "blacklist cramfs");
        r.file("/etc/issue", "\\S", "Kernel \\r on an \\m", "");
        r.file("/etc/issue.net", "\\S", "Kernel \\r on an \\m");
        r.text("/etc/motd", "");
        return r;
    }
}

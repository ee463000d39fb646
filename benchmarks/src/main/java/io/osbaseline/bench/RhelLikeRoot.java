package io.osbaseline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes an offline root laid out like a RHEL 9 server: the configuration files the collectors read, with the
 * contents and permissions a fresh install has. This build host runs Debian and has no {@code rpm}, so no rpm-based
 * root can be installed here, and the package database cannot be read: the package rules of this root end UNKNOWN,
 * exactly as they do for a real RHEL image scanned from a host without rpm.
 */
public final class RhelLikeRoot {
    private RhelLikeRoot() {
    }

    private static final List<String> SYSTEM_ACCOUNTS = List.of(
            "root:x:0:0:root:/root:/bin/bash",
            "bin:x:1:1:bin:/bin:/sbin/nologin",
            "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
            "adm:x:3:4:adm:/var/adm:/sbin/nologin",
            "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
            "sync:x:5:0:sync:/sbin:/bin/sync",
            "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
            "halt:x:7:0:halt:/sbin:/sbin/halt",
            "mail:x:8:12:mail:/var/spool/mail:/sbin/nologin",
            "operator:x:11:0:operator:/root:/sbin/nologin",
            "games:x:12:100:games:/usr/games:/sbin/nologin",
            "ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin",
            "nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin",
            "systemd-coredump:x:999:997:systemd Core Dumper:/:/sbin/nologin",
            "dbus:x:81:81:System message bus:/:/sbin/nologin",
            "polkitd:x:998:996:User for polkitd:/:/sbin/nologin",
            "tss:x:59:59:Account used for TPM access:/dev/null:/sbin/nologin",
            "sssd:x:997:995:User for sssd:/:/sbin/nologin",
            "chrony:x:996:994:chrony system user:/var/lib/chrony:/sbin/nologin",
            "sshd:x:74:74:Privilege-separated SSH:/usr/share/empty.sshd:/sbin/nologin",
            "azureuser:x:1000:1000:Cloud User:/home/azureuser:/bin/bash");

    /** Writes the root under {@code dir} (which must exist) and returns it. */
    public static Path write(Path dir) throws IOException {
        file(dir, "etc/os-release", "0644", """
                NAME="Red Hat Enterprise Linux"
                VERSION="9.4 (Plow)"
                ID="rhel"
                ID_LIKE="fedora"
                VERSION_ID="9.4"
                PLATFORM_ID="platform:el9"
                PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
                """);
        file(dir, "etc/hostname", "0644", "rhel9-web-01\n");
        StringBuilder passwd = new StringBuilder();
        StringBuilder shadow = new StringBuilder();
        for (String line : SYSTEM_ACCOUNTS) {
            passwd.append(line).append('\n');
            String name = line.substring(0, line.indexOf(':'));
            // Shadow states as a fresh install has them: locked system accounts, a hash for the cloud user.
            String state = name.equals("azureuser") ? "$6$" + "k3N9xW2qP7" + "$" + "A".repeat(86) : "!!";
            shadow.append(name).append(':').append(state).append(":19700:0:99999:7:::\n");
        }
        file(dir, "etc/passwd", "0644", passwd.toString());
        file(dir, "etc/passwd-", "0644", passwd.toString());
        file(dir, "etc/shadow", "0000", shadow.toString());
        file(dir, "etc/shadow-", "0000", shadow.toString());
        String groups = """
                root:x:0:
                bin:x:1:
                daemon:x:2:
                sys:x:3:
                adm:x:4:
                tty:x:5:
                disk:x:6:
                lp:x:7:
                mem:x:8:
                kmem:x:9:
                wheel:x:10:azureuser
                cdrom:x:11:
                mail:x:12:
                man:x:15:
                dialout:x:18:
                floppy:x:19:
                games:x:20:
                tape:x:33:
                video:x:39:
                ftp:x:50:
                lock:x:54:
                audio:x:63:
                users:x:100:
                nobody:x:65534:
                utmp:x:22:
                utempter:x:35:
                input:x:999:
                systemd-journal:x:190:
                ssh_keys:x:101:
                sshd:x:74:
                chrony:x:994:
                azureuser:x:1000:
                """;
        file(dir, "etc/group", "0644", groups);
        file(dir, "etc/group-", "0644", groups);
        file(dir, "etc/gshadow", "0000", groups.lines().map(l -> l.substring(0, l.indexOf(':')) + ":!::")
                .reduce("", (a, b) -> a + b + "\n"));
        file(dir, "etc/login.defs", "0644", """
                MAIL_DIR\t/var/spool/mail
                UMASK\t\t022
                HOME_MODE\t0700
                PASS_MAX_DAYS\t99999
                PASS_MIN_DAYS\t0
                PASS_WARN_AGE\t7
                UID_MIN                  1000
                UID_MAX                 60000
                SYS_UID_MIN               201
                SYS_UID_MAX               999
                GID_MIN                  1000
                GID_MAX                 60000
                CREATE_HOME\tyes
                USERGROUPS_ENAB yes
                ENCRYPT_METHOD SHA512
                """);
        file(dir, "etc/ssh/sshd_config", "0600", """
                # The RHEL 9 default: distribution settings live in sshd_config.d.
                Include /etc/ssh/sshd_config.d/*.conf
                HostKey /etc/ssh/ssh_host_rsa_key
                HostKey /etc/ssh/ssh_host_ecdsa_key
                HostKey /etc/ssh/ssh_host_ed25519_key
                SyslogFacility AUTHPRIV
                PermitRootLogin no
                AuthorizedKeysFile\t.ssh/authorized_keys
                PasswordAuthentication no
                ClientAliveInterval 180
                Subsystem\tsftp\t/usr/libexec/openssh/sftp-server
                """);
        file(dir, "etc/ssh/sshd_config.d/50-redhat.conf", "0600", """
                KbdInteractiveAuthentication no
                GSSAPIAuthentication yes
                GSSAPICleanupCredentials no
                UsePAM yes
                X11Forwarding yes
                PrintMotd no
                """);
        file(dir, "usr/lib/sysctl.d/50-default.conf", "0644", """
                kernel.sysrq = 16
                kernel.core_uses_pid = 1
                net.ipv4.conf.default.rp_filter = 2
                net.ipv4.conf.*.rp_filter = 2
                -net.ipv4.conf.all.rp_filter
                net.ipv4.conf.default.accept_source_route = 0
                net.ipv4.conf.*.accept_source_route = 0
                -net.ipv4.conf.all.accept_source_route
                net.ipv4.conf.default.promote_secondaries = 1
                net.ipv4.ping_group_range = 0 2147483647
                net.core.default_qdisc = fq_codel
                fs.protected_hardlinks = 1
                fs.protected_symlinks = 1
                fs.protected_regular = 1
                fs.protected_fifos = 1
                """);
        file(dir, "etc/sysctl.d/99-cloud-hardening.conf", "0644", """
                kernel.randomize_va_space = 2
                net.ipv4.conf.all.send_redirects = 0
                net.ipv4.conf.default.send_redirects = 0
                net.ipv4.conf.all.accept_source_route = 0
                net.ipv4.icmp_echo_ignore_broadcasts = 1
                net.ipv4.icmp_ignore_bogus_error_responses = 1
                net.ipv4.tcp_syncookies = 1
                """);
        file(dir, "etc/sysctl.conf", "0644", "# System default settings live in /usr/lib/sysctl.d/00-system.conf.\n");
        file(dir, "etc/modprobe.d/firewalld-sysctls.conf", "0644", "install nf_conntrack /sbin/modprobe --ignore-install "
                + "nf_conntrack $CMDLINE_OPTS && /sbin/sysctl --quiet --pattern 'net[.]netfilter[.]nf_conntrack.*' "
                + "--system\n");
        file(dir, "etc/modprobe.d/cis.conf", "0644", """
                install cramfs /bin/false
                blacklist cramfs
                install freevxfs /bin/false
                blacklist freevxfs
                install dccp /bin/false
                blacklist dccp
                """);
        file(dir, "etc/fstab", "0644", """
                UUID=6c0b5d2e-1b9a-4f0e-9a61-3d5f0b7e2c11 /                       xfs     defaults        0 0
                UUID=2a41f6d8-4c55-4b0b-8f73-0f3c9b1e8d22 /boot                   xfs     defaults        0 0
                UUID=7E3A-1F2B          /boot/efi               vfat    defaults,uid=0,gid=0,umask=077,shortname=winnt 0 2
                /dev/mapper/rhel-home   /home                   xfs     defaults,nodev  0 0
                tmpfs                   /tmp                    tmpfs   defaults,nodev,nosuid,noexec 0 0
                """);
        String units = "usr/lib/systemd/system/";
        for (String unit : List.of("sshd.service", "crond.service", "chronyd.service", "auditd.service",
                "rsyslog.service", "firewalld.service", "NetworkManager.service", "tuned.service",
                "cups.service", "cups.socket", "cups.path", "avahi-daemon.service", "avahi-daemon.socket",
                "kdump.service", "atd.service")) {
            file(dir, units + unit, "0644", "[Unit]\nDescription=" + unit + "\n\n[Install]\nWantedBy="
                    + (unit.endsWith(".socket") ? "sockets.target" : "multi-user.target") + "\n");
        }
        for (String unit : List.of("sshd.service", "crond.service", "chronyd.service", "auditd.service",
                "rsyslog.service", "firewalld.service", "NetworkManager.service", "tuned.service", "kdump.service",
                "atd.service")) {
            Path wants = dir.resolve("etc/systemd/system/multi-user.target.wants");
            Files.createDirectories(wants);
            Files.createSymbolicLink(wants.resolve(unit), Path.of("/" + units + unit));
        }
        file(dir, "etc/pam.d/su", "0644", """
                #%PAM-1.0
                auth\t\trequired\tpam_env.so
                auth\t\tsufficient\tpam_rootok.so
                #auth\t\tsufficient\tpam_wheel.so trust use_uid
                auth\t\trequired\tpam_wheel.so use_uid
                auth\t\tsubstack\tsystem-auth
                auth\t\tinclude\t\tpostlogin
                account\t\tsufficient\tpam_succeed_if.so uid = 0 use_uid quiet
                account\t\tinclude\t\tsystem-auth
                password\tinclude\t\tsystem-auth
                session\t\tinclude\t\tsystem-auth
                session\t\tinclude\t\tpostlogin
                session\t\toptional\tpam_xauth.so
                """);
        String systemAuth = """
                auth        required      pam_env.so
                auth        required      pam_faildelay.so delay=2000000
                auth        sufficient    pam_unix.so try_first_pass nullok
                auth        required      pam_deny.so
                account     required      pam_unix.so
                password    requisite     pam_pwquality.so local_users_only
                password    sufficient    pam_unix.so sha512 shadow nullok use_authtok
                password    required      pam_deny.so
                session     optional      pam_keyinit.so revoke
                session     required      pam_limits.so
                session     [success=1 default=ignore] pam_succeed_if.so service in crond quiet use_uid
                session     required      pam_unix.so
                """;
        file(dir, "etc/pam.d/system-auth", "0644", systemAuth);
        file(dir, "etc/pam.d/password-auth", "0644", systemAuth);
        file(dir, "etc/issue", "0644", "\\S\nKernel \\r on an \\m\n\n");
        file(dir, "etc/issue.net", "0644", "\\S\nKernel \\r on an \\m\n");
        file(dir, "etc/motd", "0644", "");
        file(dir, "etc/crontab", "0644", "SHELL=/bin/bash\nPATH=/sbin:/bin:/usr/sbin:/usr/bin\nMAILTO=root\n");
        for (String d : List.of("etc/cron.d", "etc/cron.daily", "etc/cron.hourly", "etc/cron.weekly",
                "etc/cron.monthly")) {
            Files.createDirectories(dir.resolve(d));
            Files.setPosixFilePermissions(dir.resolve(d), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        file(dir, "etc/rsyslog.conf", "0644", "module(load=\"imjournal\")\n*.info;mail.none;authpriv.none;"
                + "cron.none                /var/log/messages\n");
        file(dir, "etc/hosts.allow", "0644", "");
        file(dir, "etc/hosts.deny", "0644", "");
        // Where RHEL keeps its package database. Its content takes rpm to write and to read, and this host has no rpm:
        // the collector finds the database and reports that it cannot read it, as for a real image.
        file(dir, "var/lib/rpm/rpmdb.sqlite", "0644", "");
        return dir;
    }

    private static void file(Path root, String relative, String mode, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(symbolic(Integer.parseInt(mode, 8))));
    }

    private static String symbolic(int mode) {
        String bits = "rwxrwxrwx";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? bits.charAt(i) : '-');
        }
        return s.toString();
    }
}

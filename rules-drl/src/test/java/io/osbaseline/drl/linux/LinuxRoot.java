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
import java.util.Map;

/**
 * A Linux root of real files in a temporary directory, snapshotted by the real {@code local} provider. It starts as a
 * Debian 12 system that complies with every rule of the first slice; tests then break one setting at a time.
 */
final class LinuxRoot {
    private final Path dir;

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
        return r;
    }

    /** The distribution and host name. */
    private static void system(LinuxRoot r, Distro distro) {
        r.file("/etc/os-release", distro.osRelease());
        r.file("/etc/hostname", "web-1");
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
    }

    /** Mounts and kernel modules. */
    private static void filesystems(LinuxRoot r, Distro distro) {
        r.file("/etc/fstab", "UUID=6d1f0c5e-1b7a-4f2e-9a43-1f6a1c0b2d11 / ext4 errors=remount-ro 0 1",
                "UUID=8a2e4c11-77b0-4d1f-8f0e-2b9f9c1d3e42 /home ext4 defaults,nodev 0 2",
                "tmpfs /tmp tmpfs defaults,nodev,nosuid,noexec 0 0",
                "tmpfs /dev/shm tmpfs defaults,nodev,nosuid,noexec 0 0");
        r.file("/etc/modprobe.d/hardening.conf", "install cramfs /bin/true", "install freevxfs /bin/true",
                "install dccp /bin/true", "install sctp /bin/true");
    }

    /** The package database, with no forbidden package. */
    private static void packages(LinuxRoot r, Distro distro) {
    }

    /** systemd units: cron enabled, cups installed but disabled. */
    private static void services(LinuxRoot r, Distro distro) {
        r.unit("cron.service", "[Unit]", "Description=cron", "[Service]", "ExecStart=/usr/sbin/cron -f", "[Install]",
                "WantedBy=multi-user.target");
        r.enable("cron.service");
        r.unit("cups.service", "[Unit]", "Description=CUPS", "[Service]", "ExecStart=/usr/sbin/cupsd -l",
                "[Install]", "WantedBy=multi-user.target");
    }

    /** Login banners. */
    private static void banners(LinuxRoot r, Distro distro) {
        r.file("/etc/issue", "Authorized uses only. All activity may be monitored and reported.");
        r.mode("/etc/issue", 0644);
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
        try {
            Path link = host("/etc/systemd/system/multi-user.target.wants/" + name);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("/lib/systemd/system/" + name));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot the {@code local} provider takes of this root. */
    ConfigurationSnapshot snapshot() {
        try (Provider p = Providers.create("local", Map.of("root", dir.toString()))) {
            Machine m = p.machines().findFirst().orElseThrow();
            return p.collect(m);
        } catch (ProviderException | SnapshotException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path host(String path) {
        return dir.resolve(path.substring(1));
    }
}

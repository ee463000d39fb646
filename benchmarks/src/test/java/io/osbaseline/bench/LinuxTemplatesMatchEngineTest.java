package io.osbaseline.bench;

import static io.osbaseline.model.Status.FAIL;
import static io.osbaseline.model.Status.NOT_APPLICABLE;
import static io.osbaseline.model.Status.PASS;
import static io.osbaseline.model.Status.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.drl.pack.BaselinePack;
import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.drl.pack.RuleSpec;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference evaluator's version of every template kind of the Linux pack gives the same findings as the Drools
 * engine, on small snapshots built to drive each path of the kind: compliant, non-compliant, absent in each way the
 * pack's rules treat it, several facts for one rule, several keys per rule.
 */
class LinuxTemplatesMatchEngineTest {
    /** Every collector a templated rule of the Linux pack reads. */
    private static final List<String> COLLECTORS = List.of("sysctl", "sshd", "login.defs", "pam", "files",
            "file-lines", "mounts", "kernel-modules", "packages", "services");

    private static EnginePair linux;
    /** The templated rules of the Linux pack, by check kind. */
    private static Map<String, List<String>> rulesByKind;

    @BeforeAll
    static void build() throws EngineException {
        linux = EnginePair.of(List.of("azure-linux"));
        BaselinePack pack = PackLoader.load(LinuxTemplatesMatchEngineTest.class.getClassLoader()).stream()
                .filter(p -> p.baseline().id().equals("azure-linux")).findFirst().orElseThrow();
        rulesByKind = pack.rules().stream().filter(r -> r.check() != null)
                .collect(Collectors.groupingBy(r -> r.check().fieldNames().next(), LinkedHashMap::new,
                        Collectors.mapping(RuleSpec::id, Collectors.toList())));
    }

    @Test
    void everyTemplatedRuleIsCovered() throws EngineException {
        assertThat(rulesByKind.keySet()).containsExactlyInAnyOrder("sysctl", "sshd", "setting", "pam-options",
                "file-permission", "files-permission", "file-lines", "mount-option", "mount-option-all",
                "kernel-module-disabled", "package-present", "package-absent", "service-enabled",
                "service-disabled", "service-running", "legacy-service-disabled");
        Set<String> templated = rulesByKind.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Map<String, String> uncovered = ReferenceEngineFactory.uncovered(List.of("azure-linux"));
        assertThat(uncovered.keySet()).doesNotContainAnyElementsOf(templated);
        assertThat(uncovered.values()).noneMatch(reason -> reason.startsWith("check kind"));
        assertThat(linux.reference().rules()).extracting(r -> r.id()).containsAll(templated);
    }

    @Test
    void sysctl() {
        List<Fact> compliant = sysctls("net.ipv6.conf.all.disable_ipv6=0", "net.ipv6.conf.default.disable_ipv6=0",
                "kernel.randomize_va_space=2", "net.ipv4.conf.all.send_redirects=0",
                "net.ipv4.conf.default.send_redirects=0", "net.ipv4.conf.all.accept_source_route=0",
                "net.ipv4.icmp_ignore_bogus_error_responses=1", "net.ipv4.icmp_echo_ignore_broadcasts=1",
                "net.ipv4.tcp_syncookies=1", "net.ipv4.conf.all.accept_redirects=0",
                "net.ipv4.conf.default.accept_redirects=0", "net.ipv6.conf.all.accept_redirects=0",
                "net.ipv6.conf.default.accept_redirects=0", "net.ipv4.conf.all.secure_redirects=0",
                "net.ipv4.conf.default.secure_redirects=0", "net.ipv6.conf.all.accept_source_route=0",
                "net.ipv4.conf.default.accept_source_route=0", "net.ipv6.conf.default.accept_source_route=0",
                "net.ipv4.conf.all.log_martians=1", "net.ipv4.conf.default.log_martians=1",
                "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf.default.rp_filter=1");
        // Non-compliant values, a key set twice (runtime and a file disagree), keys left unset.
        List<Fact> mixed = new ArrayList<>(sysctls("kernel.randomize_va_space=0", "net.ipv4.conf.all.send_redirects=1",
                "net.ipv4.conf.default.send_redirects=0", "net.ipv4.conf.all.rp_filter=2",
                "net.ipv4.conf.all.log_martians=1"));
        mixed.add(new Sysctl("net.ipv4.conf.all.rp_filter", "1", "/etc/sysctl.d/99-cis.conf"));
        // IPv6 disabled at boot: the keys do not exist in the running kernel.
        List<Fact> noIpv6 = new ArrayList<>(sysctls("net.ipv4.conf.all.accept_redirects=0",
                "net.ipv4.conf.default.accept_redirects=0"));
        for (String key : List.of("net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6",
                "net.ipv6.conf.all.accept_redirects", "net.ipv6.conf.default.accept_redirects",
                "net.ipv6.conf.all.accept_source_route", "net.ipv6.conf.default.accept_source_route")) {
            noIpv6.add(new Setting("sysctl", "unavailable", key));
        }
        // A key both set and reported unavailable: both verdicts count.
        noIpv6.add(new Sysctl("net.ipv6.conf.default.accept_source_route", "1", "/etc/sysctl.conf"));
        List<ConfigurationSnapshot> snapshots = List.of(snapshot("sysctl-ok", compliant),
                snapshot("sysctl-mixed", mixed), snapshot("sysctl-no-ipv6", noIpv6), snapshot("sysctl-none"));

        assertSameFindings("sysctl", snapshots, PASS, FAIL, UNKNOWN, NOT_APPLICABLE);
        assertThat(statusesOf(snapshots.get(0), "sysctl")).containsOnly(PASS);
        assertThat(status(snapshots.get(1), "25")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "38.3")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "46.1").actual()).isEqualTo("2");
        assertThat(status(snapshots.get(1), "45.1")).isEqualTo(UNKNOWN);
        assertThat(status(snapshots.get(2), "50")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(2), "38.4")).isEqualTo(PASS);
        assertThat(status(snapshots.get(2), "40.2")).isEqualTo(NOT_APPLICABLE);
        assertThat(status(snapshots.get(2), "42.2")).isEqualTo(NOT_APPLICABLE);
        assertThat(statusesOf(snapshots.get(3), "sysctl")).containsOnly(UNKNOWN);
    }

    @Test
    void sshd() {
        List<Fact> compliant = sshd("permitrootlogin no", "permitemptypasswords no", "ignorerhosts yes",
                "maxauthtries 4", "hostbasedauthentication no", "permituserenvironment no", "protocol 2",
                "loglevel INFO", "clientaliveinterval 300", "clientalivecountmax 1", "logingracetime 60",
                "banner /etc/issue.net", "denyusers nobody", "allowgroups ssh-users", "denygroups guests",
                "port 22");
        // Wrong values, and options unset: UNKNOWN, or FAIL where the rule says absence fails.
        List<Fact> wrong = sshd("permitrootlogin yes", "maxauthtries 10", "clientaliveinterval 0", "banner none",
                "port 2222", "loglevel VERBOSE", "logingracetime 0", "allowgroups ssh-users");
        List<ConfigurationSnapshot> snapshots = List.of(snapshot("sshd-ok", compliant), snapshot("sshd-wrong", wrong),
                snapshot("sshd-none"));

        assertSameFindings("sshd", snapshots, PASS, FAIL, UNKNOWN, NOT_APPLICABLE);
        assertThat(statusesOf(snapshots.get(0), "sshd")).containsOnly(PASS);
        assertThat(finding(snapshots.get(0), "110.1").actual().split("; "))
                .containsExactlyInAnyOrder("ClientAliveInterval 300", "ClientAliveCountMax 1");
        assertThat(status(snapshots.get(1), "109")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "110.1")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "110")).isEqualTo(UNKNOWN);
        assertThat(finding(snapshots.get(1), "EnsureDenyUsersIsConfigured").actual()).isEqualTo("not set");
        assertThat(status(snapshots.get(1), "EnsureDenyUsersIsConfigured")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "EnsureAllowGroupsIsConfigured")).isEqualTo(PASS);
        assertThat(statusesOf(snapshots.get(2), "sshd")).containsOnly(NOT_APPLICABLE);
    }

    @Test
    void setting() {
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("login-defs-ok", loginDefs("UMASK 077", "PASS_MAX_DAYS 365", "PASS_WARN_AGE 7",
                        "PASS_MIN_DAYS 7")),
                // PASS_WARN_AGE is unset, which these rules fail; UMASK appears twice.
                snapshot("login-defs-weak", loginDefs("UMASK 022", "UMASK 077", "PASS_MAX_DAYS 99999",
                        "PASS_MIN_DAYS 7")));

        assertSameFindings("setting", snapshots, PASS, FAIL);
        assertThat(statusesOf(snapshots.get(0), "setting")).containsOnly(PASS);
        // A failed rule shows only the values that fail.
        assertThat(finding(snapshots.get(1), "29").actual()).isEqualTo("022");
        assertThat(status(snapshots.get(1), "157.1")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "157.2").actual()).isEqualTo("PASS_WARN_AGE is not set in login.defs");
        assertThat(status(snapshots.get(1), "157.12")).isEqualTo(PASS);
    }

    @Test
    void pamOptions() {
        // Debian: the options come from pwquality.conf, the module's defaults and pam_unix's remember=.
        List<Fact> debian = new ArrayList<>(List.of(
                pam("common-password", "password", "requisite", "pam_pwquality.so", "retry=3"),
                pam("common-password", "password", "[success=1 default=ignore]", "pam_unix.so", "obscure",
                        "yescrypt", "remember=5"),
                pam("common-auth", "auth", "required", "pam_faillock.so", "preauth"),
                pam("common-auth", "auth", "[success=1 default=ignore]", "pam_unix.so", "nullok"),
                pam("sshd", "auth", "required", "pam_env.so")));
        debian.addAll(settings("pwquality", "minlen 14", "minclass 4", "dcredit -1", "ucredit -1", "ocredit -1",
                "lcredit -1"));
        // RHEL: weak arguments, weak configuration files, a stack file without the modules, pam_cracklib without
        // options or configuration.
        List<Fact> rhel = new ArrayList<>(List.of(
                pam("system-auth", "password", "requisite", "pam_pwquality.so", "minlen=8", "dcredit=-1"),
                pam("system-auth", "password", "required", "pam_pwhistory.so", "use_authtok", "remember=3"),
                pam("system-auth", "password", "sufficient", "pam_unix.so", "sha512"),
                pam("password-auth", "password", "requisite", "pam_cracklib.so"),
                pam("password-auth", "password", "sufficient", "pam_unix.so", "sha512"),
                pam("system-auth", "auth", "required", "pam_faillock.so", "preauth", "deny=10"),
                pam("password-auth", "auth", "sufficient", "pam_unix.so")));
        rhel.addAll(settings("pwquality", "minclass 4", "minclass 2", "ucredit -1", "ocredit -1", "lcredit -1"));
        rhel.addAll(settings("faillock", "unlock_time 50"));
        // No stack file has lines of the types: the rules' missing outcome.
        List<Fact> none = List.of(pam("sshd", "auth", "required", "pam_env.so"),
                pam("login", "password", "include", "common-password"));
        List<ConfigurationSnapshot> snapshots = List.of(snapshot("pam-debian", debian), snapshot("pam-rhel", rhel),
                snapshot("pam-none", none));

        assertSameFindings("pam-options", snapshots, PASS, FAIL);
        assertThat(statusesOf(snapshots.get(0), "pam-options")).containsOnly(PASS);
        assertThat(finding(snapshots.get(0), "5.3.2").actual().split("; ")).containsExactlyInAnyOrder(
                "common-auth: pam_faillock.so deny=3 (the module's default)",
                "common-auth: pam_faillock.so unlock_time=600 (the module's default)");
        assertThat(finding(snapshots.get(0), "157.5").actual()).isEqualTo("common-password: pam_unix.so remember=5");
        assertThat(finding(snapshots.get(1), "5.3.1").actual()).contains("password-auth: pam_cracklib.so sets no "
                + "minlen", "system-auth: pam_pwquality.so minlen=8", "minclass=2 (pwquality.conf)");
        assertThat(finding(snapshots.get(1), "5.3.2").actual()).contains("system-auth: pam_faillock.so deny=10",
                "unlock_time=50 (faillock.conf)", "password-auth: no auth line for pam_faillock.so or pam_tally2.so");
        assertThat(finding(snapshots.get(1), "157.5").actual()).contains("pam_pwhistory.so remember=3",
                "password-auth: no password line for pam_pwhistory.so (nor pam_unix.so with remember)");
        assertThat(statusesOf(snapshots.get(2), "pam-options")).containsOnly(FAIL);
    }

    @Test
    void filePermission() {
        List<String> all = List.of("/etc/issue", "/etc/motd", "/etc/issue.net", "/etc/anacrontab", "/etc/cron.d",
                "/etc/cron.daily", "/etc/cron.hourly", "/etc/cron.monthly", "/etc/cron.weekly", "/etc/passwd",
                "/etc/group", "/etc/shadow", "/etc/ssh/sshd_config", "/etc/hosts.allow", "/etc/hosts.deny",
                "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/passwd-", "/etc/group-");
        List<Fact> strict = all.stream().<Fact>map(p -> file(p, 0400, "root", "root")).toList();
        // Too open, wrong owner, a group among the alternatives, and absent files of each missing outcome.
        List<Fact> loose = List.of(file("/etc/passwd", 0666, "root", "root"), file("/etc/group", 0644, "bin", "root"),
                file("/etc/shadow", 0400, "root", "shadow"), file("/etc/gshadow", 0640, "root", "shadow"),
                file("/etc/cron.d", 0755, "root", "root"), file("/etc/cron.d", 0700, "root", "root"),
                FileInfo.absent("/etc/issue"), FileInfo.absent("/etc/motd"), FileInfo.absent("/etc/ssh/sshd_config"));
        List<ConfigurationSnapshot> snapshots = List.of(snapshot("files-strict", strict),
                snapshot("files-loose", loose));

        assertSameFindings("file-permission", snapshots, PASS, FAIL, NOT_APPLICABLE, UNKNOWN);
        assertThat(statusesOf(snapshots.get(0), "file-permission")).containsOnly(PASS);
        assertThat(status(snapshots.get(1), "12.1")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "12.2")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "11.1")).isEqualTo(PASS);
        assertThat(status(snapshots.get(1), "11.3")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "93").actual()).isEqualTo("0755 root:root");
        assertThat(finding(snapshots.get(1), "1.7.1.5").actual()).isEqualTo("absent");
        assertThat(status(snapshots.get(1), "1.7.1.5")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "1.7.1.4")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(1), "5.2.1").reason()).isEqualTo("/etc/ssh/sshd_config does not exist");
        assertThat(status(snapshots.get(1), "11.2")).isEqualTo(UNKNOWN);
    }

    @Test
    void filesPermission() {
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("grub-ok", file("/boot/grub/grub.cfg", 0400, "root", "root"),
                        FileInfo.absent("/boot/grub2/grub.cfg"), FileInfo.absent("/boot/grub/grub.conf"),
                        file("/etc/rsyslog.conf", 0640, "root", "root"),
                        FileInfo.absent("/etc/syslog-ng/syslog-ng.conf")),
                snapshot("grub-open", file("/boot/grub/grub.cfg", 0400, "root", "root"),
                        file("/boot/grub2/grub.cfg", 0644, "root", "root"), FileInfo.absent("/boot/grub/grub.conf"),
                        file("/etc/rsyslog.conf", 0640, "root", "root"),
                        file("/etc/syslog-ng/syslog-ng.conf", 0640, "root", "adm")),
                snapshot("grub-none", FileInfo.absent("/boot/grub/grub.cfg"), FileInfo.absent("/boot/grub2/grub.cfg"),
                        FileInfo.absent("/boot/grub/grub.conf"), FileInfo.absent("/etc/rsyslog.conf")));

        assertSameFindings("files-permission", snapshots, PASS, FAIL, NOT_APPLICABLE, UNKNOWN);
        assertThat(statusesOf(snapshots.get(0), "files-permission")).containsOnly(PASS);
        assertThat(finding(snapshots.get(0), "31.1").actual()).isEqualTo("/boot/grub/grub.cfg 0400 root:root");
        assertThat(finding(snapshots.get(1), "31.1").actual()).isEqualTo("/boot/grub2/grub.cfg 0644 root:root");
        assertThat(status(snapshots.get(1), "31.1")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "63.1")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(2), "31.1").reason()).startsWith("no GRUB configuration");
        assertThat(status(snapshots.get(2), "31.1")).isEqualTo(NOT_APPLICABLE);
        // syslog-ng.conf was not looked at: its absence is not known.
        assertThat(status(snapshots.get(2), "63.1")).isEqualTo(UNKNOWN);
    }

    @Test
    void fileLines() {
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("banner-clean", file("/etc/issue", 0644, "root", "root"),
                        new FileLines("/etc/issue", List.of("Authorized uses only.", "")),
                        FileInfo.absent("/etc/issue.net")),
                snapshot("banner-escapes", file("/etc/issue", 0644, "root", "root"),
                        new FileLines("/etc/issue", List.of("Debian GNU/Linux 12 \\n \\l", "Kernel \\r on \\m")),
                        file("/etc/issue.net", 0644, "root", "root")));

        assertSameFindings("file-lines", snapshots, PASS, FAIL, UNKNOWN);
        assertThat(statusesOf(snapshots.get(0), "file-lines")).containsOnly(PASS);
        assertThat(finding(snapshots.get(1), "111.1").actual()).isEqualTo("line: Kernel \\r on \\m");
        // /etc/issue.net exists but its lines were not shipped: no verdict.
        assertThat(status(snapshots.get(1), "111")).isEqualTo(UNKNOWN);
    }

    @Test
    void mountOption() {
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("mounts-hardened", mount("/tmp", "tmpfs", "tmpfs", "fstab", "rw,nodev,nosuid,noexec"),
                        mount("/var/tmp", "/dev/sda3", "ext4", "fstab", "rw,nodev,nosuid,noexec"),
                        mount("/home", "/dev/sda4", "ext4", "fstab", "rw,nodev"),
                        mount("/dev/shm", "tmpfs", "tmpfs", "runtime", "rw,nosuid,nodev,noexec")),
                // /var/tmp: fstab and runtime disagree; /home and /dev/shm are no separate mounts.
                snapshot("mounts-weak", mount("/tmp", "tmpfs", "tmpfs", "runtime", "rw,nosuid"),
                        mount("/var/tmp", "/dev/sda3", "ext4", "fstab", "rw,nodev,nosuid"),
                        mount("/var/tmp", "/dev/sda3", "ext4", "runtime", "rw,nodev,nosuid,noexec")));

        assertSameFindings("mount-option", snapshots, PASS, FAIL, NOT_APPLICABLE);
        assertThat(statusesOf(snapshots.get(0), "mount-option")).containsOnly(PASS);
        assertThat(status(snapshots.get(1), "1.1.5")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "1.1.7")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(0), "1.1.9").actual()).isEqualTo("fstab: rw,nodev,nosuid,noexec");
        assertThat(finding(snapshots.get(1), "1.1.9").actual()).isEqualTo("fstab: rw,nodev,nosuid");
        assertThat(status(snapshots.get(1), "1.1.9")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "1.1.4")).isEqualTo(NOT_APPLICABLE);
        assertThat(finding(snapshots.get(1), "1.1.16").actual())
                .isEqualTo("/dev/shm is not in /etc/fstab, so systemd mounts it without noexec");
        assertThat(status(snapshots.get(1), "1.1.16")).isEqualTo(FAIL);
    }

    @Test
    void mountOptionAll() {
        List<ConfigurationSnapshot> snapshots = List.of(
                // Selected by mount point, by device, by file system type; the runtime mount is not in fstab.
                snapshot("removable", mount("/media/cdrom0", "/dev/sr0", "udf,iso9660", "fstab", "ro,user,nodev"),
                        mount("/mnt/usb", "/dev/fd0", "vfat", "fstab", "nodev,nosuid"),
                        mount("/data", "/dev/sdb1", "iso9660", "fstab", "ro,nodev,nosuid"),
                        mount("/media/dvd", "/dev/sr1", "udf", "runtime", "ro"),
                        mount("/srv", "server:/export", "nfs4", "fstab", "rw,nodev,nosuid"),
                        mount("/backup", "server:/backup", "nfs", "fstab", "rw,nodev")),
                // None selected: no regular expression matches a whole field (only parts of them).
                snapshot("no-removable", mount("/", "/dev/sda1", "ext4", "fstab", "rw"),
                        mount("/scratch", "/dev/sr0x", "nfsd", "fstab", "rw"),
                        mount("/srv", "server:/export", "nfs4", "runtime", "rw")),
                snapshot("no-mounts"));

        assertSameFindings("mount-option-all", snapshots, PASS, FAIL);
        assertThat(status(snapshots.get(0), "2.1")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(0), "2.2").actual().split("; ")).containsExactlyInAnyOrder(
                "fstab /media/cdrom0: ro,user,nodev", "fstab /mnt/usb: nodev,nosuid", "fstab /data: ro,nodev,nosuid");
        assertThat(status(snapshots.get(0), "2.2")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(0), "2.3")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(0), "5")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "5").actual()).isEqualTo("no NFS mounts in /etc/fstab");
        assertThat(statusesOf(snapshots.get(1), "mount-option-all")).containsOnly(PASS);
        assertThat(statusesOf(snapshots.get(2), "mount-option-all")).containsOnly(PASS);
    }

    @Test
    void kernelModuleDisabled() {
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("modules-off", Stream.of("cramfs", "freevxfs", "dccp", "sctp", "usb-storage", "hfs",
                        "hfsplus", "jffs2", "rds", "tipc").<Fact>map(m -> new KernelModule(m, "/bin/true", true,
                        false, "/etc/modprobe.d/cis.conf")).toList()),
                snapshot("modules-loadable", new KernelModule("cramfs", "/bin/false", false, null, "cis.conf"),
                        new KernelModule("freevxfs", "/bin/true", false, true, "cis.conf"),
                        new KernelModule("dccp", null, true, false, "blacklist.conf"),
                        new KernelModule("sctp", "/sbin/modprobe --ignore-install sctp", false, false, "sctp.conf"),
                        new KernelModule("rds", "/bin/true", false, false, "a.conf"),
                        new KernelModule("rds", null, false, true, null)));

        assertSameFindings("kernel-module-disabled", snapshots, PASS, FAIL);
        assertThat(statusesOf(snapshots.get(0), "kernel-module-disabled")).containsOnly(PASS);
        assertThat(status(snapshots.get(1), "6.1")).isEqualTo(PASS);
        assertThat(status(snapshots.get(1), "6.2")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "54")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "55")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "6.3").actual()).isEqualTo("no install directive: the module can be "
                + "loaded");
        assertThat(status(snapshots.get(1), "56")).isEqualTo(FAIL);
    }

    @Test
    void packages() {
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("packages-clean", pkg("rsyslog"), pkg("openssh-server")),
                snapshot("packages-legacy", pkg("syslog-ng-core"), pkg("sysklogd"), pkg("prelink"), pkg("telnetd"),
                        pkg("krb5-telnetd"), pkg("xinetd"), pkg("postfix")),
                snapshot("packages-none"));

        assertSameFindings("package-absent", snapshots, PASS, FAIL);
        assertSameFindings("package-present", snapshots, PASS, FAIL);
        assertThat(statusesOf(snapshots.get(0), "package-absent")).containsOnly(PASS);
        assertThat(finding(snapshots.get(1), "73").actual().split("; ")).containsExactlyInAnyOrder(
                "telnetd 1.0 installed", "krb5-telnetd 1.0 installed");
        assertThat(status(snapshots.get(1), "1.5.4")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "183")).isEqualTo(PASS);
        assertThat(status(snapshots.get(0), "61")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(1), "61").actual().split("; ")).containsExactlyInAnyOrder(
                "syslog-ng-core 1.0 installed", "sysklogd 1.0 installed");
        assertThat(finding(snapshots.get(2), "61").actual()).isEqualTo("not installed");
        assertThat(status(snapshots.get(2), "61")).isEqualTo(FAIL);
    }

    @Test
    void services() {
        List<ConfigurationSnapshot> snapshots = List.of(
                // Live host, compliant: nothing to disable, auditd and cron enabled and running.
                snapshot("services-ok", unit("auditd.service", "enabled", "active"),
                        unit("cron.service", "disabled", "inactive"), unit("crond.service", "enabled-runtime", null),
                        unit("avahi-daemon.service", "disabled", "inactive"), unit("cups.socket", "masked", null)),
                // Live host: services to disable that run or start at boot, auditd masked and stopped.
                snapshot("services-on", unit("auditd.service", "masked", "failed"),
                        unit("cron.service", "disabled", "active"), unit("autofs.service", "enabled", "active"),
                        unit("cups.service", "disabled", "inactive"), unit("cups.socket", "enabled", "inactive"),
                        unit("rpcbind.socket", "static", "active"), unit("snmpd.service", "disabled", "activating")),
                // Offline root: no active states; auditd enabled but whether it runs is unknown.
                snapshot("services-offline", unit("auditd.service", "enabled", null),
                        unit("cups.service", "enabled", null)),
                snapshot("services-none"));

        assertSameFindings("service-enabled", snapshots, PASS, FAIL);
        assertSameFindings("service-disabled", snapshots, PASS, FAIL);
        assertSameFindings("service-running", snapshots, PASS, FAIL, UNKNOWN);
        assertThat(statusesOf(snapshots.get(0), "service-enabled")).containsOnly(PASS);
        assertThat(statusesOf(snapshots.get(0), "service-disabled")).containsOnly(PASS);
        assertThat(finding(snapshots.get(0), "90").actual()).isEqualTo("crond.service enabled-runtime");
        assertThat(status(snapshots.get(1), "162")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "90").actual())
                .isEqualTo("none of cron.service, crond.service, cronie.service is enabled");
        assertThat(status(snapshots.get(1), "1.1.21")).isEqualTo(FAIL);
        assertThat(finding(snapshots.get(1), "115").actual()).isEqualTo("cups.socket enabled, inactive");
        assertThat(status(snapshots.get(1), "115")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "129.1")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "179")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(0), "163")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(1), "163").actual()).isEqualTo("auditd.service masked, failed");
        assertThat(status(snapshots.get(2), "163")).isEqualTo(UNKNOWN);
        assertThat(status(snapshots.get(2), "162")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(3), "163").actual()).isEqualTo("auditd.service not installed");
        assertThat(status(snapshots.get(3), "163")).isEqualTo(FAIL);
    }

    @Test
    void legacyServiceDisabled() {
        List<ConfigurationSnapshot> snapshots = List.of(
                // No inetd.conf, no unit: all pass.
                snapshot("legacy-none", FileInfo.absent("/etc/inetd.conf")),
                // inetd.conf entries, commented ones, the NEED_SVCGSSD line, and units enabled or stopped.
                snapshot("legacy-inetd", file("/etc/inetd.conf", 0644, "root", "root"),
                        new FileLines("/etc/inetd.conf", List.of("#login stream tcp nowait root /usr/sbin/tcpd "
                                + "in.rlogind", "telnet\tstream tcp nowait telnetd /usr/sbin/tcpd in.telnetd",
                                "  shell stream tcp nowait root /usr/sbin/tcpd in.rshd", "NEED_SVCGSSD = \"yes\"")),
                        unit("rlogin.socket", "disabled", "inactive"), unit("tftp.socket", "enabled", "active"),
                        unit("tftpd-hpa.service", "disabled", "inactive")),
                // inetd.conf exists but its lines were not read.
                snapshot("legacy-unread", file("/etc/inetd.conf", 0644, "root", "root"),
                        unit("telnet.socket", "enabled", null)));

        assertSameFindings("legacy-service-disabled", snapshots, PASS, FAIL, UNKNOWN);
        assertThat(statusesOf(snapshots.get(0), "legacy-service-disabled")).containsOnly(PASS);
        assertThat(finding(snapshots.get(0), "80").actual().split("; ")).containsExactlyInAnyOrder(
                "no /etc/inetd.conf", "tftp.socket, tftp.service, tftpd-hpa.service not installed");
        assertThat(finding(snapshots.get(1), "69").actual().split("; ")).containsExactlyInAnyOrder(
                "no login entry in /etc/inetd.conf", "rlogin.socket disabled, inactive");
        assertThat(status(snapshots.get(1), "69")).isEqualTo(PASS);
        assertThat(finding(snapshots.get(1), "72").actual())
                .isEqualTo("/etc/inetd.conf: telnet\tstream tcp nowait telnetd /usr/sbin/tcpd in.telnetd");
        assertThat(status(snapshots.get(1), "74")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "80")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(1), "130")).isEqualTo(FAIL);
        assertThat(status(snapshots.get(2), "69")).isEqualTo(UNKNOWN);
        assertThat(status(snapshots.get(2), "72")).isEqualTo(FAIL);
    }

    @Test
    void overriddenExpectationsOfTemplatedParts() throws EngineException {
        EnginePair customised = EnginePair.of(List.of("azure-linux"), b -> b
                .expect("5.3.2", "deny", "<= 10")
                .expect("157.5", ">= 3")
                .expect("50", "net.ipv6.conf.all.disable_ipv6", "in 0|1")
                .expect("110.1", "ClientAliveCountMax", "<= 3")
                .expect("157.1", "<= 99999"));
        assertThat(customised.reference().rules()).containsExactlyElementsOf(customised.drools().rules());
        List<ConfigurationSnapshot> snapshots = List.of(
                snapshot("custom", pam("system-auth", "auth", "required", "pam_faillock.so", "deny=10"),
                        pam("system-auth", "password", "required", "pam_pwhistory.so", "remember=3"),
                        new Setting("faillock", "unlock_time", "900"), new Sysctl("net.ipv6.conf.all.disable_ipv6",
                                "1", "runtime"), new SshdOption("clientalivecountmax", "3", "default"),
                        new Setting("login.defs", "PASS_MAX_DAYS", "99999")));
        assertThat(customised.differences(snapshots)).isEmpty();
        assertThat(customised.drools().assess(snapshots.get(0)).findings()).filteredOn(f -> Set.of("5.3.2", "157.5",
                "157.1").contains(f.ruleId())).extracting(Finding::status).containsOnly(PASS);
    }

    /** Asserts that the engines agree, and that Drools gives at least these statuses to the rules of {@code kind}. */
    private static void assertSameFindings(String kind, List<ConfigurationSnapshot> snapshots, Status... statuses) {
        assertThat(linux.differences(snapshots)).isEmpty();
        Set<Status> seen = EnumSet.noneOf(Status.class);
        snapshots.forEach(s -> seen.addAll(statusesOf(s, kind)));
        assertThat(seen).as("statuses of the %s rules", kind).containsAll(Arrays.asList(statuses));
    }

    private static Set<Status> statusesOf(ConfigurationSnapshot snapshot, String kind) {
        List<String> rules = rulesByKind.get(kind);
        return linux.drools().assess(snapshot).findings().stream().filter(f -> rules.contains(f.ruleId()))
                .map(Finding::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));
    }

    private static Finding finding(ConfigurationSnapshot snapshot, String ruleId) {
        return linux.drools().assess(snapshot).findings().stream().filter(f -> f.ruleId().equals(ruleId))
                .findFirst().orElseThrow();
    }

    private static Status status(ConfigurationSnapshot snapshot, String ruleId) {
        return finding(snapshot, ruleId).status();
    }

    private static ConfigurationSnapshot snapshot(String id, Fact... facts) {
        return snapshot(id, List.of(facts));
    }

    /** A Linux machine on which every collector the templated rules read ran. */
    private static ConfigurationSnapshot snapshot(String id, List<Fact> facts) {
        return new ConfigurationSnapshot(Machine.builder(id).osFamily(OsFamily.LINUX).build(), Instant.EPOCH, facts,
                new Coverage(COLLECTORS.stream().map(c -> CollectorRun.collected(c, null)).toList(), List.of()));
    }

    /** Sysctl facts from {@code key=value}. */
    private static List<Fact> sysctls(String... pairs) {
        return Stream.of(pairs).<Fact>map(p -> new Sysctl(p.substring(0, p.indexOf('=')),
                p.substring(p.indexOf('=') + 1), "runtime")).toList();
    }

    /** Effective sshd options from {@code key value}. */
    private static List<Fact> sshd(String... options) {
        return Stream.of(options).<Fact>map(o -> new SshdOption(o.substring(0, o.indexOf(' ')),
                o.substring(o.indexOf(' ') + 1), "/etc/ssh/sshd_config:1")).toList();
    }

    private static List<Fact> loginDefs(String... pairs) {
        return settings("login.defs", pairs);
    }

    /** Settings of one namespace from {@code key value}. */
    private static List<Fact> settings(String namespace, String... pairs) {
        return Stream.of(pairs).<Fact>map(p -> new Setting(namespace, p.substring(0, p.indexOf(' ')),
                p.substring(p.indexOf(' ') + 1))).toList();
    }

    private static PamEntry pam(String service, String type, String control, String module, String... arguments) {
        return new PamEntry(service, type, control, module, List.of(arguments));
    }

    private static FileInfo file(String path, int mode, String owner, String group) {
        return new FileInfo(path, true, FileKind.FILE, mode, owner, group, 0, 0);
    }

    private static Mount mount(String point, String device, String fsType, String source, String options) {
        return new Mount(point, device, fsType, List.of(options.split(",")), source);
    }

    private static InstalledPackage pkg(String name) {
        return new InstalledPackage(name, "1.0", "dpkg");
    }

    private static SystemService unit(String name, String unitFileState, String activeState) {
        return new SystemService(name, unitFileState, activeState);
    }
}

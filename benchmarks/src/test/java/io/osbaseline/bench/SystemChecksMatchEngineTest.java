package io.osbaseline.bench;

import static io.osbaseline.model.Status.FAIL;
import static io.osbaseline.model.Status.NOT_APPLICABLE;
import static io.osbaseline.model.Status.PASS;
import static io.osbaseline.model.Status.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java versions of the hand-written system rules of the Linux pack (logging, firewall, network, kernel, boot,
 * cron, postfix, Samba) give the same findings as their DRL. Each case is a machine built to take one path of one
 * rule; the Drools engine must find there the status and words the case names, and the reference the same findings
 * on every rule.
 */
class SystemChecksMatchEngineTest {
    /** The rules and the statuses their snippets can reach. */
    private static final Map<String, Set<Status>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("60", EnumSet.of(PASS, FAIL, UNKNOWN));
        RULES.put("61.1", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("62", EnumSet.of(PASS, FAIL));
        RULES.put("63", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("64", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("65", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("67", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("68", EnumSet.of(PASS, FAIL));
        // An OSConfig agent setting: the rule has no other verdict.
        RULES.put("EnsureLoggingLevel", EnumSet.of(NOT_APPLICABLE));
        RULES.put("3.6.2", EnumSet.of(PASS, FAIL, UNKNOWN));
        RULES.put("48", EnumSet.of(PASS, FAIL, UNKNOWN));
        RULES.put("49", EnumSet.of(PASS, FAIL, UNKNOWN));
        RULES.put("89", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("1.5.1", EnumSet.of(PASS, FAIL, UNKNOWN));
        RULES.put("10", EnumSet.of(PASS, FAIL, UNKNOWN));
        RULES.put("26", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("122", EnumSet.of(PASS, FAIL));
        RULES.put("185", EnumSet.of(PASS, FAIL));
        RULES.put("31", EnumSet.of(PASS, FAIL, NOT_APPLICABLE));
        RULES.put("98", EnumSet.of(PASS, FAIL));
    }

    private static final List<String> COLLECTORS = List.of("logging", "files", "services", "os-release", "firewall",
            "network-config", "interfaces", "limits", "sysctl", "kernel", "postfix", "samba", "packages", "grub");

    /**
     * One machine and what the Drools engine finds on it for one rule.
     *
     * @param text a part of the finding's actual value or reason that only the path meant gives
     */
    private record Case(String rule, Status status, String text, List<CollectorRun> runs, List<Fact> facts) {
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static EnginePair linux;
    private static EnginePair overridden;
    private static List<ConfigurationSnapshot> snapshots;

    @BeforeAll
    static void build() throws EngineException {
        linux = EnginePair.of(List.of("azure-linux"));
        // Each judged part overridden, so that both engines must agree on which snippets judge against what.
        overridden = EnginePair.of(List.of("azure-linux"), b -> b
                .expect("63", "rsyslog", "in 0600|0640|0644")
                .expect("64", "in adm|root")
                .expect("65", "= root")
                .expect("3.6.2", "OUTPUT", "in DROP|ACCEPT")
                .expect("1.5.1", "fs.suid_dumpable", "in 0|2")
                .expect("122", "in all|localhost")
                .expect("185", "matches (?i)(NT1|SMB2).*"));
        logging();
        networkAndKernel();
        servicesBootAndCron();
        snapshots = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            snapshots.add(new ConfigurationSnapshot(Machine.builder(c.rule() + "-" + i).osFamily(OsFamily.LINUX)
                    .build(), Instant.EPOCH, c.facts(), new Coverage(c.runs(), List.of())));
        }
    }

    @Test
    void everyRuleIsCovered() throws EngineException {
        assertThat(ReferenceEngineFactory.uncovered(List.of("azure-linux"))).doesNotContainKeys(
                RULES.keySet().toArray(String[]::new));
        assertThat(linux.reference().rules()).extracting(RuleInfo::id).containsAll(RULES.keySet());
    }

    @Test
    void sameRulesWithTheSameMetadata() {
        assertThat(linux.reference().rules()).containsExactlyElementsOf(linux.drools().rules());
        // With the expected values overridden, the expected text is derived from the parts, in the same order.
        assertThat(overridden.reference().rules()).containsExactlyElementsOf(overridden.drools().rules());
        assertThat(overridden.reference().rules()).filteredOn(r -> r.id().equals("3.6.2")).singleElement()
                .extracting(RuleInfo::expected).isEqualTo("INPUT = DROP; FORWARD = DROP; OUTPUT in DROP|ACCEPT");
    }

    @Test
    void sameFindingsOnEveryPath() {
        assertThat(linux.differences(snapshots)).isEmpty();
    }

    @Test
    void sameFindingsWithTheExpectedValuesOverridden() {
        assertThat(overridden.differences(snapshots)).isEmpty();
        // The overrides change verdicts: the engines did not agree by leaving them out.
        assertThat(finding(overridden, snapshotOf("63", "rsyslog's default: 0644"), "63").status()).isEqualTo(PASS);
        assertThat(finding(overridden, snapshotOf("1.5.1", "fs.suid_dumpable=2"), "1.5.1").status())
                .isEqualTo(PASS);
        assertThat(finding(overridden, snapshotOf("3.6.2", "OUTPUT ACCEPT"), "3.6.2").status()).isEqualTo(PASS);
        assertThat(finding(overridden, snapshotOf("122", "inet_interfaces not set"), "122").status())
                .isEqualTo(PASS);
        assertThat(finding(overridden, snapshotOf("185", "defaults to NT1"), "185").status()).isEqualTo(PASS);
        assertThat(finding(overridden, snapshotOf("64", "$FileGroup root"), "64").status()).isEqualTo(PASS);
        assertThat(finding(overridden, snapshotOf("65", "$FileOwner syslog"), "65").status()).isEqualTo(FAIL);
    }

    @Test
    void eachCaseTakesThePathItWasBuiltFor() {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            Finding f = finding(linux, snapshots.get(i), c.rule());
            String said = f.actual() + " | " + f.reason();
            if (f.status() != c.status() || !said.contains(c.text())) {
                wrong.add(snapshots.get(i).machine().id() + ": expected " + c.status() + " with '" + c.text()
                        + "', got " + f.status() + ": " + said);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRuleReachesEachOfItsStatuses() {
        Map<String, Set<Status>> reached = CASES.stream().collect(Collectors.groupingBy(Case::rule,
                Collectors.mapping(Case::status, Collectors.toCollection(() -> EnumSet.noneOf(Status.class)))));
        // Rules may also end UNKNOWN with no verdict (a fact not collected); what matters is that none is missing.
        RULES.forEach((rule, statuses) -> assertThat(reached.get(rule)).as(rule).containsAll(statuses));
        assertThat(reached).containsOnlyKeys(RULES.keySet());
    }

    /** The snapshot of the case of {@code rule} whose text contains {@code text}. */
    private static ConfigurationSnapshot snapshotOf(String rule, String text) {
        for (int i = 0; i < CASES.size(); i++) {
            if (CASES.get(i).rule().equals(rule) && CASES.get(i).text().contains(text)) {
                return snapshots.get(i);
            }
        }
        throw new IllegalArgumentException("no case of " + rule + " says " + text);
    }

    private static Finding finding(EnginePair pair, ConfigurationSnapshot s, String rule) {
        return pair.drools().assess(s).findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst()
                .orElseThrow();
    }

    private static void logging() {
        add("60", PASS, "/var/log/syslog", setting("var-log", "files", "auth.log btmp syslog"));
        add("60", PASS, "/var/log/messages", setting("var-log", "files", "btmp messages"));
        add("60", PASS, "/var/log/dpkg.log", setting("var-log", "files", "btmp dpkg.log wtmp"));
        add("60", FAIL, "no syslog, messages or *.log file", setting("var-log", "files", "btmp wtmp .log"));
        add("60", UNKNOWN, "could not be read");

        SystemService journald = new SystemService("systemd-journald.service", "static", "active");
        FileInfo journal = dir("/var/log/journal", 02755, "root", "systemd-journal");
        add("61.1", NOT_APPLICABLE, "systemd-journald is not installed", setting("journald", "Storage", "volatile"));
        add("61.1", FAIL, "Storage=volatile", journald, setting("journald", "Storage", "volatile"), journal);
        add("61.1", FAIL, "Storage=none", journald, setting("journald", "Storage", "none"));
        add("61.1", PASS, "Storage=persistent; /var/log/journal 2755 root:systemd-journal", journald,
                setting("journald", "Storage", "persistent"), journal);
        add("61.1", PASS, "not created yet (journald creates it)", journald,
                setting("journald", "Storage", "persistent"), FileInfo.absent("/var/log/journal"));
        add("61.1", FAIL, "Storage=persistent; /var/log/journal 0777 root:root", journald,
                setting("journald", "Storage", "persistent"), dir("/var/log/journal", 0777, "root", "root"));
        add("61.1", FAIL, "Storage=persistent; /var/log/journal 0755 root:root", journald,
                setting("journald", "Storage", "persistent"), file("/var/log/journal", 0755, "root", "root"));
        add("61.1", PASS, "Storage=auto; /var/log/journal 2755", journald, setting("journald", "Storage", "auto"),
                journal);
        add("61.1", FAIL, "Storage=auto; /var/log/journal absent", journald, setting("journald", "Storage", "auto"),
                FileInfo.absent("/var/log/journal"));
        add("61.1", PASS, "Storage not set (auto); /var/log/journal 2755", journald, journal);
        add("61.1", FAIL, "Storage not set (auto); /var/log/journal 2755 systemd-journal:root", journald,
                dir("/var/log/journal", 02755, "systemd-journal", "root"));
        // A value no snippet judges, and a journal directory that was not looked at: no verdict.
        add("61.1", UNKNOWN, "no verdict", journald, setting("journald", "Storage", "sometimes"), journal);
        add("61.1", UNKNOWN, "no verdict", journald, setting("journald", "Storage", "auto"));

        add("62", PASS, "rsyslog.service enabled, active", new SystemService("rsyslog.service", "enabled", "active"),
                new SystemService("syslog-ng.service", "disabled", "inactive"));
        add("62", PASS, "syslog-ng.service enabled, reloading",
                new SystemService("syslog-ng.service", "enabled", "reloading"));
        add("62", FAIL, "none of rsyslog.service, syslog-ng.service, systemd-journald.service is running",
                new SystemService("rsyslog.service", "enabled", "failed"),
                new SystemService("systemd-journald.service", "static", "inactive"));
        add("62", PASS, "systemd-journald.service static (whether it runs now was not read)",
                new SystemService("systemd-journald.service", "static", null),
                new SystemService("rsyslog.service", "enabled-runtime", null));
        add("62", FAIL, "none of rsyslog.service, syslog-ng.service, systemd-journald.service is enabled",
                new SystemService("rsyslog.service", "disabled", null),
                new SystemService("systemd-journald.service", "masked", null));
        add("62", FAIL, "is installed", new SystemService("cron.service", "enabled", "active"));
        // One unit read live and stopped, one offline and enabled: the live one fails the rule.
        add("62", FAIL, "is running", new SystemService("rsyslog.service", "enabled", "inactive"),
                new SystemService("systemd-journald.service", "static", null));

        FileInfo rsyslog = file("/etc/rsyslog.conf", 0640, "root", "root");
        FileInfo noRsyslog = FileInfo.absent("/etc/rsyslog.conf");
        FileInfo syslogNg = file("/etc/syslog-ng/syslog-ng.conf", 0640, "root", "root");
        FileInfo noSyslogNg = FileInfo.absent("/etc/syslog-ng/syslog-ng.conf");
        add("63", PASS, "$FileCreateMode 0640", rsyslog, noSyslogNg, setting("rsyslog", "FileCreateMode", "0640"));
        add("63", FAIL, "$FileCreateMode 0644", rsyslog, noSyslogNg, setting("rsyslog", "FileCreateMode", "0644"),
                setting("syslog-ng", "perm", "0777"));
        add("63", FAIL, "$FileCreateMode not set (rsyslog's default: 0644)", rsyslog, noSyslogNg);
        add("63", PASS, "syslog-ng perm(0600)", noRsyslog, syslogNg, setting("syslog-ng", "perm", "0600"));
        add("63", FAIL, "syslog-ng perm(0644)", syslogNg, setting("syslog-ng", "perm", "0644"),
                setting("rsyslog", "FileCreateMode", "0600"));
        add("63", PASS, "syslog-ng perm() not set (syslog-ng's default: 0600)", noRsyslog, syslogNg);
        add("63", PASS, "$FileCreateMode 0600", rsyslog, syslogNg, setting("rsyslog", "FileCreateMode", "0600"),
                setting("syslog-ng", "perm", "0640"));
        add("63", NOT_APPLICABLE, "neither rsyslog nor syslog-ng is configured", noRsyslog, noSyslogNg,
                setting("rsyslog", "FileCreateMode", "0777"));

        OsRelease debian = os("debian", List.of(), "Debian GNU/Linux");
        OsRelease ubuntu = os("ubuntu", List.of("debian"), "Ubuntu");
        OsRelease rhel = os("rhel", List.of("fedora"), "Red Hat Enterprise Linux");
        OsRelease sles = os("sles", List.of("suse"), "SLES");
        OsRelease leap = os("opensuse-leap", List.of("suse", "opensuse"), "openSUSE Leap");
        add("64", PASS, "$FileGroup adm", debian, rsyslog, setting("rsyslog", "FileGroup", "adm"));
        add("64", FAIL, "$FileGroup root", ubuntu, rsyslog, setting("rsyslog", "FileGroup", "root"));
        add("64", FAIL, "$FileGroup not set", ubuntu, rsyslog);
        add("64", NOT_APPLICABLE, "rsyslog is not configured", debian, noRsyslog);
        add("64", NOT_APPLICABLE, "on Debian and Ubuntu only", rhel, rsyslog, setting("rsyslog", "FileGroup", "x"));
        // Without os-release facts the distribution snippet cannot match; the others judge.
        add("64", PASS, "$FileGroup adm", rsyslog, setting("rsyslog", "FileGroup", "adm"));

        add("65", PASS, "$FileOwner syslog", rsyslog, setting("rsyslog", "FileOwner", "syslog"));
        add("65", FAIL, "$FileOwner root", rsyslog, setting("rsyslog", "FileOwner", "root"),
                setting("rsyslog", "FileOwner", "syslog"));
        add("65", FAIL, "$FileOwner not set", rsyslog);
        add("65", NOT_APPLICABLE, "rsyslog is not configured", noRsyslog, setting("rsyslog", "FileOwner", "root"));

        add("67", NOT_APPLICABLE, "not check this rule on SUSE", sles, rsyslog,
                setting("rsyslog", "remote-input", "/etc/rsyslog.conf: $ModLoad imudp"));
        add("67", NOT_APPLICABLE, "not check this rule on SUSE", leap, rsyslog);
        add("67", FAIL, "/etc/rsyslog.d/remote.conf: module(load=\"imtcp\")", debian, rsyslog,
                setting("rsyslog", "remote-input", "/etc/rsyslog.conf: $ModLoad imudp"),
                setting("rsyslog", "remote-input", "/etc/rsyslog.d/remote.conf: module(load=\"imtcp\")"));
        add("67", PASS, "no imudp or imtcp module loaded", debian, rsyslog);
        add("67", PASS, "no /etc/rsyslog.conf", rhel, noRsyslog);
        add("67", FAIL, "$ModLoad imtcp", noRsyslog, setting("rsyslog", "remote-input", "$ModLoad imtcp"));

        FileInfo cronJob = file("/etc/cron.daily/logrotate", 0755, "root", "root");
        add("68", PASS, "logrotate.timer enabled, active", new SystemService("logrotate.timer", "enabled", "active"),
                FileInfo.absent("/etc/cron.daily/logrotate"));
        add("68", FAIL, "logrotate.timer enabled, failed", new SystemService("logrotate.timer", "enabled", "failed"),
                cronJob);
        add("68", PASS, "logrotate.timer enabled (whether it runs now was not read)",
                new SystemService("logrotate.timer", "enabled", null));
        add("68", FAIL, "logrotate.timer static (whether it runs now was not read)",
                new SystemService("logrotate.timer", "static", null));
        add("68", PASS, "/etc/cron.daily/logrotate 0755 root:root", cronJob);
        add("68", FAIL, "/etc/cron.daily/logrotate 0775 root:root",
                file("/etc/cron.daily/logrotate", 0775, "root", "root"));
        add("68", FAIL, "/etc/cron.daily/logrotate 0700 root:adm",
                file("/etc/cron.daily/logrotate", 0700, "root", "adm"));
        add("68", FAIL, "neither logrotate.timer nor /etc/cron.daily/logrotate",
                FileInfo.absent("/etc/cron.daily/logrotate"));

        add("EnsureLoggingLevel", NOT_APPLICABLE, "not use the OSConfig agent");
    }

    private static void networkAndKernel() {
        add("3.6.2", PASS, "INPUT DROP", iptables("DROP", "DROP", "DROP"));
        add("3.6.2", FAIL, "OUTPUT ACCEPT", iptables("DROP", "DROP", "ACCEPT"));
        add("3.6.2", FAIL, "INPUT ACCEPT", setting("iptables", "INPUT", "ACCEPT"));
        add("3.6.2", UNKNOWN, "the iptables policies were not read: iptables -S: permission denied",
                runs(new CollectorRun("firewall", CollectorStatus.COLLECTED, "iptables -S: permission denied")),
                List.of(setting("ip6tables", "INPUT", "DROP")));
        add("3.6.2", UNKNOWN, "the iptables policies were not read: null",
                runs(new CollectorRun("firewall", CollectorStatus.PARTIAL, null)), List.of());
        add("3.6.2", UNKNOWN, "collector 'firewall' failed: no iptables",
                runs(CollectorRun.failed("firewall", "no iptables")), List.of());

        Setting eth0 = setting("interface", "eth0", "up,ethernet");
        add("48", PASS, "no interface in promiscuous mode", eth0, setting("interface", "wlan0", "down,wireless"));
        add("48", FAIL, "eth1 is in promiscuous mode", eth0, setting("interface", "eth1", "up,promisc,ethernet"),
                setting("interface", "eth2", "promisc"));
        add("48", FAIL, "/etc/network/interfaces: up ip link set eth0 promisc on", eth0,
                setting("network-config", "promisc", "/etc/network/interfaces: up ip link set eth0 promisc on"));
        add("48", UNKNOWN, "the network interfaces were not read: offline root",
                runs(new CollectorRun("interfaces", CollectorStatus.UNAVAILABLE, "offline root")), List.of());
        add("48", UNKNOWN, "the network interfaces were not read: no /sys/class/net",
                runs(CollectorRun.collected("interfaces", "no /sys/class/net")), List.of());
        add("48", FAIL, "/etc/rc.local: ifconfig eth0 promisc",
                runs(new CollectorRun("interfaces", CollectorStatus.UNAVAILABLE, "offline root")),
                List.of(setting("network-config", "promisc", "/etc/rc.local: ifconfig eth0 promisc")));
        add("48", UNKNOWN, "no verdict", runsWithout("interfaces"), List.of());

        add("49", PASS, "no wireless interface is up", eth0, setting("interface", "wlan0", "down,wireless"));
        add("49", FAIL, "wlan0 is a wireless interface and is up", eth0,
                setting("interface", "wlan0", "up,broadcast,wireless"), setting("interface", "wlan1", "up,wireless"));
        add("49", UNKNOWN, "the network interfaces were not read: no /sys/class/net",
                runs(CollectorRun.collected("interfaces", "no /sys/class/net")), List.of());
        add("49", UNKNOWN, "collector 'interfaces' unavailable: offline root",
                runs(new CollectorRun("interfaces", CollectorStatus.UNAVAILABLE, "offline root")), List.of());

        OsRelease debian = os("debian", List.of(), "Debian GNU/Linux");
        OsRelease ubuntu = os("ubuntu", List.of("debian"), "Ubuntu");
        OsRelease rhel = os("rhel", List.of("fedora"), "Red Hat Enterprise Linux");
        OsRelease rocky = os("rocky", List.of("rhel", "centos", "fedora"), "Rocky Linux");
        OsRelease sles = os("sles", List.of("suse"), "SLES");
        OsRelease azl = os("azurelinux", List.of(), "Microsoft Azure Linux");
        OsRelease mariner = os("mariner", List.of(), "CBL-Mariner");
        add("89", PASS, "NOZEROCONF=yes in /etc/sysconfig/network", rhel,
                setting("sysconfig/network", "NOZEROCONF", "yes"), setting("network-config", "ipv4ll", "x"));
        add("89", FAIL, "NOZEROCONF= in /etc/sysconfig/network", rocky,
                setting("sysconfig/network", "NOZEROCONF", ""));
        add("89", FAIL, "NOZEROCONF is not set", rocky);
        add("89", NOT_APPLICABLE, "zeroconf networking on SUSE", sles,
                setting("network-config", "ipv4ll", "/etc/network/interfaces: iface eth0 inet ipv4ll"));
        add("89", FAIL, "/etc/network/interfaces: iface eth0 inet ipv4ll", debian,
                setting("network-config", "ipv4ll", "/etc/network/interfaces: iface eth0 inet ipv4ll"),
                setting("sysconfig/network", "NOZEROCONF", "yes"));
        add("89", PASS, "no ipv4ll in /etc/network/interfaces", azl);
        add("89", UNKNOWN, "no verdict", setting("network-config", "ipv4ll", "x"));

        add("1.5.1", PASS, "* hard core 0", setting("limits", "* hard core", "0"),
                new Sysctl("fs.suid_dumpable", "0", "/etc/sysctl.d/50-coredump.conf"));
        add("1.5.1", FAIL, "* hard core unlimited", setting("limits", "* hard core", "unlimited"),
                new Sysctl("fs.suid_dumpable", "0", "runtime"));
        add("1.5.1", FAIL, "no '* hard core' limit", setting("limits", "* soft core", "0"),
                new Sysctl("fs.suid_dumpable", "0", "runtime"));
        add("1.5.1", FAIL, "fs.suid_dumpable=2", setting("limits", "* hard core", "0"),
                new Sysctl("fs.suid_dumpable", "2", "runtime"));
        add("1.5.1", UNKNOWN, "fs.suid_dumpable is not set", setting("limits", "* hard core", "0"));

        Setting ubuntuKernel = setting("kernel", "version",
                "Linux version 6.8.0-1014-azure (buildd@lcy02-amd64-055) #16~22.04.1-Ubuntu SMP");
        Setting debianKernel = setting("kernel", "version",
                "Linux version 6.1.0-18-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)");
        Setting customKernel = setting("kernel", "version", "Linux version 6.9.1-custom (me@box) #1 SMP");
        add("10", PASS, "-Ubuntu SMP", ubuntu, ubuntuKernel, setting("kernel", "release", "6.8.0-1014-azure"));
        add("10", FAIL, "6.9.1-custom", ubuntu, customKernel);
        add("10", PASS, "Debian 6.1.76-1", debian, debianKernel);
        add("10", FAIL, "6.9.1-custom", debian, customKernel);
        add("10", PASS, "kernel 5.14.0-362.8.1.el9_3.x86_64", rocky,
                setting("kernel", "release", "5.14.0-362.8.1.el9_3.x86_64"), customKernel);
        add("10", FAIL, "kernel 6.9.1-custom", rhel, setting("kernel", "release", "6.9.1-custom"));
        add("10", PASS, "SUSE", sles, setting("kernel", "version", "Linux version 5.14.21-150500.55.39-default "
                + "(geeko@buildhost) (gcc (SUSE Linux) 7.5.0) #1 SMP"));
        add("10", FAIL, "6.9.1-custom", sles, customKernel);
        add("10", PASS, "kernel 5.15.153.1-2.cm2", mariner, setting("kernel", "release", "5.15.153.1-2.cm2"));
        add("10", PASS, "kernel 6.6.47.1-1.azl3", azl, setting("kernel", "release", "6.6.47.1-1.azl3"));
        add("10", FAIL, "kernel 6.6.47-custom", azl, setting("kernel", "release", "6.6.47-custom"));
        add("10", UNKNOWN, "osbaseline does not know how Arch Linux marks the kernels it builds",
                os("arch", List.of(), "Arch Linux"), customKernel);
        add("10", UNKNOWN, "osbaseline does not know how gentoo marks", os("gentoo", List.of(), null), customKernel);
        add("10", UNKNOWN, "osbaseline does not know how Linux Mint marks",
                os("linuxmint", List.of("ubuntu", "debian"), "Linux Mint"), ubuntuKernel);
        // An offline root has no running kernel: no verdict.
        add("10", UNKNOWN, "no verdict", ubuntu);

        add("26", PASS, "nx among the CPU flags", setting("cpu", "flags", "fpu vme de pse nx rdtscp lm"));
        add("26", FAIL, "no nx among the CPU flags", setting("cpu", "flags", "fpu vme nxe pse"));
        add("26", NOT_APPLICABLE, "not an x86 processor", setting("cpu", "features", "fp asimd evtstrm aes"));
    }

    private static void servicesBootAndCron() {
        FileInfo mainCf = file("/etc/postfix/main.cf", 0644, "root", "root");
        add("122", PASS, "inet_interfaces = loopback-only", mainCf,
                setting("postfix", "inet_interfaces", "loopback-only"));
        add("122", FAIL, "inet_interfaces = all", mainCf, setting("postfix", "inet_interfaces", "all"));
        add("122", FAIL, "inet_interfaces not set (postfix's default: all)", mainCf);
        add("122", PASS, "no /etc/postfix/main.cf", FileInfo.absent("/etc/postfix/main.cf"));
        add("122", PASS, "inet_interfaces = 127.0.0.1", FileInfo.absent("/etc/postfix/main.cf"),
                setting("postfix", "inet_interfaces", "127.0.0.1"));

        InstalledPackage samba417 = new InstalledPackage("samba", "2:4.17.12+dfsg-0+deb12u1", "dpkg");
        InstalledPackage samba49 = new InstalledPackage("samba", "4.9.5-1.el7", "rpm");
        add("185", PASS, "server min protocol = SMB2", samba49, setting("smb.conf", "server min protocol", "SMB2"));
        add("185", FAIL, "server min protocol = NT1", samba417, setting("smb.conf", "server min protocol", "NT1"));
        add("185", PASS, "server min protocol not set: Samba 4.17.12 defaults to SMB2_02", samba417);
        add("185", FAIL, "server min protocol not set: Samba 4.9.5 defaults to NT1", samba49);
        add("185", PASS, "the Samba server (package samba) is not installed",
                new InstalledPackage("samba-client", "4.9.5-1.el7", "rpm"),
                setting("smb.conf", "server min protocol", "NT1"));

        add("31", PASS, "/boot/grub/grub.cfg: password_pbkdf2 root",
                setting("grub", "/boot/grub/grub.cfg", "password_pbkdf2 root grub.pbkdf2.sha512.10000.ABCD"));
        add("31", PASS, "/boot/grub/grub.conf: password --md5",
                setting("grub", "/boot/grub/grub.conf", "password --md5 $1$abc"));
        add("31", FAIL, "/boot/grub2/grub.cfg: password root secret",
                setting("grub", "/boot/grub2/grub.cfg", "password root secret"),
                setting("grub", "/boot/grub/grub.cfg", "password_pbkdf2 root grub.pbkdf2.sha512.10000.ABCD"));
        add("31", FAIL, "/boot/grub/grub.cfg: no password", setting("grub", "/boot/grub/grub.cfg", "no password"));
        add("31", NOT_APPLICABLE, "no GRUB configuration");
        // A partly read GRUB configuration with nothing found does not tell that there is none.
        add("31", UNKNOWN, "no verdict",
                runs(new CollectorRun("grub", CollectorStatus.PARTIAL, "/boot unreadable")), List.of());

        FileInfo cronAllow = file("/etc/cron.allow", 0600, "root", "root");
        FileInfo atAllow = file("/etc/at.allow", 0640, "root", "root");
        FileInfo noCronDeny = FileInfo.absent("/etc/cron.deny");
        FileInfo noAtDeny = FileInfo.absent("/etc/at.deny");
        InstalledPackage at = new InstalledPackage("at", "3.2.5-1", "dpkg");
        add("98", PASS, "no /etc/cron.deny or /etc/at.deny", noCronDeny, noAtDeny, cronAllow);
        add("98", PASS, "/etc/cron.allow 0600 root:root", noCronDeny, noAtDeny, cronAllow, at,
                file("/etc/at.allow", 0400, "root", "root"));
        add("98", FAIL, "/etc/cron.deny exists", file("/etc/cron.deny", 0600, "root", "root"), noAtDeny,
                cronAllow);
        add("98", FAIL, "/etc/at.deny exists", noCronDeny, file("/etc/at.deny", 0640, "root", "daemon"), cronAllow);
        add("98", FAIL, "/etc/cron.allow 0644 root:root", noCronDeny, noAtDeny,
                file("/etc/cron.allow", 0644, "root", "root"));
        add("98", FAIL, "/etc/cron.allow 0600 root:crontab", noCronDeny, noAtDeny,
                file("/etc/cron.allow", 0600, "root", "crontab"));
        add("98", FAIL, "no /etc/cron.allow", noCronDeny, noAtDeny, FileInfo.absent("/etc/cron.allow"));
        add("98", FAIL, "/etc/at.allow 0640 root:root", noCronDeny, noAtDeny, cronAllow, at, atAllow);
        add("98", FAIL, "at is installed and there is no /etc/at.allow", noCronDeny, noAtDeny, cronAllow, at,
                FileInfo.absent("/etc/at.allow"));
        // Without the at package, /etc/at.allow is not judged.
        add("98", PASS, "no /etc/cron.deny or /etc/at.deny", noCronDeny, noAtDeny, cronAllow,
                FileInfo.absent("/etc/at.allow"));
    }

    private static void add(String rule, Status status, String text, Fact... facts) {
        add(rule, status, text, runs(), List.of(facts));
    }

    private static void add(String rule, Status status, String text, List<CollectorRun> runs, List<Fact> facts) {
        CASES.add(new Case(rule, status, text, runs, facts));
    }

    /** Every collector the rules read, collected, but those given, which replace its run. */
    private static List<CollectorRun> runs(CollectorRun... replaced) {
        List<CollectorRun> out = new ArrayList<>();
        for (String c : COLLECTORS) {
            CollectorRun run = CollectorRun.collected(c, "read");
            for (CollectorRun r : replaced) {
                if (r.collector().equals(c)) {
                    run = r;
                }
            }
            out.add(run);
        }
        return out;
    }

    private static List<CollectorRun> runsWithout(String collector) {
        return runs().stream().filter(r -> !r.collector().equals(collector)).toList();
    }

    private static Setting setting(String namespace, String key, String value) {
        return new Setting(namespace, key, value);
    }

    private static Fact[] iptables(String input, String forward, String output) {
        return new Fact[] {setting("iptables", "INPUT", input), setting("iptables", "FORWARD", forward),
                setting("iptables", "OUTPUT", output)};
    }

    private static OsRelease os(String id, List<String> idLike, @CheckForNull String name) {
        return new OsRelease(id, idLike, null, name, null);
    }

    private static FileInfo file(String path, int mode, String owner, String group) {
        return new FileInfo(path, true, FileKind.FILE, mode, owner, group, 0, 0);
    }

    private static FileInfo dir(String path, int mode, String owner, String group) {
        return new FileInfo(path, true, FileKind.DIRECTORY, mode, owner, group, 0, 0);
    }
}

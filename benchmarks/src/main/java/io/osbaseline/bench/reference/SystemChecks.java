package io.osbaseline.bench.reference;

import static io.osbaseline.bench.reference.MachineFacts.get;
import static io.osbaseline.bench.reference.MachineFacts.settingKey;

import io.osbaseline.drl.Lines;
import io.osbaseline.drl.Versions;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written system rules of the Linux pack (logging, firewall and network, kernel, boot loader, cron, postfix
 * and Samba), written again in Java from their DRL snippets: one block per snippet, in the snippet's order, with the
 * same verdict and the same words. A snippet's pattern that joins several facts fires once per combination; where
 * the words do not depend on a fact, firing once per combination or once in all records the same verdict, since the
 * sheet keeps each actual value once.
 */
final class SystemChecks {
    /** The Java versions of these rules, by rule id, with the fingerprint of the DRL they were written from. */
    static final Map<String, HandWrittenChecks.Known> KNOWN = Map.ofEntries(
            Map.entry("60", new HandWrittenChecks.Known("82bdcf221e78", LoggingConfigured::new)),
            Map.entry("61.1", new HandWrittenChecks.Known("3b0e2fba9f6d", JournaldPersists::new)),
            Map.entry("62", new HandWrittenChecks.Known("bb8e91342dde", LoggerEnabled::new)),
            Map.entry("63", new HandWrittenChecks.Known("715b79fc5a71", LogFileMode::new)),
            Map.entry("64", new HandWrittenChecks.Known("8eecac39e41d", LogFileGroup::new)),
            Map.entry("65", new HandWrittenChecks.Known("522fa8fb34d2", LogFileOwner::new)),
            Map.entry("67", new HandWrittenChecks.Known("19528e22f910", NoRemoteSyslogInput::new)),
            Map.entry("68", new HandWrittenChecks.Known("13b44dc17738", LogrotateEnabled::new)),
            Map.entry("EnsureLoggingLevel", new HandWrittenChecks.Known("2860ae969b15", OsConfigLoggingLevel::new)),
            Map.entry("3.6.2", new HandWrittenChecks.Known("3b9608cd6fad", DefaultDenyFirewall::new)),
            Map.entry("48", new HandWrittenChecks.Known("cd64f816b441", NoPromiscuousInterface::new)),
            Map.entry("49", new HandWrittenChecks.Known("89ab80b113f1", NoWirelessInterfaceUp::new)),
            Map.entry("89", new HandWrittenChecks.Known("338d2f8c13c3", ZeroconfDisabled::new)),
            Map.entry("1.5.1", new HandWrittenChecks.Known("fa0585383735", CoreDumpsRestricted::new)),
            Map.entry("10", new HandWrittenChecks.Known("1dd35a143ebc", DistributionKernel::new)),
            Map.entry("26", new HandWrittenChecks.Known("d74e3d4ad193", NoExecuteSupport::new)),
            Map.entry("122", new HandWrittenChecks.Known("337241842725", PostfixLocalOnly::new)),
            Map.entry("185", new HandWrittenChecks.Known("a5b8ca979c27", SambaNoSmb1::new)),
            Map.entry("31", new HandWrittenChecks.Known("b1de8520a3d1", BootloaderPassword::new)),
            Map.entry("98", new HandWrittenChecks.Known("98d1b6643ec8", CronRestricted::new)));

    private static final Set<String> RHEL_IDS = Set.of("rhel", "centos", "almalinux", "rocky", "ol");
    private static final Set<String> SUSE_IDS = Set.of("sles", "sled", "opensuse-leap");
    private static final List<String> LOGGERS = List.of("rsyslog.service", "syslog-ng.service",
            "systemd-journald.service");
    private static final Set<String> ENABLED_OR_STATIC = Set.of("enabled", "enabled-runtime", "static");

    private SystemChecks() {
    }

    /** Base for the hand-written checks: the rule's YAML states what they require and, mostly, what they expect. */
    private abstract static class SystemCheck extends ReferenceCheck {
        @Override
        List<String> requires() {
            return List.of();
        }

        @Override
        String expected() {
            return "";
        }

        /**
         * Judges rsyslog's {@code $KEY} directive against {@code expected}; without /etc/rsyslog.conf the rule is
         * NOT_APPLICABLE, and an unset directive fails with {@code unset}.
         */
        final void judgeRsyslogDirective(MachineFacts facts, VerdictSheet sheet, String key, Judged expected,
                String unset) {
            if (absent(facts, "/etc/rsyslog.conf")) {
                notApplicable(sheet, "rsyslog is not configured (no /etc/rsyslog.conf)");
            }
            if (exists(facts, "/etc/rsyslog.conf")) {
                List<Setting> values = settings(facts, "rsyslog", key);
                values.forEach(v -> judge(sheet, expected, v.value(), "$" + key + " " + v.value()));
                if (values.isEmpty()) {
                    fail(sheet, "$" + key + " not set: " + unset);
                }
            }
        }
    }

    /** 60: /var/log holds a syslog, messages or *.log file. */
    static final class LoggingConfigured extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> files = settings(facts, "var-log", "files");
            for (Setting f : files) {
                List<String> names = List.of(f.value().split(" "));
                String hit = names.contains("syslog") ? "syslog" : names.contains("messages") ? "messages"
                        : Lines.firstFind(names, "^\\S+\\.log$");
                check(sheet, hit != null, hit != null ? "/var/log/" + hit
                        : "no syslog, messages or *.log file in /var/log");
            }
            if (files.isEmpty()) {
                unknown(sheet, "the names of the files in /var/log could not be read");
            }
        }
    }

    /**
     * 61.1: systemd-journald keeps its journal on disk: Storage is persistent, or auto (also when unset) with a
     * /var/log/journal directory owned by root, mode 2775 or stricter; volatile or none fails.
     */
    static final class JournaldPersists extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (get(facts.servicesByName, "systemd-journald.service").isEmpty()) {
                notApplicable(sheet, "systemd-journald is not installed");
                return;
            }
            List<Setting> storage = settings(facts, "journald", "Storage");
            List<FileInfo> journal = get(facts.filesByPath, "/var/log/journal");
            for (Setting s : storage) {
                switch (s.value()) {
                    case "volatile", "none" -> fail(sheet, "Storage=" + s.value());
                    case "persistent" -> journal.forEach(d -> check(sheet,
                            !d.exists() || rootDirectoryAtMost2775(d), "Storage=persistent; /var/log/journal "
                                    + (d.exists() ? d.describe() : "not created yet (journald creates it)")));
                    case "auto" -> journal.forEach(d -> check(sheet, d.exists() && rootDirectoryAtMost2775(d),
                            "Storage=auto; /var/log/journal " + d.describe()));
                    default -> {
                        // No snippet judges another value: the rule has no verdict.
                    }
                }
            }
            if (storage.isEmpty()) {
                journal.forEach(d -> check(sheet, d.exists() && rootDirectoryAtMost2775(d),
                        "Storage not set (auto); /var/log/journal " + d.describe()));
            }
        }

        private static boolean rootDirectoryAtMost2775(FileInfo d) {
            return d.kind() == FileKind.DIRECTORY && d.modeAtMost(02775) && "root".equals(d.owner());
        }
    }

    /**
     * 62: a logger (rsyslog, syslog-ng or systemd-journald) runs; where whether a unit runs was not read, one is
     * enabled or static.
     */
    static final class LoggerEnabled extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean installed = false;
            boolean live = false;
            boolean running = false;
            boolean offline = false;
            boolean enabled = false;
            for (String name : LOGGERS) {
                for (SystemService s : get(facts.servicesByName, name)) {
                    installed = true;
                    if (s.active()) {
                        pass(sheet, s.name() + " " + s.describe());
                        running = true;
                    }
                    if (s.activeState() != null) {
                        live = true;
                    } else {
                        offline = true;
                        if (ENABLED_OR_STATIC.contains(s.unitFileState())) {
                            pass(sheet, s.name() + " " + s.unitFileState() + " (whether it runs now was not read)");
                            enabled = true;
                        }
                    }
                }
            }
            if (live && !running) {
                fail(sheet, "none of rsyslog.service, syslog-ng.service, systemd-journald.service is running");
            }
            if (offline && !enabled) {
                fail(sheet, "none of rsyslog.service, syslog-ng.service, systemd-journald.service is enabled");
            }
            if (!installed) {
                fail(sheet, "none of rsyslog.service, syslog-ng.service, systemd-journald.service is installed");
            }
        }
    }

    /**
     * 63: the mode rsyslog ($FileCreateMode, default 0644) and syslog-ng (perm(), default 0600) create log files with
     * is 0600 or 0640; neither configured is not applicable.
     */
    static final class LogFileMode extends SystemCheck {
        private final Judged rsyslog = judged("rsyslog", "in 0600|0640");
        private final Judged rsyslogDefault = judged("rsyslog", "in 0600|0640");
        private final Judged syslogNg = judged("syslog-ng", "in 0600|0640");
        private final Judged syslogNgDefault = judged("syslog-ng", "in 0600|0640");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (exists(facts, "/etc/rsyslog.conf")) {
                List<Setting> modes = settings(facts, "rsyslog", "FileCreateMode");
                modes.forEach(m -> judge(sheet, rsyslog, m.value(), "$FileCreateMode " + m.value()));
                if (modes.isEmpty()) {
                    judge(sheet, rsyslogDefault, "0644", "$FileCreateMode not set (rsyslog's default: 0644)");
                }
            }
            if (exists(facts, "/etc/syslog-ng/syslog-ng.conf")) {
                List<Setting> perms = settings(facts, "syslog-ng", "perm");
                perms.forEach(p -> judge(sheet, syslogNg, p.value(), "syslog-ng perm(" + p.value() + ")"));
                if (perms.isEmpty()) {
                    judge(sheet, syslogNgDefault, "0600", "syslog-ng perm() not set (syslog-ng's default: 0600)");
                }
            }
            if (absent(facts, "/etc/rsyslog.conf") && absent(facts, "/etc/syslog-ng/syslog-ng.conf")) {
                notApplicable(sheet, "neither rsyslog nor syslog-ng is configured");
            }
        }
    }

    /** 64: rsyslog's $FileGroup is adm, on Debian and Ubuntu only. */
    static final class LogFileGroup extends SystemCheck {
        private final Judged group = judged(null, "= adm");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (OsRelease o : facts.osReleases) {
                if (!o.id().equals("debian") && !o.idLike().contains("debian")) {
                    notApplicable(sheet, "the baseline checks $FileGroup adm on Debian and Ubuntu only");
                }
            }
            judgeRsyslogDirective(facts, sheet, "FileGroup", group, "log files get the group rsyslogd runs as");
        }
    }

    /** 65: rsyslog's $FileOwner is syslog. */
    static final class LogFileOwner extends SystemCheck {
        private final Judged owner = judged(null, "= syslog");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            judgeRsyslogDirective(facts, sheet, "FileOwner", owner, "log files belong to the user rsyslogd runs as");
        }
    }

    /** 67: rsyslog loads no imudp or imtcp module (remote input); not checked on SUSE. */
    static final class NoRemoteSyslogInput extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (OsRelease o : facts.osReleases) {
                if (suseLike(o)) {
                    notApplicable(sheet, "the baseline does not check this rule on SUSE");
                }
            }
            List<Setting> inputs = settings(facts, "rsyslog", "remote-input");
            inputs.forEach(r -> fail(sheet, r.value()));
            if (exists(facts, "/etc/rsyslog.conf") && inputs.isEmpty()) {
                pass(sheet, "no imudp or imtcp module loaded");
            }
            if (absent(facts, "/etc/rsyslog.conf")) {
                pass(sheet, "no /etc/rsyslog.conf");
            }
        }
    }

    /**
     * 68: logrotate.timer runs (enabled, when whether it runs was not read); without the timer,
     * /etc/cron.daily/logrotate is owned by root:root with mode 0755 or stricter.
     */
    static final class LogrotateEnabled extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<SystemService> timers = get(facts.servicesByName, "logrotate.timer");
            for (SystemService t : timers) {
                if (t.active()) {
                    pass(sheet, t.name() + " " + t.describe());
                } else if (t.activeState() != null) {
                    fail(sheet, t.name() + " " + t.describe());
                } else {
                    check(sheet, t.enabled(), t.name() + " " + t.unitFileState()
                            + " (whether it runs now was not read)");
                }
            }
            if (timers.isEmpty()) {
                for (FileInfo f : get(facts.filesByPath, "/etc/cron.daily/logrotate")) {
                    if (f.exists()) {
                        check(sheet, f.modeAtMost(0755) && "root".equals(f.owner()) && "root".equals(f.group()),
                                "/etc/cron.daily/logrotate " + f.describe());
                    } else {
                        fail(sheet, "neither logrotate.timer nor /etc/cron.daily/logrotate");
                    }
                }
            }
        }
    }

    /** EnsureLoggingLevel: an OSConfig agent setting, not applicable on every machine. */
    static final class OsConfigLoggingLevel extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            notApplicable(sheet, "an OSConfig agent setting, not an operating system control; osbaseline does not use"
                    + " the OSConfig agent");
        }
    }

    /** 3.6.2: the iptables INPUT, FORWARD and OUTPUT policies are DROP. */
    static final class DefaultDenyFirewall extends SystemCheck {
        private final List<String> chains = List.of("INPUT", "FORWARD", "OUTPUT");
        private final List<Judged> policies = chains.stream().map(c -> judged(c, "= DROP")).toList();

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (int i = 0; i < chains.size(); i++) {
                for (Setting p : settings(facts, "iptables", chains.get(i))) {
                    judge(sheet, policies.get(i), p.value(), chains.get(i) + " " + p.value());
                }
            }
            if (get(facts.settingsByNamespace, "iptables").isEmpty()) {
                for (CollectorRun r : get(facts.runsByCollector, "firewall")) {
                    unknown(sheet, "the iptables policies were not read: " + r.detail());
                }
            }
        }
    }

    /** 48: no interface is in promiscuous mode, and no promisc in the network configuration. */
    static final class NoPromiscuousInterface extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> interfaces = get(facts.settingsByNamespace, "interface");
            boolean promiscuous = false;
            for (Setting i : interfaces) {
                if (i.value().matches("(.*,)?promisc(,.*)?")) {
                    fail(sheet, i.key() + " is in promiscuous mode");
                    promiscuous = true;
                }
            }
            List<Setting> configured = settings(facts, "network-config", "promisc");
            configured.forEach(c -> fail(sheet, c.value()));
            if (interfaces.isEmpty()) {
                interfacesNotRead(this, facts, sheet);
            } else if (!promiscuous && configured.isEmpty()) {
                pass(sheet, "no interface in promiscuous mode");
            }
        }
    }

    /** 49: no wireless interface is up. */
    static final class NoWirelessInterfaceUp extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> interfaces = get(facts.settingsByNamespace, "interface");
            boolean up = false;
            for (Setting i : interfaces) {
                if (i.value().matches("up(,.*)?,wireless")) {
                    fail(sheet, i.key() + " is a wireless interface and is up");
                    up = true;
                }
            }
            if (interfaces.isEmpty()) {
                interfacesNotRead(this, facts, sheet);
            } else if (!up) {
                pass(sheet, "no wireless interface is up");
            }
        }
    }

    /**
     * 89: zeroconf networking is off: NOZEROCONF set on the RHEL family, no ipv4ll interface elsewhere; SUSE is not
     * checked.
     */
    static final class ZeroconfDisabled extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (OsRelease o : facts.osReleases) {
                if (rhelLike(o)) {
                    List<Setting> set = settings(facts, "sysconfig/network", "NOZEROCONF");
                    set.forEach(s -> check(sheet, !s.value().isEmpty(),
                            "NOZEROCONF=" + s.value() + " in /etc/sysconfig/network"));
                    if (set.isEmpty()) {
                        fail(sheet, "NOZEROCONF is not set in /etc/sysconfig/network");
                    }
                }
                if (suseLike(o)) {
                    notApplicable(sheet, "the baseline does not check zeroconf networking on SUSE");
                }
                if (!rhelLike(o) && !suseLike(o)) {
                    List<Setting> ipv4ll = settings(facts, "network-config", "ipv4ll");
                    ipv4ll.forEach(c -> fail(sheet, c.value()));
                    if (ipv4ll.isEmpty()) {
                        pass(sheet, "no ipv4ll in /etc/network/interfaces");
                    }
                }
            }
        }
    }

    /** 1.5.1: a '* hard core 0' limit, and fs.suid_dumpable = 0. */
    static final class CoreDumpsRestricted extends SystemCheck {
        private final Judged limit = judged("* hard core", "= 0");
        private final Judged suidDumpable = judged("fs.suid_dumpable", "= 0");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> limits = settings(facts, "limits", "* hard core");
            limits.forEach(l -> judge(sheet, limit, l.value(), "* hard core " + l.value()));
            if (limits.isEmpty()) {
                fail(sheet, "no '* hard core' limit in /etc/security/limits.conf or limits.d");
            }
            List<Sysctl> sysctls = get(facts.sysctlByKey, "fs.suid_dumpable");
            sysctls.forEach(s -> judge(sheet, suidDumpable, s.value(), "fs.suid_dumpable=" + s.value()));
            if (sysctls.isEmpty()) {
                unknown(sheet, "fs.suid_dumpable is not set in the persistent sysctl configuration and its runtime "
                        + "value was not read; the kernel default applies");
            }
        }
    }

    /** 10: the running kernel bears its distribution's mark; UNKNOWN on a distribution whose mark is not known. */
    static final class DistributionKernel extends SystemCheck {
        private static final Set<String> KNOWN_IDS = Set.of("ubuntu", "debian", "rhel", "centos", "almalinux",
                "rocky", "ol", "sles", "sled", "opensuse-leap", "mariner", "azurelinux");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> versions = settings(facts, "kernel", "version");
            List<Setting> releases = settings(facts, "kernel", "release");
            for (OsRelease o : facts.osReleases) {
                if (o.id().equals("ubuntu")) {
                    versions.forEach(v -> check(sheet, v.value().contains("-Ubuntu"), v.value()));
                }
                if (o.id().equals("debian")) {
                    versions.forEach(v -> check(sheet, v.value().matches(".* Debian .*"), v.value()));
                }
                if (rhelLike(o)) {
                    releases.forEach(r -> check(sheet, r.value().matches(".*\\.el[0-9]+.*"), "kernel " + r.value()));
                }
                if (suseLike(o)) {
                    versions.forEach(v -> check(sheet, v.value().contains("SUSE"), v.value()));
                }
                if (o.id().equals("mariner") || o.id().equals("azurelinux")) {
                    releases.forEach(r -> check(sheet, r.value().matches(".*\\.(cm|azl)[0-9]+.*"),
                            "kernel " + r.value()));
                }
                if (!KNOWN_IDS.contains(o.id()) && !o.idLike().contains("rhel") && !o.idLike().contains("suse")
                        && !versions.isEmpty()) {
                    unknown(sheet, "osbaseline does not know how " + (o.name() != null ? o.name() : o.id())
                            + " marks the kernels it builds");
                }
            }
        }
    }

    /** 26: the processor has the nx flag; not applicable on processors that are not x86. */
    static final class NoExecuteSupport extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (Setting f : settings(facts, "cpu", "flags")) {
                boolean nx = (" " + f.value() + " ").contains(" nx ");
                check(sheet, nx, nx ? "nx among the CPU flags" : "no nx among the CPU flags");
            }
            if (!settings(facts, "cpu", "features").isEmpty()) {
                notApplicable(sheet, "XD/NX is an x86 processor feature, and this is not an x86 processor");
            }
        }
    }

    /** 122: postfix listens on the loopback interface only (inet_interfaces, default all), if it is configured. */
    static final class PostfixLocalOnly extends SystemCheck {
        private final Judged set = judged(null, "in localhost|loopback-only|127.0.0.1");
        private final Judged unset = judged(null, "in localhost|loopback-only|127.0.0.1");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> interfaces = settings(facts, "postfix", "inet_interfaces");
            interfaces.forEach(s -> judge(sheet, set, s.value(), "inet_interfaces = " + s.value()));
            if (exists(facts, "/etc/postfix/main.cf") && interfaces.isEmpty()) {
                judge(sheet, unset, "all", "inet_interfaces not set (postfix's default: all)");
            }
            if (absent(facts, "/etc/postfix/main.cf")) {
                pass(sheet, "no /etc/postfix/main.cf");
            }
        }
    }

    /**
     * 185: while the samba package is installed, Samba's server min protocol is SMB2 or later; unset, it is the
     * default of the installed version (SMB2_02 since 4.11, NT1 before).
     */
    static final class SambaNoSmb1 extends SystemCheck {
        private final Judged set = judged(null, "matches (?i)SMB[23].*");
        private final Judged unset = judged(null, "matches (?i)SMB[23].*");

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<InstalledPackage> samba = get(facts.packagesByName, "samba");
            List<Setting> protocols = settings(facts, "smb.conf", "server min protocol");
            for (InstalledPackage p : samba) {
                protocols.forEach(s -> judge(sheet, set, s.value(), "server min protocol = " + s.value()));
                if (protocols.isEmpty()) {
                    String effective = Versions.atLeast(p.version(), "4.11") ? "SMB2_02" : "NT1";
                    judge(sheet, unset, effective, "server min protocol not set: Samba "
                            + Versions.upstream(p.version()) + " defaults to " + effective);
                }
            }
            if (samba.isEmpty()) {
                pass(sheet, "the Samba server (package samba) is not installed");
            }
        }
    }

    /** 31: every GRUB configuration sets a hashed password; no GRUB configuration is not applicable. */
    static final class BootloaderPassword extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Setting> grub = get(facts.settingsByNamespace, "grub");
            for (Setting g : grub) {
                check(sheet, g.value().startsWith("password_pbkdf2") || g.value().startsWith("password --"),
                        g.key() + ": " + g.value());
            }
            if (grub.isEmpty() && get(facts.runsByCollector, "grub").stream()
                    .anyMatch(r -> r.status() == CollectorStatus.COLLECTED)) {
                notApplicable(sheet, "no GRUB configuration (/boot/grub/grub.cfg, /boot/grub2/grub.cfg,"
                        + " /boot/grub/grub.conf)");
            }
        }
    }

    /**
     * 98: no cron.deny or at.deny; cron.allow exists, owned by root:root, mode 0600 or stricter; the same for
     * at.allow when the at package is installed.
     */
    static final class CronRestricted extends SystemCheck {
        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (exists(facts, "/etc/cron.deny")) {
                fail(sheet, "/etc/cron.deny exists");
            }
            if (exists(facts, "/etc/at.deny")) {
                fail(sheet, "/etc/at.deny exists");
            }
            if (absent(facts, "/etc/cron.deny") && absent(facts, "/etc/at.deny")) {
                pass(sheet, "no /etc/cron.deny or /etc/at.deny");
            }
            allowList(facts, sheet, "/etc/cron.allow", "no /etc/cron.allow");
            if (!get(facts.packagesByName, "at").isEmpty()) {
                allowList(facts, sheet, "/etc/at.allow", "at is installed and there is no /etc/at.allow");
            }
        }

        private void allowList(MachineFacts facts, VerdictSheet sheet, String path, String missing) {
            for (FileInfo f : get(facts.filesByPath, path)) {
                if (f.exists()) {
                    check(sheet, f.modeAtMost(0600) && "root".equals(f.owner()) && "root".equals(f.group()),
                            path + " " + f.describe());
                } else {
                    fail(sheet, missing);
                }
            }
        }
    }

    /** The UNKNOWN of 48 and 49 when no interface was read: once per run of the interfaces collector. */
    private static void interfacesNotRead(ReferenceCheck check, MachineFacts facts, VerdictSheet sheet) {
        for (CollectorRun r : get(facts.runsByCollector, "interfaces")) {
            check.unknown(sheet, "the network interfaces were not read: " + r.detail());
        }
    }

    private static List<Setting> settings(MachineFacts facts, String namespace, String key) {
        return get(facts.settingsByNamespaceAndKey, settingKey(namespace, key));
    }

    /** Whether a FileInfo says the path exists. */
    private static boolean exists(MachineFacts facts, String path) {
        return get(facts.filesByPath, path).stream().anyMatch(FileInfo::exists);
    }

    /** Whether a FileInfo says the path does not exist; with no FileInfo for it, neither this nor exists holds. */
    private static boolean absent(MachineFacts facts, String path) {
        return get(facts.filesByPath, path).stream().anyMatch(f -> !f.exists());
    }

    private static boolean rhelLike(OsRelease o) {
        return RHEL_IDS.contains(o.id()) || o.idLike().contains("rhel");
    }

    private static boolean suseLike(OsRelease o) {
        return SUSE_IDS.contains(o.id()) || o.idLike().contains("suse");
    }
}

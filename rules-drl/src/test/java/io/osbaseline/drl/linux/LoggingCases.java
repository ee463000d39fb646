package io.osbaseline.drl.linux;

import static io.osbaseline.drl.linux.AzureLinuxRulesTest.rule;

import io.osbaseline.drl.linux.AzureLinuxRulesTest.RuleCase;
import java.util.stream.Stream;

/** Rule cases of the Azure Linux baseline: system logging, log rotation and auditing. */
final class LoggingCases {
    private LoggingCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                rule("60", "/var/log/syslog", r -> r.delete("/var/log/syslog"),
                        "no syslog, messages or *.log file in /var/log"),
                rule("61", "rsyslog 8.2302.0-1 installed",
                        r -> r.edit("/var/lib/dpkg/status", "Package: rsyslog\nStatus: install ok installed",
                                "Package: rsyslog\nStatus: deinstall ok config-files"),
                        "not installed"),
                rule("61.1", "Storage=persistent; /var/log/journal 2755 root:root",
                        r -> r.file("/etc/systemd/journald.conf.d/50-volatile.conf", "[Journal]", "Storage=volatile"),
                        "Storage=volatile"),
                rule("62", "rsyslog.service enabled, active; systemd-journald.service static, active",
                        r -> r.running().unit("rsyslog.service", "failed").unit("systemd-journald.service",
                                "inactive"),
                        "none of rsyslog.service, syslog-ng.service, systemd-journald.service is running"),
                rule("63", "$FileCreateMode 0640",
                        r -> r.file("/etc/rsyslog.d/90-world.conf", "$FileCreateMode 0644"),
                        "$FileCreateMode 0644"),
                rule("63.1", "/etc/rsyslog.conf 0640 root:root", r -> r.mode("/etc/rsyslog.conf", 0644),
                        "/etc/rsyslog.conf 0644 root:root"),
                rule("64", "$FileGroup adm", r -> r.edit("/etc/rsyslog.conf", "$FileGroup adm", "$FileGroup root"),
                        "$FileGroup root"),
                rule("65", "$FileOwner syslog", r -> r.edit("/etc/rsyslog.conf", "$FileOwner syslog", ""),
                        "$FileOwner not set: log files belong to the user rsyslogd runs as"),
                rule("67", "no imudp or imtcp module loaded",
                        r -> r.file("/etc/rsyslog.d/10-server.conf", "module(load=\"imtcp\")",
                                "input(type=\"imtcp\" port=\"514\")"),
                        "/etc/rsyslog.d/10-server.conf:1: module(load=\"imtcp\")"),
                rule("68", "logrotate.timer enabled, active",
                        r -> r.running().unit("logrotate.timer", "inactive"), "logrotate.timer enabled, inactive"),
                rule("162", "auditd.service enabled, active",
                        r -> r.delete("/etc/systemd/system/multi-user.target.wants/auditd.service"),
                        "auditd.service is not enabled"),
                rule("163", "auditd.service enabled, active", r -> r.running().unit("auditd.service", "failed"),
                        "auditd.service enabled, failed"));
    }
}

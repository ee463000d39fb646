package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingCollectorTest {
    @TempDir
    Path dir;

    private static Outcome collect(TestRoot r) {
        return Outcome.offline(new LoggingCollector(), r);
    }

    @Test
    void ubuntuRsyslogWithLegacyDirectivesAndIncludes() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/rsyslog.conf", "module(load=\"imuxsock\") # provides support for local system logging",
                "#module(load=\"imudp\")", "#input(type=\"imudp\" port=\"514\")", "module(load=\"imklog\" "
                + "permitnonkernelfacility=\"on\")", "$RepeatedMsgReduction on", "$FileOwner syslog",
                "$FileGroup adm", "$FileCreateMode 0644", "$DirCreateMode 0755", "$Umask 0022",
                "$PrivDropToUser syslog", "$IncludeConfig /etc/rsyslog.d/*.conf");
        r.file("/etc/rsyslog.d/20-ufw.conf", ":msg,contains,\"[UFW \" /var/log/ufw.log");
        r.file("/etc/rsyslog.d/50-default.conf", "$FileCreateMode 0640", "*.*;auth,authpriv.none -/var/log/syslog");
        r.file("/etc/rsyslog.d/60-remote.conf", "/* a receiver", "module(load=\"imtcp\")", "*/",
                "$ModLoad imudp", "$UDPServerRun 514");

        Outcome o = collect(r);

        assertThat(o.facts(Setting.class)).filteredOn(s -> s.namespace().equals("rsyslog")).containsExactly(
                new Setting("rsyslog", "FileCreateMode", "0640"),
                new Setting("rsyslog", "FileGroup", "adm"),
                new Setting("rsyslog", "FileOwner", "syslog"),
                new Setting("rsyslog", "remote-input", "/etc/rsyslog.d/60-remote.conf:4: $ModLoad imudp"));
        assertThat(o.run().detail()).isEqualTo("/etc/rsyslog.conf and 3 included files; no /var/log");
    }

    @Test
    void rainerScriptModuleLoadsOverSeveralLinesAndOmfileParameters() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/rsyslog.conf", "module(load=\"builtin:omfile\"", "       fileOwner=\"root\"",
                "       fileGroup=\"adm\" fileCreateMode=\"0600\")", "include(file=\"/etc/rsyslog.d/*.conf\" "
                + "mode=\"optional\")");
        r.file("/etc/rsyslog.d/10-receive.conf", "module(", "  load=\"imtcp\" MaxSessions=\"500\"", ")",
                "input(type=\"imtcp\" port=\"514\")");

        assertThat(collect(r).facts(Setting.class)).filteredOn(s -> s.namespace().equals("rsyslog")).containsExactly(
                new Setting("rsyslog", "FileCreateMode", "0600"),
                new Setting("rsyslog", "FileGroup", "adm"),
                new Setting("rsyslog", "FileOwner", "root"),
                new Setting("rsyslog", "remote-input", "/etc/rsyslog.d/10-receive.conf:1: module("));
    }

    @Test
    void syslogNgPermOfTheLastOptionsBlockWithIncludes() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/syslog-ng/syslog-ng.conf", "@version: 3.38", "@include \"scl.conf\"",
                "options { chain_hostnames(off); flush_lines(0); use_dns(no);", "  perm(0644); # world readable",
                "  stats(freq(0)); };", "@include \"/etc/syslog-ng/conf.d/*.conf\"");
        r.file("/etc/syslog-ng/scl.conf", "# nothing");
        r.file("/etc/syslog-ng/conf.d/hardening.conf", "options {", "  perm(0640);", "};");

        Outcome o = collect(r);

        assertThat(o.facts(Setting.class)).contains(new Setting("syslog-ng", "perm", "0640"));
        assertThat(LoggingCollector.perm("options { use_dns(no); };")).isEmpty();
    }

    @Test
    void journaldMainFileThenDropInsInNameOrderWithMasking() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/systemd/journald.conf", "[Journal]", "#Storage=auto", "Compress=yes", "[Other]",
                "Storage=none");
        r.file("/usr/lib/systemd/journald.conf.d/10-vendor.conf", "[Journal]", "Storage=volatile");
        r.file("/usr/lib/systemd/journald.conf.d/20-masked.conf", "[Journal]", "Storage=none");
        r.symlink("/etc/systemd/journald.conf.d/20-masked.conf", "/dev/null");
        r.file("/etc/systemd/journald.conf.d/30-persist.conf", "[Journal]", "Storage=persistent");

        Outcome o = collect(r);

        assertThat(o.facts(Setting.class)).filteredOn(s -> s.namespace().equals("journald")).containsExactly(
                new Setting("journald", "Compress", "yes"), new Setting("journald", "Storage", "persistent"));
        assertThat(o.run().detail()).isEqualTo("journald configuration from 3 files; no /var/log");
    }

    @Test
    void varLogCurrentFilesWithoutRotatedCopiesOrDirectories() {
        TestRoot r = new TestRoot(dir);
        r.file("/var/log/syslog", "x").file("/var/log/syslog.1", "x").file("/var/log/syslog.2.gz", "x")
                .file("/var/log/dpkg.log", "x").file("/var/log/messages-20240107", "x").file("/var/log/apt/history.log")
                .dir("/var/log/journal");

        Outcome o = collect(r);

        assertThat(o.facts(Setting.class)).containsExactly(new Setting("var-log", "files", "dpkg.log syslog"));
        assertThat(o.run()).isEqualTo(new CollectorRun("logging", CollectorStatus.COLLECTED,
                "2 current log files in /var/log"));
    }

    @Test
    void noLoggerAndNoVarLog() {
        Outcome o = collect(new TestRoot(dir).dir("/etc"));

        assertThat(o.facts(Setting.class)).containsExactly(new Setting("var-log", "files", ""));
        assertThat(o.run().detail()).isEqualTo("no /var/log");
    }
}

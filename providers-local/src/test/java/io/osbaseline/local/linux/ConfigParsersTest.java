package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors of single configuration files: limits, postfix, samba, inetd.conf. */
class ConfigParsersTest {
    @TempDir
    Path dir;

    @Test
    void limitsConfThenLimitsDInNameOrderAndDashSetsBothTypes() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/security/limits.conf", "# <domain> <type> <item> <value>", "*    soft core 0",
                "*    hard core unlimited", "@student - maxlogins 4", "ftp  hard nproc 0 # the ftp account",
                "malformed line");
        r.file("/etc/security/limits.d/90-nocore.conf", "* hard core 0");
        r.file("/etc/security/limits.d/README", "* hard core unlimited");

        Outcome o = Outcome.offline(new LimitsCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("limits", "* soft core", "0"),
                new Setting("limits", "@student soft maxlogins", "4"),
                new Setting("limits", "@student hard maxlogins", "4"),
                new Setting("limits", "ftp hard nproc", "0"),
                new Setting("limits", "* hard core", "0"));
        assertThat(o.run().detail()).isEqualTo("5 limits from 2 files");
    }

    @Test
    void noLimitsConfiguration() {
        Outcome o = Outcome.offline(new LimitsCollector(), new TestRoot(dir).dir("/etc"));

        assertThat(o.facts()).isEmpty();
        assertThat(o.run().detail()).isEqualTo("no /etc/security/limits.conf and no /etc/security/limits.d");
    }

    @Test
    void postfixMainCfContinuationLinesAndTheLastDefinitionWins() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/postfix/main.cf", "# See /usr/share/postfix/main.cf.dist", "smtpd_banner = $myhostname ESMTP",
                "inet_interfaces = all", "mydestination = $myhostname,", "    localhost.localdomain, localhost", "",
                "inet_interfaces = loopback-only");

        Outcome o = Outcome.offline(new PostfixCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("postfix", "smtpd_banner", "$myhostname ESMTP"),
                new Setting("postfix", "mydestination", "$myhostname, localhost.localdomain, localhost"),
                new Setting("postfix", "inet_interfaces", "loopback-only"));
        assertThat(o.run().detail()).isEqualTo("3 parameters from /etc/postfix/main.cf");
        assertThat(Outcome.offline(new PostfixCollector(), new TestRoot(dir.resolve("empty")).dir("/etc")).run())
                .isEqualTo(new CollectorRun("postfix", CollectorStatus.COLLECTED,
                        "no /etc/postfix/main.cf: postfix not configured"));
    }

    @Test
    void sambaGlobalParametersWithSynonymsIncludesAndContinuations() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/samba/smb.conf", "# Samba configuration", "[Global]", "   Workgroup = WORKGROUP",
                "   Min   Protocol = NT1", "   server string = %h server \\", "     (Samba)",
                "   include = /etc/samba/hardening.conf", "[homes]", "   server min protocol = LANMAN1",
                "   browseable = no");
        r.file("/etc/samba/hardening.conf", "; stricter protocol", "server min protocol = SMB2_10");

        Outcome o = Outcome.offline(new SambaCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("smb.conf", "workgroup", "WORKGROUP"),
                new Setting("smb.conf", "server string", "%h server (Samba)"),
                new Setting("smb.conf", "server min protocol", "SMB2_10"));
        assertThat(o.run().detail()).isEqualTo("3 global parameters from /etc/samba/smb.conf");
    }

    @Test
    void inetdConfIsShippedLineByLine() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/inetd.conf", "#telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.telnetd",
                "tftp dgram udp wait nobody /usr/sbin/tcpd /usr/sbin/in.tftpd /srv/tftp");

        Outcome o = Outcome.offline(new FileLinesCollector(), r);

        assertThat(o.facts(FileLines.class)).containsExactly(new FileLines("/etc/inetd.conf", List.of(
                "#telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.telnetd",
                "tftp dgram udp wait nobody /usr/sbin/tcpd /usr/sbin/in.tftpd /srv/tftp")));
        assertThat(o.run().detail()).isEqualTo(
                "1 of 5 files present (/etc/issue, /etc/issue.net, /etc/motd, /etc/inetd.conf, /etc/sysconfig/sshd)");
    }
}

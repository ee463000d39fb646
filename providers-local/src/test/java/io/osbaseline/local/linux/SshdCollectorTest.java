package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.SshdOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshdCollectorTest {
    @TempDir
    Path dir;

    private Map<String, SshdOption> effective(Outcome o) {
        return o.facts(SshdOption.class).stream().collect(Collectors.toMap(SshdOption::key, Function.identity()));
    }

    private static SshdOption opt(String key, String value, String source) {
        return new SshdOption(key, value, source);
    }

    @Test
    void debian12DropInSetsOptionsBeforeTheMainFile() {
        Outcome o = Outcome.offline(new SshdCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).startsWith("effective configuration from /etc/ssh/sshd_config, "
                + "/etc/ssh/sshd_config.d/10-hardening.conf: 10 options set, ");
        Map<String, SshdOption> e = effective(o);
        String dropIn = "/etc/ssh/sshd_config.d/10-hardening.conf:";
        assertThat(e).containsEntry("permitrootlogin", opt("permitrootlogin", "no", dropIn + 2))
                .containsEntry("maxauthtries", opt("maxauthtries", "4", dropIn + 3))
                // the drop-in is included before the main file's "X11Forwarding yes", so its "no" wins
                .containsEntry("x11forwarding", opt("x11forwarding", "no", dropIn + 4))
                .containsEntry("banner", opt("banner", "/etc/issue.net", dropIn + 5))
                .containsEntry("clientaliveinterval", opt("clientaliveinterval", "300", dropIn + 6))
                .containsEntry("kbdinteractiveauthentication",
                        opt("kbdinteractiveauthentication", "no", "/etc/ssh/sshd_config:12"))
                .containsEntry("usepam", opt("usepam", "yes", "/etc/ssh/sshd_config:13"))
                .containsEntry("acceptenv", opt("acceptenv", "LANG LC_*", "/etc/ssh/sshd_config:16"))
                .containsEntry("subsystem", opt("subsystem", "sftp /usr/lib/openssh/sftp-server",
                        "/etc/ssh/sshd_config:17"))
                .containsEntry("permitemptypasswords", opt("permitemptypasswords", "no", "default"))
                .containsEntry("hostbasedauthentication", opt("hostbasedauthentication", "no", "default"))
                .containsEntry("ignorerhosts", opt("ignorerhosts", "yes", "default"))
                .containsEntry("loglevel", opt("loglevel", "INFO", "default"))
                .containsEntry("permituserenvironment", opt("permituserenvironment", "no", "default"))
                .containsEntry("clientalivecountmax", opt("clientalivecountmax", "3", "default"))
                .containsEntry("logingracetime", opt("logingracetime", "120", "default"))
                .containsEntry("maxsessions", opt("maxsessions", "10", "default"))
                .containsEntry("protocol", opt("protocol", "2", "default"))
                .containsEntry("port", opt("port", "22", "default"));
        assertThat(e).doesNotContainKeys("include", "match");
        assertThat(o.gaps()).isEmpty();
    }

    @Test
    void ubuntu2204CloudInitDropInWinsOverTheMainFile() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config",
                "# This is the sshd server system-wide configuration file.",
                "Include /etc/ssh/sshd_config.d/*.conf",
                "#PermitRootLogin prohibit-password",
                "# To disable tunneled clear text passwords, change to no here!",
                "PasswordAuthentication yes",
                "#PermitEmptyPasswords no",
                "KbdInteractiveAuthentication no",
                "UsePAM yes",
                "X11Forwarding yes",
                "PrintMotd no",
                "AcceptEnv LANG LC_*",
                "Subsystem       sftp    /usr/lib/openssh/sftp-server");
        r.file("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no");

        Map<String, SshdOption> e = effective(Outcome.offline(new SshdCollector(), r));

        assertThat(e.get("passwordauthentication"))
                .isEqualTo(opt("passwordauthentication", "no", "/etc/ssh/sshd_config.d/50-cloud-init.conf:1"));
        assertThat(e.get("permitrootlogin")).isEqualTo(opt("permitrootlogin", "prohibit-password", "default"));
        assertThat(e.get("x11forwarding")).isEqualTo(opt("x11forwarding", "yes", "/etc/ssh/sshd_config:9"));
    }

    @Test
    void rhel9NestedIncludesThroughAnAbsoluteSymlinkAndAliases() {
        Outcome o = Outcome.offline(new SshdCollector(), Fixtures.rhel9(new TestRoot(dir)));
        Map<String, SshdOption> e = effective(o);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        // 01-permitrootlogin.conf sorts first; "without-password" is read as prohibit-password
        assertThat(e.get("permitrootlogin")).isEqualTo(opt("permitrootlogin", "prohibit-password",
                "/etc/ssh/sshd_config.d/01-permitrootlogin.conf:3"));
        String crypto = "/etc/crypto-policies/back-ends/opensshserver.config:";
        assertThat(e.get("ciphers").value()).startsWith("aes256-gcm@openssh.com,chacha20-poly1305@openssh.com");
        assertThat(e.get("ciphers").source()).isEqualTo(crypto + 1);
        assertThat(e.get("macs").source()).isEqualTo(crypto + 2);
        assertThat(e.get("pubkeyacceptedalgorithms").source()).isEqualTo(crypto + 6);
        String redhat = "/etc/ssh/sshd_config.d/50-redhat.conf:";
        assertThat(e.get("syslogfacility")).isEqualTo(opt("syslogfacility", "AUTHPRIV", redhat + 7));
        assertThat(e.get("kbdinteractiveauthentication"))
                .isEqualTo(opt("kbdinteractiveauthentication", "no", redhat + 9));
        assertThat(e).doesNotContainKey("challengeresponseauthentication");
        assertThat(e.get("gssapiauthentication")).isEqualTo(opt("gssapiauthentication", "yes", redhat + 11));
        assertThat(e.get("x11forwarding")).isEqualTo(opt("x11forwarding", "yes", redhat + 16));
        assertThat(e.get("passwordauthentication"))
                .isEqualTo(opt("passwordauthentication", "yes", "/etc/ssh/sshd_config:13"));
        assertThat(e.get("authorizedkeysfile"))
                .isEqualTo(opt("authorizedkeysfile", ".ssh/authorized_keys", "/etc/ssh/sshd_config:12"));
        assertThat(o.run().detail()).contains("/etc/ssh/sshd_config, /etc/ssh/sshd_config.d/01-permitrootlogin.conf, "
                + "/etc/ssh/sshd_config.d/50-redhat.conf, /etc/crypto-policies/back-ends/opensshserver.config");
    }

    @Test
    void optionsInsideMatchBlocksDoNotChangeTheGlobalValues() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config",
                "PasswordAuthentication no",
                "Include sshd_config.d/*.conf",
                "Match User backup",
                "    PasswordAuthentication yes",
                "    PermitRootLogin yes",
                "    ForceCommand internal-sftp",
                "Match Address 10.0.0.0/8",
                "    X11Forwarding yes",
                "Match all",
                "MaxAuthTries 3",
                "Match Group admins",
                "    AllowTcpForwarding yes",
                "Include /etc/ssh/late.conf");
        // a Match block opened in an included file ends with that file
        r.file("/etc/ssh/sshd_config.d/20-sftp.conf", "Match Group sftp", "  ChrootDirectory /srv/%u",
                "  MaxSessions 1");
        r.file("/etc/ssh/late.conf", "LogLevel VERBOSE");

        Outcome o = Outcome.offline(new SshdCollector(), r);
        Map<String, SshdOption> e = effective(o);

        assertThat(e.get("passwordauthentication")).isEqualTo(opt("passwordauthentication", "no",
                "/etc/ssh/sshd_config:1"));
        assertThat(e.get("permitrootlogin").source()).isEqualTo("default");
        assertThat(e.get("x11forwarding").source()).isEqualTo("default");
        assertThat(e).doesNotContainKeys("forcecommand", "chrootdirectory");
        assertThat(e.get("maxsessions")).isEqualTo(opt("maxsessions", "10", "default"));
        assertThat(e.get("maxauthtries")).isEqualTo(opt("maxauthtries", "3", "/etc/ssh/sshd_config:10"));
        assertThat(e.get("allowtcpforwarding").source()).isEqualTo("default");
        // the Include inside "Match Group admins" is conditional, so not global
        assertThat(e.get("loglevel").source()).isEqualTo("default");
        assertThat(o.gaps()).isEmpty();
    }

    @Test
    void accumulatingOptionsJoinAcrossFilesAndOthersKeepTheFirstValue() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config",
                "Include /etc/ssh/sshd_config.d/*.conf",
                "AllowUsers admin deploy@10.0.0.*",
                "allowgroups=sshusers",
                "  DenyUsers  guest",
                "Port 22",
                "Port 2222",
                "PermitRootLogin no",
                "PERMITROOTLOGIN yes",
                "Banner \"/etc/ssh/banner text\"",
                "PermitEmptyPasswords No   # trailing comment",
                "MaxStartups = 10:30:60");
        r.file("/etc/ssh/sshd_config.d/90-ops.conf", "AllowUsers ops", "DenyUsers root");

        Map<String, SshdOption> e = effective(Outcome.offline(new SshdCollector(), r));

        assertThat(e.get("allowusers")).isEqualTo(opt("allowusers", "ops admin deploy@10.0.0.*",
                "/etc/ssh/sshd_config.d/90-ops.conf:1, /etc/ssh/sshd_config:2"));
        assertThat(e.get("allowgroups")).isEqualTo(opt("allowgroups", "sshusers", "/etc/ssh/sshd_config:3"));
        assertThat(e.get("denyusers").value()).isEqualTo("root guest");
        assertThat(e.get("port")).isEqualTo(opt("port", "22 2222", "/etc/ssh/sshd_config:5, /etc/ssh/sshd_config:6"));
        assertThat(e.get("permitrootlogin")).isEqualTo(opt("permitrootlogin", "no", "/etc/ssh/sshd_config:7"));
        assertThat(e.get("banner").value()).isEqualTo("/etc/ssh/banner text");
        assertThat(e.get("permitemptypasswords").value()).isEqualTo("no");
        assertThat(e.get("maxstartups").value()).isEqualTo("10:30:60");
    }

    @Test
    void noSshdConfigMeansNotConfiguredAndNoFacts() {
        TestRoot r = new TestRoot(dir).file("/etc/passwd", "root:x:0:0::/root:/bin/sh");

        Outcome o = Outcome.offline(new SshdCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("no /etc/ssh/sshd_config: OpenSSH server not configured");
        assertThat(o.facts()).isEmpty();
    }

    @Test
    void aConfigFileThatEscapesTheRootFailsTheCollectorWithAGap() {
        TestRoot r = new TestRoot(dir);
        r.symlink("/etc/ssh/sshd_config", "../../../../../../../../etc/ssh/sshd_config");

        Outcome o = Outcome.offline(new SshdCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail()).startsWith("cannot read /etc/ssh/sshd_config: symbolic link");
        assertThat(o.facts()).isEmpty();
        assertThat(o.gaps()).singleElement().satisfies(g -> {
            assertThat(g.collector()).isEqualTo("sshd");
            assertThat(g.path()).isEqualTo("/etc/ssh/sshd_config");
            assertThat(g.reason()).contains("leads above the root");
        });
    }

    @Test
    void anIncludedFileThatEscapesIsAGapAndTheRestIsStillRead() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "PermitRootLogin no");
        r.symlink("/etc/ssh/sshd_config.d/00-evil.conf", "../../../../../../../root/.ssh/config");
        r.file("/etc/ssh/sshd_config.d/10-ok.conf", "MaxAuthTries 2");

        Outcome o = Outcome.offline(new SshdCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.gaps()).extracting(CoverageGap::path).containsExactly("/etc/ssh/sshd_config.d/00-evil.conf");
        assertThat(effective(o).get("maxauthtries").value()).isEqualTo("2");
        assertThat(effective(o).get("permitrootlogin").value()).isEqualTo("no");
    }

    @Test
    void recursiveIncludeStopsAtOpenSshsDepthLimit() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config", "Include sshd_config", "UseDNS no");

        Outcome o = Outcome.offline(new SshdCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.gaps()).singleElement().satisfies(g -> assertThat(g.reason())
                .isEqualTo("Include nested deeper than 16 levels; not followed"));
        assertThat(effective(o).get("usedns")).isEqualTo(opt("usedns", "no", "/etc/ssh/sshd_config:2"));
    }

    @Test
    void badLinesAreGapsLikeSshdRefusesThem() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config", "PermitRootLogin", "Banner \"/etc/issue.net", "MaxAuthTries 5");

        Outcome o = Outcome.offline(new SshdCollector(), r);

        assertThat(o.gaps()).extracting(CoverageGap::path)
                .containsExactly("/etc/ssh/sshd_config:1", "/etc/ssh/sshd_config:2");
        assertThat(effective(o).get("maxauthtries").value()).isEqualTo("5");
        assertThat(effective(o).get("permitrootlogin").source()).isEqualTo("default");
    }

    @Test
    void wordsSplitLikeSshd() {
        assertThat(SshdCollector.words("  # comment")).isEmpty();
        assertThat(SshdCollector.words("Ciphers=aes256-ctr")).containsExactly("Ciphers", "aes256-ctr");
        assertThat(SshdCollector.words("AllowUsers 'a b' c\\ d \"e\" #f g")).containsExactly("AllowUsers", "a b",
                "c d", "e");
        assertThatThrownBy(() -> SshdCollector.words("Banner 'x")).isInstanceOf(IllegalArgumentException.class);
    }
}

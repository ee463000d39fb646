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

    /** A RHEL 8 server as installed: the crypto policy reaches sshd as -o options through the unit's environment. */
    private TestRoot rhel8(TestRoot r) {
        r.file("/etc/ssh/sshd_config",
                "#\t$OpenBSD: sshd_config,v 1.103 2018/04/09 20:41:22 dtucker Exp $",
                "# This is the sshd server system-wide configuration file.  See",
                "# sshd_config(5) for more information.",
                "#Port 22",
                "HostKey /etc/ssh/ssh_host_rsa_key",
                "HostKey /etc/ssh/ssh_host_ecdsa_key",
                "HostKey /etc/ssh/ssh_host_ed25519_key",
                "# System-wide Crypto policy:",
                "# This system is following system-wide crypto policy. The changes to",
                "# Ciphers, MACs, KexAlgoritms and GSSAPIKexAlgorithsm will not have any",
                "# effect here. They will be overridden by command-line options passed on",
                "# the server start up.",
                "Ciphers aes256-ctr,aes128-ctr",
                "SyslogFacility AUTHPRIV",
                "#LoginGraceTime 2m",
                "PermitRootLogin yes",
                "AuthorizedKeysFile\t.ssh/authorized_keys",
                "PasswordAuthentication yes",
                "ChallengeResponseAuthentication no",
                "GSSAPIAuthentication yes",
                "UsePAM yes",
                "X11Forwarding yes",
                "PrintMotd no",
                "AcceptEnv LANG LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES",
                "Subsystem\tsftp\t/usr/libexec/openssh/sftp-server");
        r.file("/usr/lib/systemd/system/sshd.service",
                "[Unit]",
                "Description=OpenSSH server daemon",
                "Documentation=man:sshd(8) man:sshd_config(5)",
                "After=network.target sshd-keygen.target",
                "[Service]",
                "Type=notify",
                "EnvironmentFile=-/etc/crypto-policies/back-ends/opensshserver.config",
                "EnvironmentFile=-/etc/sysconfig/sshd",
                "ExecStart=/usr/sbin/sshd -D $OPTIONS $CRYPTO_POLICY",
                "ExecReload=/bin/kill -HUP $MAINPID",
                "[Install]",
                "WantedBy=multi-user.target");
        r.file("/usr/share/crypto-policies/DEFAULT/opensshserver.txt",
                "CRYPTO_POLICY='-oCiphers=aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes256-cbc,"
                        + "aes128-gcm@openssh.com,aes128-ctr,aes128-cbc -oMACs=hmac-sha2-256-etm@openssh.com,"
                        + "hmac-sha1-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,"
                        + "hmac-sha1,umac-128@openssh.com,hmac-sha2-512 -oKexAlgorithms=curve25519-sha256,"
                        + "ecdh-sha2-nistp256,diffie-hellman-group14-sha256 -oPubkeyAcceptedKeyTypes=rsa-sha2-256,"
                        + "ecdsa-sha2-nistp256'");
        r.symlink("/etc/crypto-policies/back-ends/opensshserver.config",
                "/usr/share/crypto-policies/DEFAULT/opensshserver.txt");
        return r.file("/etc/sysconfig/sshd",
                "# Configuration file for the sshd service.",
                "SSH_USE_STRONG_RNG=0",
                "# SSH_USE_STRONG_RNG=1",
                "# System-wide crypto policy:",
                "# To opt-out, uncomment the following line",
                "# CRYPTO_POLICY=");
    }

    @Test
    void rhel8CryptoPolicyOnTheCommandLineWinsOverSshdConfig() {
        Outcome o = Outcome.offline(new SshdCollector(), rhel8(new TestRoot(dir)));
        Map<String, SshdOption> e = effective(o);

        String policy = "command line: /usr/lib/systemd/system/sshd.service $CRYPTO_POLICY from "
                + "/etc/crypto-policies/back-ends/opensshserver.config";
        assertThat(e.get("ciphers")).isEqualTo(opt("ciphers", "aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
                + "aes256-ctr,aes256-cbc,aes128-gcm@openssh.com,aes128-ctr,aes128-cbc", policy));
        assertThat(e.get("macs").value()).startsWith("hmac-sha2-256-etm@openssh.com,hmac-sha1-etm@openssh.com");
        assertThat(e.get("pubkeyacceptedalgorithms").source()).isEqualTo(policy);
        assertThat(e.get("permitrootlogin")).isEqualTo(opt("permitrootlogin", "yes", "/etc/ssh/sshd_config:16"));
        assertThat(e.get("hostkey").value()).isEqualTo("/etc/ssh/ssh_host_rsa_key /etc/ssh/ssh_host_ecdsa_key "
                + "/etc/ssh/ssh_host_ed25519_key");
        assertThat(e.get("logingracetime")).isEqualTo(opt("logingracetime", "120", "default"));
        assertThat(o.run().detail()).startsWith("effective configuration from /usr/lib/systemd/system/sshd.service, "
                + "/etc/ssh/sshd_config: ");
        assertThat(o.gaps()).isEmpty();
    }

    @Test
    void rhel8SysconfigCanOverrideOrEmptyTheCryptoPolicy() {
        TestRoot r = rhel8(new TestRoot(dir));
        r.file("/etc/sysconfig/sshd", "CRYPTO_POLICY='-oCiphers=aes128-cbc,3des-cbc'");
        assertThat(effective(Outcome.offline(new SshdCollector(), r)).get("ciphers")).isEqualTo(opt("ciphers",
                "aes128-cbc,3des-cbc", "command line: /usr/lib/systemd/system/sshd.service $CRYPTO_POLICY from "
                        + "/etc/sysconfig/sshd"));

        r.file("/etc/sysconfig/sshd", "CRYPTO_POLICY=");
        Map<String, SshdOption> optedOut = effective(Outcome.offline(new SshdCollector(), r));
        assertThat(optedOut.get("ciphers")).isEqualTo(opt("ciphers", "aes256-ctr,aes128-ctr", "/etc/ssh/sshd_config:13"));
        assertThat(optedOut).doesNotContainKey("macs");
    }

    @Test
    void aMaskedUnitAndOneWithoutVariablesAddNothing() {
        TestRoot r = rhel8(new TestRoot(dir));
        r.symlink("/etc/systemd/system/sshd.service", "/dev/null");
        assertThat(effective(Outcome.offline(new SshdCollector(), r)).get("ciphers").source())
                .isEqualTo("/etc/ssh/sshd_config:13");

        TestRoot debian = new TestRoot(dir.resolve("debian"));
        debian.file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "KbdInteractiveAuthentication no");
        debian.file("/lib/systemd/system/ssh.service", "[Service]", "EnvironmentFile=-/etc/default/ssh",
                "ExecStartPre=/usr/sbin/sshd -t", "ExecStart=/usr/sbin/sshd -D $SSHD_OPTS");
        debian.file("/etc/default/ssh", "# Options to pass to sshd", "SSHD_OPTS=");
        Outcome plain = Outcome.offline(new SshdCollector(), debian);
        assertThat(plain.run().detail()).startsWith("effective configuration from /etc/ssh/sshd_config: 1 options set");

        debian.file("/etc/default/ssh", "SSHD_OPTS=\"-o LoginGraceTime=1m30s -oPermitRootLogin=no\"");
        Map<String, SshdOption> e = effective(Outcome.offline(new SshdCollector(), debian));
        String source = "command line: /lib/systemd/system/ssh.service $SSHD_OPTS from /etc/default/ssh";
        assertThat(e.get("logingracetime")).isEqualTo(opt("logingracetime", "90", source));
        assertThat(e.get("permitrootlogin")).isEqualTo(opt("permitrootlogin", "no", source));
    }

    @Test
    void suse15VendorConfigurationIsReadWhenEtcHasNone() {
        TestRoot r = new TestRoot(dir);
        r.file("/usr/etc/ssh/sshd_config",
                "#\t$OpenBSD: sshd_config,v 1.104 2021/07/02 05:11:21 dtucker Exp $",
                "Include /etc/ssh/sshd_config.d/*.conf",
                "Include /usr/etc/ssh/sshd_config.d/*.conf",
                "#PermitRootLogin prohibit-password",
                "AuthorizedKeysFile\t.ssh/authorized_keys",
                "UsePAM yes",
                "X11Forwarding yes",
                "ClientAliveInterval 2h",
                "AcceptEnv LANG LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES",
                "AcceptEnv LC_PAPER LC_NAME LC_ADDRESS LC_TELEPHONE LC_MEASUREMENT",
                "Subsystem\tsftp\t/usr/lib/ssh/sftp-server");
        r.file("/etc/ssh/sshd_config.d/60-hardening.conf", "PermitRootLogin no", "LoginGraceTime 45s",
                "Banner /etc/issue.net");
        r.file("/usr/etc/ssh/sshd_config.d/40-suse-crypto-policies.conf",
                "Ciphers aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr");

        Outcome o = Outcome.offline(new SshdCollector(), r);
        Map<String, SshdOption> e = effective(o);

        assertThat(e.get("permitrootlogin")).isEqualTo(opt("permitrootlogin", "no",
                "/etc/ssh/sshd_config.d/60-hardening.conf:1"));
        assertThat(e.get("logingracetime").value()).isEqualTo("45");
        assertThat(e.get("clientaliveinterval")).isEqualTo(opt("clientaliveinterval", "7200",
                "/usr/etc/ssh/sshd_config:8"));
        assertThat(e.get("ciphers").source()).isEqualTo("/usr/etc/ssh/sshd_config.d/40-suse-crypto-policies.conf:1");
        assertThat(e.get("acceptenv").value()).endsWith("LC_MESSAGES LC_PAPER LC_NAME LC_ADDRESS LC_TELEPHONE "
                + "LC_MEASUREMENT");
        assertThat(o.run().detail()).startsWith("effective configuration from /usr/etc/ssh/sshd_config, "
                + "/etc/ssh/sshd_config.d/60-hardening.conf, /usr/etc/ssh/sshd_config.d/40-suse-crypto-policies.conf: ");
    }

    @Test
    void azureLinuxHardenedDefaults() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/ssh/sshd_config",
                "#\t$OpenBSD: sshd_config,v 1.104 2021/07/02 05:11:21 dtucker Exp $",
                "PermitRootLogin no",
                "MaxAuthTries 6",
                "PasswordAuthentication no",
                "ClientAliveInterval 120",
                "ClientAliveCountMax 3",
                "UsePAM yes",
                "Ciphers aes256-ctr,aes192-ctr,aes128-ctr,aes256-gcm@openssh.com,aes128-gcm@openssh.com",
                "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512,hmac-sha2-256",
                "Subsystem\tsftp\t/usr/libexec/sftp-server");

        Map<String, SshdOption> e = effective(Outcome.offline(new SshdCollector(), r));

        assertThat(e.get("ciphers").value()).isEqualTo("aes256-ctr,aes192-ctr,aes128-ctr,aes256-gcm@openssh.com,"
                + "aes128-gcm@openssh.com");
        assertThat(e.get("clientalivecountmax")).isEqualTo(opt("clientalivecountmax", "3", "/etc/ssh/sshd_config:6"));
        assertThat(e.get("banner")).isEqualTo(opt("banner", "none", "default"));
    }

    @Test
    void timesAreSecondsAsSshdReadsThem() {
        assertThat(SshdCollector.seconds("90")).isEqualTo("90");
        assertThat(SshdCollector.seconds("2m")).isEqualTo("120");
        assertThat(SshdCollector.seconds("1m30s")).isEqualTo("90");
        assertThat(SshdCollector.seconds("1H")).isEqualTo("3600");
        assertThat(SshdCollector.seconds("1w1d")).isEqualTo("691200");
        assertThat(SshdCollector.seconds("0")).isEqualTo("0");
        assertThat(SshdCollector.seconds("soon")).isEqualTo("soon");
        assertThat(SshdCollector.seconds("5x")).isEqualTo("5x");
        assertThat(SshdCollector.normalize("logingracetime", "1m")).isEqualTo("60");
        assertThat(SshdCollector.normalize("maxstartups", "10:30:60")).isEqualTo("10:30:60");
    }

    @Test
    void environmentFilesAsSystemdReadsThem() {
        assertThat(SshdCollector.environment(java.util.List.of("# comment", "; comment", "A=1", "B='x y'",
                "C=\"z\"", "not a line", " D = d "))).containsExactly(Map.entry("A", "1"), Map.entry("B", "x y"),
                        Map.entry("C", "z"), Map.entry("D", "d"));
    }
}

package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.Setting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PamCollectorTest {
    @TempDir
    Path dir;

    private static List<PamEntry> service(Outcome o, String service) {
        return o.facts(PamEntry.class).stream().filter(e -> e.service().equals(service)).toList();
    }

    @Test
    void debian12ServicesWithBracketControlsIncludesAndContinuations() {
        Outcome o = Outcome.offline(new PamCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("20 entries from 4 service files in /etc/pam.d");
        assertThat(service(o, "common-auth")).containsExactly(
                new PamEntry("common-auth", "auth", "[success=1 default=ignore]", "pam_unix.so", List.of("nullok")),
                new PamEntry("common-auth", "auth", "requisite", "pam_deny.so", List.of()),
                new PamEntry("common-auth", "auth", "required", "pam_permit.so", List.of()),
                new PamEntry("common-auth", "auth", "optional", "pam_cap.so", List.of()));
        assertThat(service(o, "su")).containsExactly(
                new PamEntry("su", "auth", "sufficient", "pam_rootok.so", List.of()),
                new PamEntry("su", "auth", "required", "pam_wheel.so", List.of("use_uid", "group=sudo")),
                new PamEntry("su", "session", "required", "pam_env.so", List.of("readenv=1")),
                new PamEntry("su", "*", "include", "common-auth", List.of()),
                new PamEntry("su", "*", "include", "common-account", List.of()),
                new PamEntry("su", "*", "include", "common-session", List.of()));
        assertThat(service(o, "sshd")).containsExactly(
                new PamEntry("sshd", "*", "include", "common-auth", List.of()),
                new PamEntry("sshd", "account", "required", "pam_nologin.so", List.of()),
                new PamEntry("sshd", "session", "[success=ok ignore=ignore module_unknown=ignore default=bad]",
                        "pam_selinux.so", List.of("close")),
                new PamEntry("sshd", "session", "required", "pam_loginuid.so", List.of()),
                new PamEntry("sshd", "session", "optional", "pam_motd.so",
                        List.of("motd=/run/motd.dynamic", "noupdate")),
                new PamEntry("sshd", "session", "optional", "pam_systemd.so", List.of()));
    }

    @Test
    void rhel9AuthselectStackWithOptionalModulesSubstackAndInclude() {
        Outcome o = Outcome.offline(new PamCollector(), Fixtures.rhel9(new TestRoot(dir)));

        List<PamEntry> systemAuth = service(o, "system-auth");
        assertThat(systemAuth).hasSize(16);
        assertThat(systemAuth.get(2)).isEqualTo(new PamEntry("system-auth", "auth",
                "[default=1 ignore=ignore success=ok]", "pam_usertype.so", List.of("isregular")));
        assertThat(systemAuth.get(6)).isEqualTo(new PamEntry("system-auth", "auth", "sufficient", "pam_sss.so",
                List.of("forward_pass")));
        assertThat(systemAuth.get(9)).isEqualTo(new PamEntry("system-auth", "password", "requisite",
                "pam_pwquality.so", List.of("local_users_only")));
        assertThat(service(o, "su")).containsExactly(
                new PamEntry("su", "auth", "sufficient", "pam_rootok.so", List.of()),
                new PamEntry("su", "auth", "substack", "system-auth", List.of()),
                new PamEntry("su", "auth", "include", "postlogin", List.of()),
                new PamEntry("su", "account", "sufficient", "pam_succeed_if.so", List.of("uid", "=", "0", "use_uid",
                        "quiet")),
                new PamEntry("su", "account", "include", "system-auth", List.of()),
                new PamEntry("su", "password", "include", "system-auth", List.of()),
                new PamEntry("su", "session", "include", "system-auth", List.of()),
                new PamEntry("su", "session", "include", "postlogin", List.of()),
                new PamEntry("su", "session", "optional", "pam_xauth.so", List.of()));
    }

    @Test
    void bracketedArgumentsKeepTheirSpacesAndBadLinesAreGaps() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/pam.d/custom",
                "auth [ success=done  new_authtok_reqd=done default=die ] pam_exec.so "
                        + "[query=select name from users where x=\\]1] log=/tmp/x",
                "AUTH REQUIRED pam_faillock.so preauth # trailing comment",
                "account required",
                "session required pam_limits.so # comment ending in a backslash \\",
                "session optional pam_umask.so");

        Outcome o = Outcome.offline(new PamCollector(), r);

        assertThat(o.facts(PamEntry.class)).containsExactly(
                new PamEntry("custom", "auth", "[success=done new_authtok_reqd=done default=die]", "pam_exec.so",
                        List.of("query=select name from users where x=]1", "log=/tmp/x")),
                new PamEntry("custom", "auth", "required", "pam_faillock.so", List.of("preauth")),
                new PamEntry("custom", "session", "required", "pam_limits.so", List.of()),
                new PamEntry("custom", "session", "optional", "pam_umask.so", List.of()));
        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.gaps()).containsExactly(new CoverageGap("pam", "/etc/pam.d/custom:3",
                "not a PAM line: expected type, control and module"));
    }

    @Test
    void pamConfIsReadWhenThereIsNoPamD() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/pam.conf", "# service type control module", "login auth required pam_unix.so nullok",
                "other account required pam_deny.so");

        Outcome o = Outcome.offline(new PamCollector(), r);

        assertThat(o.facts(PamEntry.class)).containsExactly(
                new PamEntry("login", "auth", "required", "pam_unix.so", List.of("nullok")),
                new PamEntry("other", "account", "required", "pam_deny.so", List.of()));
        assertThat(o.run().detail()).isEqualTo("2 entries from /etc/pam.conf (no /etc/pam.d)");
    }

    @Test
    void moduleConfigurationFilesGiveTheValuesInEffect() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/pam.d/common-password", "password requisite pam_pwquality.so retry=3");
        // libpwquality reads pwquality.conf.d/*.conf in name order first, then pwquality.conf: the last one wins
        r.file("/etc/security/pwquality.conf.d/50-site.conf", "minlen = 12", "dcredit=-1");
        r.file("/etc/security/pwquality.conf.d/10-vendor.conf", "minlen = 10", "maxrepeat = 3");
        r.file("/etc/security/pwquality.conf.d/notes.txt", "minlen = 1");
        r.file("/etc/security/pwquality.conf", "# Configuration for systemwide password quality limits",
                "# minlen = 8", "minlen=14   # CIS", "enforce_for_root", "dictpath =");
        r.file("/etc/security/faillock.conf", "# deny = 3", "deny = 5", "unlock_time = 900", "even_deny_root");
        r.file("/etc/security/pwhistory.conf", "remember = 24", "enforce_for_root");

        Outcome o = Outcome.offline(new PamCollector(), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("pwquality", "minlen", "14"), new Setting("pwquality", "maxrepeat", "3"),
                new Setting("pwquality", "dcredit", "-1"), new Setting("pwquality", "enforce_for_root", ""),
                new Setting("pwquality", "dictpath", ""),
                new Setting("faillock", "deny", "5"), new Setting("faillock", "unlock_time", "900"),
                new Setting("faillock", "even_deny_root", ""),
                new Setting("pwhistory", "remember", "24"), new Setting("pwhistory", "enforce_for_root", ""));
        assertThat(o.run().detail()).isEqualTo("1 entries from 1 service file in /etc/pam.d; 10 module settings "
                + "from /etc/security");
        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
    }

    @Test
    void withoutModuleConfigurationTheDetailSaysNothingOfIt() {
        TestRoot r = new TestRoot(dir).file("/etc/pam.d/other", "auth required pam_deny.so");

        Outcome o = Outcome.offline(new PamCollector(), r);

        assertThat(o.facts(Setting.class)).isEmpty();
        assertThat(o.run().detail()).isEqualTo("1 entries from 1 service file in /etc/pam.d");
    }
}

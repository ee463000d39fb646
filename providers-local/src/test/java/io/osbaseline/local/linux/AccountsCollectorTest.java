package io.osbaseline.local.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.osbaseline.json.Json;
import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsCollectorTest {
    private static final Clock READ_ON = Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static UserAccount account(Outcome o, String name) {
        return o.facts(UserAccount.class).stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void debian12AccountsJoinedWithShadow() {
        Outcome o = Outcome.offline(new AccountsCollector(), Fixtures.debian12(new TestRoot(dir)));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.COLLECTED);
        assertThat(o.run().detail()).isEqualTo("13 accounts, 14 groups");
        assertThat(account(o, "root")).isEqualTo(new UserAccount("root", 0, 0, "/root", "/bin/bash",
                PasswordState.SET, LocalDate.ofEpochDay(19700), 0, 99999, 7, null));
        assertThat(account(o, "daemon").password()).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(account(o, "systemd-network").password()).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(account(o, "messagebus").password()).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(account(o, "admin")).isEqualTo(new UserAccount("admin", 1000, 1000, "/home/admin", "/bin/bash",
                PasswordState.SET, LocalDate.of(2023, 12, 10), 1, 365, 7, 30));
        assertThat(account(o, "deploy").password()).isEqualTo(PasswordState.LOCKED);
        assertThat(o.facts(UserGroup.class)).contains(new UserGroup("sudo", 27, List.of("admin", "deploy")),
                new UserGroup("shadow", 42, List.of()));
    }

    @Test
    void rhel9EmptyAndNeverSetPasswords() {
        Outcome o = Outcome.offline(new AccountsCollector(), Fixtures.rhel9(new TestRoot(dir)));

        assertThat(account(o, "root").password()).isEqualTo(PasswordState.SET);
        assertThat(account(o, "root").lastChange()).isNull();
        assertThat(account(o, "ec2-user").password()).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(account(o, "svc-backup").password()).isEqualTo(PasswordState.EMPTY);
        assertThat(account(o, "oracle")).isEqualTo(new UserAccount("oracle", 1001, 1001, "/home/oracle",
                "/bin/bash", PasswordState.SET, LocalDate.ofEpochDay(19810), 7, 90, 14, 30));
    }

    @Test
    void noHashOrPartOfOneAppearsInTheFactsGapsOrDetail() {
        TestRoot r = Fixtures.debian12(new TestRoot(dir));
        // a malformed shadow line and a legacy line that carry a hash too
        r.text("/etc/shadow", String.join("\n",
                "root:" + Fixtures.HASHES.get(0) + ":19700:0:99999:7:::",
                "admin:" + Fixtures.HASHES.get(1) + ":not-a-day:1:365:7:30::",
                "+nisuser:" + Fixtures.HASHES.get(2) + ":19700::::::",
                "deploy:!" + Fixtures.HASHES.get(3) + ":19702:0:99999:7:::") + "\n");
        r.text("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nadmin:x:1000:1000::/home/admin:/bin/bash\n"
                + "deploy:x:1001:1001::/home/deploy:/bin/bash\n+nisuser:" + Fixtures.HASHES.get(2) + "::::::\n"
                + "broken:" + Fixtures.HASHES.get(3) + ":x:1:::\n");

        Outcome o = Outcome.offline(new AccountsCollector(READ_ON), r);
        String json = Json.write(Map.of("run", o.run(), "facts", o.facts(), "gaps", o.gaps()));

        assertThat(o.gaps()).extracting(CoverageGap::path).containsExactly("/etc/shadow:2", "/etc/passwd:5");
        for (String hash : Fixtures.HASHES) {
            String secret = hash.substring(hash.lastIndexOf('$') + 1);
            assertThat(json).doesNotContain(hash).doesNotContain(secret).doesNotContain(secret.substring(0, 12))
                    .doesNotContain(hash.substring(0, hash.lastIndexOf('$')));
        }
        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("shadow", "read-on", "2026-03-01"),
                new Setting("shadow", "legacy-entry", "+nisuser"),
                new Setting("passwd", "legacy-entry", "+nisuser:<redacted>::::::"));
    }

    @Test
    void legacyNisEntriesAndUnshadowedPasswords() {
        TestRoot r = new TestRoot(dir);
        r.file("/etc/passwd",
                "root:x:0:0:root:/root:/bin/bash",
                "olduser:aBcDeFgHiJkLm:1500:1500::/home/old:/bin/sh",
                "nopass::1501:1501::/home/nopass:/bin/sh",
                "+@netadmins::::::",
                "-baduser:x:::::",
                "+::::::/sbin/nologin");
        r.file("/etc/shadow", "root:*:19700:0:99999:7:::", "+::0:0:0::::");
        r.file("/etc/group", "root:x:0:", "+:::", "-@badgroup:secret::");

        Outcome o = Outcome.offline(new AccountsCollector(READ_ON), r);

        assertThat(o.facts(Setting.class)).containsExactly(
                new Setting("shadow", "read-on", "2026-03-01"),
                new Setting("shadow", "legacy-entry", "+"),
                new Setting("passwd", "unshadowed-password", "olduser"),
                new Setting("passwd", "unshadowed-password", "nopass"),
                new Setting("passwd", "legacy-entry", "+@netadmins::::::"),
                new Setting("passwd", "legacy-entry", "-baduser:x:::::"),
                new Setting("passwd", "legacy-entry", "+::::::/sbin/nologin"),
                new Setting("group", "legacy-entry", "+:::"),
                new Setting("group", "legacy-entry", "-@badgroup:<redacted>::"));
        assertThat(account(o, "olduser").password()).isEqualTo(PasswordState.SET);
        assertThat(account(o, "nopass").password()).isEqualTo(PasswordState.EMPTY);
        assertThat(account(o, "root").password()).isEqualTo(PasswordState.NO_PASSWORD);
    }

    @Test
    void unreadableShadowLeavesPasswordsUnknownAndTheRunPartial() {
        TestRoot r = Fixtures.debian12(new TestRoot(dir));
        r.host("/etc/shadow").toFile().delete();
        r.symlink("/etc/shadow", "../../../../../../../../etc/shadow");

        Outcome o = Outcome.offline(new AccountsCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.run().detail()).isEqualTo("13 accounts, 14 groups; cannot read /etc/shadow: password states "
                + "UNKNOWN");
        assertThat(o.gaps()).singleElement().satisfies(g -> {
            assertThat(g.path()).isEqualTo("/etc/shadow");
            assertThat(g.reason()).contains("leads above the root");
        });
        assertThat(o.facts(UserAccount.class)).hasSize(13)
                .allSatisfy(a -> assertThat(a.password()).isEqualTo(PasswordState.UNKNOWN));
    }

    @Test
    void shadowWithoutReadPermissionIsAGap() {
        assumeFalse(TestRoot.isRoot(), "root reads files whatever their mode");
        TestRoot r = Fixtures.debian12(new TestRoot(dir)).mode("/etc/shadow", 0);

        Outcome o = Outcome.offline(new AccountsCollector(), r);

        assertThat(o.run().status()).isEqualTo(CollectorStatus.PARTIAL);
        assertThat(o.gaps()).containsExactly(new CoverageGap("accounts", "/etc/shadow", "permission denied"));
    }

    @Test
    void noPasswdFileFailsTheCollector() {
        Outcome o = Outcome.offline(new AccountsCollector(), new TestRoot(dir).dir("/etc"));

        assertThat(o.run().status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(o.run().detail()).isEqualTo("no /etc/passwd");
    }

    @Test
    void passwordStates() {
        assertThat(AccountsCollector.stateOf("")).isEqualTo(PasswordState.EMPTY);
        assertThat(AccountsCollector.stateOf("*")).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(AccountsCollector.stateOf("!")).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(AccountsCollector.stateOf("!!")).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(AccountsCollector.stateOf("!*")).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(AccountsCollector.stateOf("*LK*")).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(AccountsCollector.stateOf("x")).isEqualTo(PasswordState.NO_PASSWORD);
        assertThat(AccountsCollector.stateOf("$6$salt$hash")).isEqualTo(PasswordState.SET);
        assertThat(AccountsCollector.stateOf("aBcDeFgHiJkLm")).isEqualTo(PasswordState.SET);
        assertThat(AccountsCollector.stateOf("!$y$j9T$salt$hash")).isEqualTo(PasswordState.LOCKED);
        assertThat(AccountsCollector.stateOf("!!$6$salt$hash")).isEqualTo(PasswordState.LOCKED);
    }
}

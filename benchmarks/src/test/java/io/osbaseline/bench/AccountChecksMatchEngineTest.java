package io.osbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.CheckForNull;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's Java versions of the hand-written account and password rules ({@code accounts-and-passwords.yaml})
 * give the same findings as their DRL, on snapshots built so that every snippet of every one of these rules reports.
 */
class AccountChecksMatchEngineTest {
    private static final List<String> RULES = List.of("23.2", "24", "6.2.16", "22", "156.1", "21", "157.11", "157.14",
            "EnsureMaxDaysBetweenPasswordChanges", "6.2.15", "6.2.17", "6.2.18", "6.2.19", "6.2.20", "27.1", "156.2",
            "156.3", "157.15", "157.16", "157.18", "159", "33");
    private static final List<String> COLLECTORS = List.of("accounts", "pam", "login.defs", "root-path");
    private static final Set<String> WITH_UNKNOWN = Set.of("23.2", "157.14", "EnsureMaxDaysBetweenPasswordChanges",
            "6.2.15", "156.2", "33");

    /** A snippet's report: some finding of {@code rule} has this status and, in its actual value or reason, text. */
    private record Path(String rule, Status status, String text) {
    }

    /** One report per snippet of each rule (the snippet that passes on no accounts shows as no verdict). */
    private static final List<Path> PATHS = List.of(
            new Path("23.2", Status.FAIL, "root has an empty password"),
            new Path("23.2", Status.UNKNOWN, "the password state of some accounts could not be read"),
            new Path("23.2", Status.PASS, "no account has an empty password"),
            new Path("24", Status.FAIL, "toor has UID 0"),
            new Path("24", Status.PASS, "only root has UID 0"),
            new Path("6.2.16", Status.FAIL, "UID 0 is shared by root and toor"),
            new Path("6.2.16", Status.PASS, "every UID is unique"),
            new Path("22", Status.FAIL, "root group has GID 3"),
            new Path("22", Status.PASS, "root group has GID 0"),
            new Path("22", Status.FAIL, "no group named root"),
            new Path("156.1", Status.FAIL, "+::::::"),
            new Path("156.1", Status.PASS, "no legacy + entries"),
            new Path("21", Status.PASS, "/etc/pam.d/su: auth required pam_wheel.so use_uid"),
            new Path("21", Status.PASS, "/etc/pam.d/su: auth requisite pam_wheel.so use_uid"),
            new Path("21", Status.FAIL, "/etc/pam.d/su: auth sufficient pam_wheel.so trust"),
            new Path("21", Status.FAIL, "/etc/pam.d/su: auth required pam_wheel.so group=wheel"),
            new Path("21", Status.FAIL, "/etc/pam.d/su has no auth line for pam_wheel.so"),
            new Path("157.11", Status.PASS, "common-password: pam_unix.so sha512"),
            new Path("157.11", Status.FAIL, "system-auth: pam_unix.so md5"),
            new Path("157.11", Status.FAIL, "system-password: pam_unix.so md5"),
            new Path("157.11", Status.FAIL, "password-auth: pam_unix.so names no hashing method"),
            new Path("157.11", Status.FAIL, "common-password: no pam_unix.so password line"),
            new Path("157.11", Status.FAIL, "no password stack (common-password, system-auth, password-auth, "
                    + "system-password)"),
            new Path("157.11", Status.PASS, "login.defs ENCRYPT_METHOD SHA512"),
            new Path("157.11", Status.FAIL, "login.defs ENCRYPT_METHOD MD5"),
            new Path("157.11", Status.FAIL, "login.defs sets no ENCRYPT_METHOD"),
            new Path("157.14", Status.FAIL, "root: last password change on 2026-01-01"),
            new Path("157.14", Status.FAIL, "carol: last password change on 2025-01-01"),
            new Path("157.14", Status.PASS, "no last password change is in the future"),
            new Path("157.14", Status.UNKNOWN, "no verdict"),
            new Path("EnsureMaxDaysBetweenPasswordChanges", Status.PASS, "alice: 365"),
            new Path("EnsureMaxDaysBetweenPasswordChanges", Status.FAIL, "toor: 99999"),
            new Path("EnsureMaxDaysBetweenPasswordChanges", Status.FAIL, "bin: no maximum age"),
            new Path("EnsureMaxDaysBetweenPasswordChanges", Status.UNKNOWN,
                    "the password ages of some accounts could not be read"),
            new Path("EnsureMaxDaysBetweenPasswordChanges", Status.PASS, "no account has a usable password"),
            new Path("6.2.15", Status.FAIL, "games: GID 60 is not in /etc/group"),
            new Path("6.2.15", Status.PASS, "every primary GID is in /etc/group"),
            new Path("6.2.15", Status.UNKNOWN, "no verdict"),
            new Path("6.2.17", Status.FAIL, "GID 10 is used by adm, wheel"),
            new Path("6.2.17", Status.FAIL, "GID 50 is used by staff"),
            new Path("6.2.17", Status.PASS, "every GID is unique"),
            new Path("6.2.18", Status.FAIL, "dup appears 2 times in /etc/passwd"),
            new Path("6.2.18", Status.PASS, "every account name is unique"),
            new Path("6.2.19", Status.FAIL, "staff appears 2 times in /etc/group"),
            new Path("6.2.19", Status.PASS, "every group name is unique"),
            new Path("6.2.20", Status.FAIL, "shadow group members: alice, bob"),
            new Path("6.2.20", Status.FAIL, "svc has shadow as its primary group"),
            new Path("6.2.20", Status.PASS, "the shadow group has no members"),
            new Path("6.2.20", Status.PASS, "no shadow group"),
            new Path("27.1", Status.FAIL, "/root/.bashrc: PATH=.:/usr/bin"),
            new Path("27.1", Status.FAIL, "/etc/environment: PATH=/usr/bin:"),
            new Path("27.1", Status.FAIL, "/root/.profile: PATH=/usr/bin::/bin"),
            new Path("27.1", Status.FAIL, "/etc/profile: PATH="),
            new Path("27.1", Status.FAIL, "ENV_SUPATH: PATH=/usr/sbin:."),
            new Path("27.1", Status.PASS, "no PATH assignment for root has . or an empty entry"),
            new Path("156.2", Status.FAIL, "/etc/shadow entry +"),
            new Path("156.2", Status.PASS, "no legacy + entries"),
            new Path("156.2", Status.UNKNOWN, "no verdict"),
            new Path("156.3", Status.FAIL, "+:::"),
            new Path("156.3", Status.PASS, "no legacy + entries"),
            new Path("157.15", Status.FAIL, "bin (UID 2) has shell '/bin/sh'"),
            new Path("157.15", Status.FAIL, "test (UID 1500) has shell '/bin/bash'"),
            new Path("157.15", Status.FAIL, "lp (UID 4) has shell '/bin/bash'"),
            new Path("157.15", Status.FAIL, "web (UID 800) has shell '/bin/sh'"),
            new Path("157.15", Status.PASS, "every system account has a non-login shell"),
            new Path("157.16", Status.PASS, "root's primary GID is 0"),
            new Path("157.16", Status.FAIL, "root's primary GID is 5"),
            new Path("157.16", Status.FAIL, "no root account"),
            new Path("157.18", Status.FAIL, "toor has UID 0"),
            new Path("157.18", Status.PASS, "only root has UID 0"),
            new Path("159", Status.FAIL, "games account exists"),
            new Path("159", Status.FAIL, "test account exists"),
            new Path("159", Status.PASS, "no games or test account"),
            new Path("33", Status.FAIL, "root's password is empty"),
            new Path("33", Status.PASS, "root has a password"),
            new Path("33", Status.PASS, "root's password is locked"),
            new Path("33", Status.UNKNOWN, "root's password state could not be read"),
            new Path("33", Status.FAIL, "no root account"));

    private static EnginePair linux;
    private static EnginePair overridden;

    @BeforeAll
    static void build() throws EngineException {
        linux = EnginePair.of(List.of("azure-linux"));
        overridden = EnginePair.of(List.of("azure-linux"), b -> b
                .expect("157.11", "pam_unix.so", "in sha512|yescrypt")
                .expect("157.11", "ENCRYPT_METHOD", "in SHA512|YESCRYPT")
                .expect("EnsureMaxDaysBetweenPasswordChanges", "<= 90"));
    }

    @Test
    void noneOfTheRulesIsLeftOut() throws EngineException {
        assertThat(ReferenceEngineFactory.uncovered(List.of("azure-linux"))).doesNotContainKeys(
                RULES.toArray(String[]::new));
        assertThat(linux.reference().rules()).extracting(RuleInfo::id).containsAll(RULES);
    }

    @Test
    void sameFindingsOnEverySnippet() {
        List<ConfigurationSnapshot> snapshots = snapshots();
        assertThat(linux.differences(snapshots)).isEmpty();

        List<Finding> findings = snapshots.stream().map(linux.drools()::assess)
                .flatMap(a -> a.findings().stream()).filter(f -> RULES.contains(f.ruleId())).toList();
        assertThat(PATHS).allSatisfy(p -> assertThat(findings).as("%s", p).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(p.rule());
            assertThat(f.status()).isEqualTo(p.status());
            assertThat(f.actual() + " / " + f.reason()).contains(p.text());
        }));
        Map<String, Set<Status>> statuses = new TreeMap<>();
        findings.forEach(f -> statuses.computeIfAbsent(f.ruleId(), k -> EnumSet.noneOf(Status.class)).add(f.status()));
        for (String rule : RULES) {
            Set<Status> expected = WITH_UNKNOWN.contains(rule) ? EnumSet.of(Status.PASS, Status.FAIL, Status.UNKNOWN)
                    : EnumSet.of(Status.PASS, Status.FAIL);
            assertThat(statuses.get(rule)).as(rule).containsAll(expected);
        }
    }

    @Test
    void sameFindingsWithTheExpectationsOverridden() {
        List<ConfigurationSnapshot> snapshots = new ArrayList<>(snapshots());
        ConfigurationSnapshot yescrypt = snapshot("yescrypt",
                account("root", 0, 0, "/bin/bash", PasswordState.SET, null, 60),
                account("dave", 1000, 1000, "/bin/bash", PasswordState.SET, null, 120),
                pam("common-password", "password", "[success=1 default=ignore]", "pam_unix.so", "obscure",
                        "yescrypt"),
                new Setting("login.defs", "ENCRYPT_METHOD", "YESCRYPT"));
        snapshots.add(yescrypt);
        assertThat(overridden.differences(snapshots)).isEmpty();

        assertThat(status(linux, yescrypt, "157.11")).isEqualTo(Status.FAIL);
        assertThat(status(overridden, yescrypt, "157.11")).isEqualTo(Status.PASS);
        assertThat(status(linux, yescrypt, "EnsureMaxDaysBetweenPasswordChanges")).isEqualTo(Status.PASS);
        Finding age = finding(overridden, yescrypt, "EnsureMaxDaysBetweenPasswordChanges");
        assertThat(age.status()).isEqualTo(Status.FAIL);
        assertThat(age.actual()).isEqualTo("dave: 120");
        assertThat(age.expected()).isEqualTo("maximum days <= 90");
        assertThat(finding(overridden, yescrypt, "157.11").expected())
                .isEqualTo("pam_unix.so in sha512|yescrypt; ENCRYPT_METHOD in SHA512|YESCRYPT");
    }

    @Test
    void sameFindingsWhenTheCollectorsDidNotRunOrFailed() {
        ConfigurationSnapshot full = snapshots().get(1);
        ConfigurationSnapshot failed = new ConfigurationSnapshot(full.machine(), full.collectedAt(), full.facts(),
                new Coverage(List.of(CollectorRun.failed("accounts", "cannot read /etc/shadow"),
                        CollectorRun.failed("pam", "cannot read /etc/pam.d"),
                        CollectorRun.unavailable("login.defs", "no /etc/login.defs")), List.of()));
        ConfigurationSnapshot none = new ConfigurationSnapshot(full.machine(), full.collectedAt(), full.facts(),
                Coverage.EMPTY);
        assertThat(linux.differences(List.of(failed, none))).isEmpty();
        assertThat(linux.drools().assess(failed).findings()).filteredOn(f -> RULES.contains(f.ruleId()))
                .extracting(Finding::status).containsOnly(Status.UNKNOWN);
    }

    /** Snapshots on which every snippet of the rules reports; all collectors the rules require ran. */
    private static List<ConfigurationSnapshot> snapshots() {
        LocalDate readOn = LocalDate.parse("2025-06-01");
        List<ConfigurationSnapshot> out = new ArrayList<>();
        out.add(snapshot("compliant",
                account("root", 0, 0, "/bin/bash", PasswordState.SET, LocalDate.parse("2025-01-10"), 90),
                account("daemon", 1, 1, "/usr/sbin/nologin", PasswordState.NO_PASSWORD, null, null),
                account("sync", 4, 65534, "/bin/sync", PasswordState.NO_PASSWORD, null, null),
                account("rescue", 998, 998, "/usr/bin/false", PasswordState.LOCKED, null, null),
                account("alice", 1000, 1000, "/bin/bash", PasswordState.SET, readOn, 365),
                group("root", 0), group("daemon", 1), group("rescue", 998), group("nogroup", 65534),
                group("alice", 1000), group("shadow", 42),
                pam("su", "auth", "required", "pam_wheel.so", "use_uid"),
                pam("common-password", "password", "[success=1 default=ignore]", "pam_unix.so", "obscure", "sha512"),
                pam("common-password", "password", "requisite", "pam_deny.so"),
                pam("sshd", "password", "include", "pam_unix.so", "md5"),
                new Setting("login.defs", "ENCRYPT_METHOD", "SHA512"),
                new Setting("login.defs", "UID_MIN", "1000"),
                new Setting("shadow", "read-on", readOn.toString()),
                new Setting("root-path", "/root/.profile", "/usr/local/sbin:/usr/sbin:/usr/bin"),
                new Setting("root-path", "/etc/environment", "/usr/bin:./bin:.hidden")));
        out.add(snapshot("non-compliant",
                account("root", 0, 5, "/bin/bash", PasswordState.EMPTY, LocalDate.parse("2026-01-01"), null),
                account("toor", 0, 0, "/bin/sh", PasswordState.SET, null, 99999),
                account("bin", 2, 2, "/bin/sh", PasswordState.SET, null, null),
                account("games", 5, 60, "/usr/sbin/nologin", PasswordState.LOCKED, null, null),
                account("test", 1500, 1500, "/bin/bash", PasswordState.LOCKED, null, null),
                account("dup", 1001, 1001, "/usr/sbin/nologin", PasswordState.LOCKED, null, null),
                account("dup", 1001, 1001, "/usr/sbin/nologin", PasswordState.LOCKED, null, null),
                account("svc", 1002, 42, "/usr/sbin/nologin", PasswordState.LOCKED, null, null),
                group("root", 3), group("bin", 2), group("shadow", 42, "alice", "bob"), group("wheel", 10),
                group("adm", 10), group("staff", 50), group("staff", 50), group("test", 1500), group("dup", 1001),
                pam("su", "auth", "sufficient", "pam_wheel.so", "trust"),
                pam("common-password", "password", "requisite", "pam_pwquality.so", "retry=3"),
                pam("system-auth", "password", "sufficient", "pam_unix.so", "md5", "shadow"),
                pam("password-auth", "password", "sufficient", "pam_unix.so", "shadow"),
                pam("system-password", "password", "sufficient", "pam_unix.so", "sha512", "md5"),
                new Setting("passwd", "legacy-entry", "+::::::"),
                new Setting("shadow", "legacy-entry", "+"),
                new Setting("group", "legacy-entry", "+:::"),
                new Setting("login.defs", "ENCRYPT_METHOD", "MD5"),
                new Setting("login.defs", "UID_MIN", " 2000 "),
                new Setting("shadow", "read-on", readOn.toString()),
                new Setting("root-path", "/root/.bashrc", ".:/usr/bin"),
                new Setting("root-path", "/etc/environment", "/usr/bin:"),
                new Setting("root-path", "/root/.profile", "/usr/bin::/bin"),
                new Setting("root-path", "/etc/profile", ""),
                new Setting("root-path", "ENV_SUPATH", "/usr/sbin:.")));
        out.add(snapshot("no-root",
                account("alice", 1000, 1000, "/bin/bash", PasswordState.UNKNOWN, null, null),
                account("halt", 7, 7, "/sbin/halt", PasswordState.SET, null, 30),
                account("lp", 4, 7, "/bin/bash", PasswordState.LOCKED, null, null),
                account("nobody", 65534, 65534, "/usr/sbin/nologin", PasswordState.NO_PASSWORD, null, null),
                group("alice", 1000), group("lp", 7), group("nogroup", 65534),
                pam("su", "auth", "required", "pam_wheel.so", "group=wheel"),
                pam("login", "password", "include", "pam_unix.so", "sha512"),
                new Setting("login.defs", "UID_MIN", "none")));
        out.add(snapshot("root-locked",
                account("root", 0, 0, "/bin/bash", PasswordState.LOCKED, null, null),
                account("daemon", 1, 1, "/usr/sbin/nologin", PasswordState.NO_PASSWORD, null, null),
                group("root", 0), group("daemon", 1),
                pam("su", "auth", "requisite", "pam_wheel.so", "use_uid")));
        out.add(snapshot("root-no-password",
                account("root", 0, 0, "/bin/bash", PasswordState.NO_PASSWORD, null, null),
                group("root", 0)));
        out.add(snapshot("root-unknown",
                account("root", 0, 0, "/bin/bash", PasswordState.UNKNOWN, null, null)));
        // two UID_MIN and two read-on settings: each is a match of its own in the DRL
        out.add(snapshot("twice",
                account("root", 0, 0, "/bin/bash", PasswordState.SET, null, 90),
                account("web", 800, 800, "/bin/sh", PasswordState.LOCKED, null, null),
                account("carol", 1000, 1000, "/bin/bash", PasswordState.SET, LocalDate.parse("2025-01-01"), 30),
                group("root", 0), group("web", 800), group("carol", 1000),
                new Setting("login.defs", "UID_MIN", "500"),
                new Setting("login.defs", "UID_MIN", "1000"),
                new Setting("shadow", "read-on", readOn.toString()),
                new Setting("shadow", "read-on", "2024-12-31")));
        out.add(snapshot("nothing"));
        return out;
    }

    private static ConfigurationSnapshot snapshot(String id, Fact... facts) {
        return new ConfigurationSnapshot(Machine.builder(id).osFamily(OsFamily.LINUX).build(),
                Instant.parse("2025-06-01T08:00:00Z"), List.of(facts),
                new Coverage(COLLECTORS.stream().map(c -> CollectorRun.collected(c, null)).toList(), List.of()));
    }

    private static UserAccount account(String name, int uid, int gid, String shell, PasswordState password,
            @CheckForNull LocalDate lastChange, @CheckForNull Integer maxDays) {
        return new UserAccount(name, uid, gid, "/home/" + name, shell, password, lastChange, null, maxDays, null,
                null);
    }

    private static UserGroup group(String name, int gid, String... members) {
        return new UserGroup(name, gid, List.of(members));
    }

    private static PamEntry pam(String service, String type, String control, String module, String... arguments) {
        return new PamEntry(service, type, control, module, List.of(arguments));
    }

    private static Finding finding(EnginePair pair, ConfigurationSnapshot snapshot, String rule) {
        Assessment a = pair.drools().assess(snapshot);
        return a.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    private static Status status(EnginePair pair, ConfigurationSnapshot snapshot, String rule) {
        return finding(pair, snapshot, rule).status();
    }
}

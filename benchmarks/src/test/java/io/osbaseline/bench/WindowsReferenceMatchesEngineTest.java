package io.osbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserRight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference evaluator gives the same findings as the Drools engine on the Azure Windows baseline: on the captured
 * Windows snapshots, on a generated Windows fleet, on facts built to take every verdict path of each Windows check
 * kind, for each machine role, with collectors missing, and with overridden expectations.
 */
class WindowsReferenceMatchesEngineTest {
    private static final String EVENTLOG_SECURITY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\EventLog\\Security";
    private static final String WORKSTATION = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation";
    private static final String LOGON = "{0cce9215-69ae-11d9-bed3-505054503030}";
    private static final List<String> COLLECTORS = List.of("registry", "security-policy", "user-rights",
            "audit-policy", "machine-role", "device-security");

    private static Corpus corpus;
    private static EnginePair windows;

    @BeforeAll
    static void build() throws EngineException {
        corpus = Corpus.capture();
        windows = EnginePair.of(List.of("azure-windows"));
    }

    @Test
    void everyWindowsRuleHasAJavaVersion() throws EngineException {
        assertThat(ReferenceEngineFactory.uncovered(List.of("azure-windows"))).isEmpty();
        assertThat(windows.reference().rules()).hasSize(285);
    }

    @Test
    void sameRulesWithTheSameMetadata() {
        assertThat(windows.reference().rules()).containsExactlyElementsOf(windows.drools().rules());
        assertThat(windows.reference().baselines()).containsExactlyElementsOf(windows.drools().baselines());
    }

    @Test
    void theCorpusHasAGeneratedWindowsServer() {
        ConfigurationSnapshot w = corpus.get("windows2022");
        assertThat(w.machine().osFamily()).isEqualTo(OsFamily.WINDOWS);
        assertThat(w.machine().osName()).startsWith("Microsoft Windows Server 2022");
        assertThat(w.coverage().gaps()).isEmpty();
        assertThat(w.coverage().collectors()).extracting(CollectorRun::collector)
                .containsExactlyInAnyOrderElementsOf(COLLECTORS);
        assertThat(w.facts(MachineRole.class).map(MachineRole::role)).containsExactly(MachineRole.DOMAIN_MEMBER);
        assertThat(w.facts(RegistryValue.class).count()).isGreaterThan(200);
        assertThat(w.facts(AuditPolicy.class).count()).isEqualTo(59);
        // secedit leaves out the rights nobody holds; the provider records them as held by no one
        assertThat(w.facts(UserRight.class).count()).isGreaterThan(40);
    }

    @Test
    void sameFindingsOnTheCapturedSnapshots() {
        List<ConfigurationSnapshot> captured = corpus.of(OsFamily.WINDOWS);
        assertThat(windows.differences(captured)).isEmpty();
        Map<Status, Integer> counts = windows.drools().assess(corpus.get("windows2022")).countByStatus();
        assertThat(counts.get(Status.PASS)).isGreaterThan(150);
        assertThat(counts.get(Status.FAIL)).isGreaterThan(20);
        assertThat(counts.get(Status.NOT_APPLICABLE)).isGreaterThan(5);
        assertThat(counts.get(Status.UNKNOWN)).isPositive();
    }

    @Test
    void sameFindingsOnAGeneratedFleet() {
        List<ConfigurationSnapshot> fleet = new Fleet(corpus.of(OsFamily.WINDOWS)).first(300);
        assertThat(windows.differences(fleet)).isEmpty();
        // The fleet really varies: not every machine has the same verdicts.
        assertThat(fleet.stream().map(s -> windows.drools().assess(s).countByStatus()).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void everyVerdictPathOfTheWindowsChecks() {
        ConfigurationSnapshot compliant = snapshot("compliant", "Azure Stack HCI, version 23H2", List.of(
                new MachineRole(MachineRole.DOMAIN_MEMBER, "test"),
                dword(EVENTLOG_SECURITY, "MaxSize", "196608"),
                new RegistryScope(EVENTLOG_SECURITY, null, true, "test"),
                new RegistryValue(WORKSTATION, "DependOnService", RegistryValueType.MULTI_SZ, "bowser\nMRxSmb20\nNSI",
                        "test"),
                new SecurityPolicy(SecurityPolicy.SYSTEM_ACCESS, "MinimumPasswordLength", "14", "test"),
                new AuditPolicy(LOGON, "Audit Logon", true, true, "test"),
                right("SeDenyNetworkLogonRight", "Guests", "Local account"),
                right("SeTcbPrivilege"),
                right("SeRemoteInteractiveLogonRight", "BUILTIN\\Administrators"),
                right("SeDebugPrivilege", "*S-1-5-32-544"),
                new Setting("device-security", "SecureBootState", "1"),
                new Setting("device-security", "TPMVersion", "1.2, 0, 3.19")));
        ConfigurationSnapshot failing = snapshot("failing", "Microsoft Windows Server 2019 Standard", List.of(
                new MachineRole(MachineRole.WORKGROUP_MEMBER, "test"),
                dword(EVENTLOG_SECURITY, "MaxSize", "20480"),
                new RegistryValue(WORKSTATION, "DependOnService", RegistryValueType.MULTI_SZ, "Bowser\nMRxSmb10\nNSI",
                        "test"),
                // a GPO's **del.MaxSize: the value is removed
                new RegistryScope("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\EventLog\\Application", "MaxSize",
                        false, "test"),
                new SecurityPolicy(SecurityPolicy.SYSTEM_ACCESS, "MinimumPasswordLength", "8", "test"),
                new AuditPolicy(LOGON, "Audit Logon", true, false, "test"),
                right("SeDenyNetworkLogonRight", "Administrators"),
                right("SeTcbPrivilege", "Everyone"),
                right("SeRemoteInteractiveLogonRight", "Administrators", "Users"),
                right("SeDebugPrivilege", "Administrators", "CONTOSO\\dev-ops"),
                right("SeCreatePagefilePrivilege"),
                right("SeDenyRemoteInteractiveLogonRight", "Guests"),
                new Setting("device-security", "SecureBootState", "0")));
        // Several facts for one setting, two roles, and an unknown OS: a merge of exports.
        ConfigurationSnapshot merged = snapshot("merged", null, List.of(
                new MachineRole(MachineRole.DOMAIN_CONTROLLER, "test"),
                new MachineRole(MachineRole.WORKGROUP_MEMBER, "test"),
                dword(EVENTLOG_SECURITY, "MaxSize", "196608"),
                dword(EVENTLOG_SECURITY, "MaxSize", "20480"),
                new SecurityPolicy(SecurityPolicy.SYSTEM_ACCESS, "MinimumPasswordLength", "14", "a"),
                new SecurityPolicy(SecurityPolicy.SYSTEM_ACCESS, "MinimumPasswordLength", "15", "b"),
                right("SeDebugPrivilege", "Administrators"),
                right("SeDebugPrivilege", "Administrators", "Users")));
        List<ConfigurationSnapshot> all = List.of(compliant, failing, merged);
        assertThat(windows.differences(all)).isEmpty();

        Map<String, Finding> c = findings(compliant);
        assertThat(statuses(c, "CCE-37695-4", "CCE-37145-0", "AZ-WIN-00122", "CCE-36534-6", "CCE-38036-0",
                "CCE-37954-5", "CCE-36876-1", "CCE-37072-6", "AZ-WIN-73755", "AZ-WIN-202248")).containsOnly(Status.PASS);
        assertThat(c.get("CCE-37145-0").actual()).isEqualTo("not set");
        assertThat(c.get("AZ-WIN-202249").status()).isEqualTo(Status.FAIL);
        assertThat(statuses(c, "AZ-WIN-202250", "AZ-WIN-73312", "AZ-WIN-00156", "CCE-37063-5", "CCE-38237-4"))
                .containsOnly(Status.UNKNOWN);
        assertThat(c.get("CCE-38004-8").status()).isEqualTo(Status.NOT_APPLICABLE);

        Map<String, Finding> f = findings(failing);
        assertThat(statuses(f, "CCE-37695-4", "AZ-WIN-00122", "CCE-37948-7", "CCE-36534-6", "CCE-38036-0",
                "CCE-37954-5", "CCE-36876-1", "CCE-37072-6", "AZ-WIN-73755", "CCE-35821-8")).containsOnly(Status.FAIL);
        assertThat(f.get("CCE-37948-7").actual()).isEqualTo("not set");
        assertThat(f.get("CCE-37954-5").reason()).isEqualTo("not granted to Guests");
        assertThat(f.get("AZ-WIN-73755").reason()).isEqualTo("also granted to CONTOSO\\dev-ops");
        assertThat(f.get("CCE-36867-0").status()).isEqualTo(Status.PASS);
        assertThat(f.get("CCE-37145-0").status()).isEqualTo(Status.UNKNOWN);
        assertThat(statuses(f, "AZ-WIN-202248", "AZ-WIN-73312")).containsOnly(Status.NOT_APPLICABLE);
        assertThat(f.get("AZ-WIN-73312").reason()).isEqualTo("applies to domain controllers and domain members only; "
                + "this machine is a workgroup member");

        Map<String, Finding> m = findings(merged);
        assertThat(m.get("CCE-37695-4").status()).isEqualTo(Status.FAIL);
        assertThat(m.get("CCE-36534-6").status()).isEqualTo(Status.PASS);
        assertThat(m.get("CCE-36534-6").actual().split("; ")).containsExactlyInAnyOrder("14", "15");
        assertThat(m.get("AZ-WIN-202248").status()).isEqualTo(Status.UNKNOWN);
        // applies to domain members and workgroup members only: not applicable to the domain controller role
        assertThat(m.get("CCE-35818-4").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void sameFindingsForEachRole() {
        ConfigurationSnapshot base = corpus.get("windows2022");
        Map<String, Map<String, Status>> byRole = new java.util.LinkedHashMap<>();
        List<ConfigurationSnapshot> variants = new ArrayList<>();
        for (String role : List.of(MachineRole.DOMAIN_CONTROLLER, MachineRole.DOMAIN_MEMBER,
                MachineRole.WORKGROUP_MEMBER, "unknown")) {
            List<Fact> facts = new ArrayList<>(base.facts().stream().filter(x -> !(x instanceof MachineRole)).toList());
            if (!role.equals("unknown")) {
                facts.add(new MachineRole(role, "test"));
            }
            ConfigurationSnapshot s = new ConfigurationSnapshot(base.machine().toBuilder().build(), base.collectedAt(),
                    facts, base.coverage());
            variants.add(s);
            byRole.put(role, findings(s).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status())));
        }
        assertThat(windows.differences(variants)).isEmpty();
        // Computer Account Management auditing: domain controllers only
        assertThat(byRole.get(MachineRole.DOMAIN_CONTROLLER).get("CCE-38004-8")).isEqualTo(Status.PASS);
        assertThat(byRole.get(MachineRole.DOMAIN_MEMBER).get("CCE-38004-8")).isEqualTo(Status.NOT_APPLICABLE);
        // Windows NTP client: workgroup members only
        assertThat(byRole.get(MachineRole.WORKGROUP_MEMBER).get("CCE-37843-0")).isEqualTo(Status.PASS);
        assertThat(byRole.get(MachineRole.DOMAIN_CONTROLLER).get("CCE-37843-0")).isEqualTo(Status.NOT_APPLICABLE);
        // no role known (as for a GPO backup): every rule is judged
        assertThat(byRole.get("unknown").entrySet()).noneMatch(e -> e.getValue() == Status.NOT_APPLICABLE
                && !e.getKey().startsWith("AZ-WIN-20224") && !e.getKey().equals("AZ-WIN-202250"));
        assertThat(byRole.values().stream().map(r -> r.values().stream().filter(Status.NOT_APPLICABLE::equals).count())
                .distinct().count()).isGreaterThan(2);
    }

    @Test
    void sameFindingsWhenCollectorsAreMissing() {
        ConfigurationSnapshot w = corpus.get("windows2022");
        List<CollectorRun> runs = new ArrayList<>();
        for (CollectorRun r : w.coverage().collectors()) {
            // user-rights failed, audit-policy did not run
            if (r.collector().equals("user-rights")) {
                runs.add(CollectorRun.failed("user-rights", "secedit.exe exited with code 5 (run elevated)"));
            } else if (!r.collector().equals("audit-policy")) {
                runs.add(r);
            }
        }
        ConfigurationSnapshot partial = new ConfigurationSnapshot(w.machine(), w.collectedAt(), w.facts(),
                new Coverage(runs, w.coverage().gaps()));
        ConfigurationSnapshot empty = new ConfigurationSnapshot(Machine.builder("empty").osFamily(OsFamily.WINDOWS)
                .build(), Instant.EPOCH, List.of(), Coverage.EMPTY);
        ConfigurationSnapshot noFacts = new ConfigurationSnapshot(Machine.builder("no-facts")
                .osFamily(OsFamily.WINDOWS).osName("Azure Stack HCI").build(), Instant.EPOCH, List.of(),
                w.coverage());
        ConfigurationSnapshot linux = new ConfigurationSnapshot(Machine.builder("linux").osFamily(OsFamily.LINUX)
                .build(), Instant.EPOCH, w.facts(), w.coverage());
        assertThat(windows.differences(List.of(partial, empty, noFacts, linux))).isEmpty();
        Map<String, Finding> p = findings(partial);
        assertThat(p.get("CCE-35818-4").status()).isEqualTo(Status.UNKNOWN);
        assertThat(p.get("CCE-35818-4").reason()).contains("user-rights");
        assertThat(p.get("CCE-38036-0").status()).isEqualTo(Status.UNKNOWN);
        assertThat(p.get("CCE-37695-4").status()).isEqualTo(Status.FAIL);
        assertThat(windows.drools().assess(empty).countByStatus().get(Status.UNKNOWN)).isEqualTo(285);
    }

    @Test
    void sameFindingsWithOverriddenExpectations() throws EngineException {
        EnginePair customised = EnginePair.of(List.of("azure-windows"), b -> b
                .expect("CCE-37695-4", ">= 131072")
                .expect("AZ-WIN-73311", "in 0|1|2|3")
                .expect("CCE-37133-6", "in 1|3"));
        assertThat(customised.reference().rules()).containsExactlyElementsOf(customised.drools().rules());
        ConfigurationSnapshot w = corpus.get("windows2022");
        List<ConfigurationSnapshot> snapshots = new ArrayList<>(new Fleet(List.of(w)).first(40));
        snapshots.add(w);
        assertThat(customised.differences(snapshots)).isEmpty();
        Map<String, Finding> before = findings(w);
        Map<String, Finding> after = customised.drools().assess(w).findings().stream()
                .collect(Collectors.toMap(Finding::ruleId, x -> x));
        for (String rule : List.of("CCE-37695-4", "AZ-WIN-73311", "CCE-37133-6")) {
            assertThat(before.get(rule).status()).isEqualTo(Status.FAIL);
            assertThat(after.get(rule).status()).isEqualTo(Status.PASS);
        }
        assertThat(after.get("CCE-37695-4").expected()).isEqualTo(">= 131072");
    }

    @Test
    void bothRefuseToOverrideWhatIsNotJudgedAgainstAnExpectation() {
        // user rights compare principals, and REG_MULTI_SZ values compare items: neither has an @expect
        for (String rule : List.of("CCE-37659-0", "AZ-WIN-00122")) {
            for (String engine : List.of("drools", "reference")) {
                assertThatThrownBy(() -> BaselineEngine.builder().engine(engine).baselines("azure-windows")
                        .expect(rule, "= Administrators").build())
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("rule '" + rule + "' has no expected value to override");
            }
        }
    }

    private static ConfigurationSnapshot snapshot(String id, String osName, List<Fact> facts) {
        List<CollectorRun> runs = COLLECTORS.stream().map(c -> CollectorRun.collected(c, "test")).toList();
        return new ConfigurationSnapshot(Machine.builder(id).osFamily(OsFamily.WINDOWS).osName(osName).build(),
                Instant.EPOCH, facts, new Coverage(runs, List.of()));
    }

    private static RegistryValue dword(String key, String name, String value) {
        return new RegistryValue(key, name, RegistryValueType.DWORD, value, "test");
    }

    private static UserRight right(String right, String... principals) {
        return new UserRight(right, List.of(principals), "test");
    }

    private static Map<String, Finding> findings(ConfigurationSnapshot s) {
        Assessment a = windows.drools().assess(s);
        return a.findings().stream().collect(Collectors.toMap(Finding::ruleId, x -> x));
    }

    private static List<Status> statuses(Map<String, Finding> findings, String... rules) {
        return java.util.Arrays.stream(rules).map(r -> findings.get(r).status()).toList();
    }
}

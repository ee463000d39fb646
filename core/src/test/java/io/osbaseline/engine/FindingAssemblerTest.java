package io.osbaseline.engine;

import static io.osbaseline.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingAssemblerTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RuleInfo SSH_ROOT = Fixtures.linuxRule("5.2.8", "sshd");
    private static final RuleInfo SHADOW = Fixtures.linuxRule("6.1.3", "files");
    private static final RuleInfo NO_REQUIREMENT = Fixtures.linuxRule("1.1.1");
    private static final Machine WEB = Fixtures.linux("vm-web").toBuilder().tag("env", "prod").build();

    private static FindingAssembler assembler(List<RuleInfo> rules, Exemption... exemptions) {
        return new FindingAssembler(rules, List.of(exemptions), CLOCK);
    }

    private static ConfigurationSnapshot collected(Machine machine, String... collectors) {
        return Fixtures.snapshot(machine, List.of(), Arrays.stream(collectors)
                .map(c -> CollectorRun.collected(c, null)).toArray(CollectorRun[]::new));
    }

    private static Finding only(Assessment a) {
        assertThat(a.findings()).hasSize(1);
        return a.findings().get(0);
    }

    @Test
    void aRuleWhoseCollectorDidNotRunIsUnknownWhateverItEmitted() {
        FindingAssembler assembler = assembler(List.of(SSH_ROOT));
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(collected(WEB, "files"));
        sheet.record(SSH_ROOT, Status.PASS, "permitrootlogin no", null);

        Finding f = only(sheet.finish());

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.reason()).isEqualTo("collector 'sshd' did not run for this snapshot");
        assertThat(f.actual()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', textBlock = """
            FAILED      # sshd -T exited with 255    # collector 'sshd' failed: sshd -T exited with 255
            UNAVAILABLE # offline root: no sshd -T   # collector 'sshd' unavailable: offline root: no sshd -T
            """)
    void aRuleWhoseCollectorFailedIsUnknownWithTheCollectorsDetail(CollectorStatus status, String detail,
            String reason) {
        FindingAssembler assembler = assembler(List.of(SSH_ROOT));
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(
                Fixtures.snapshot(WEB, List.of(), new CollectorRun("sshd", status, detail)));
        // a "not SshdOption(...)" pattern fires on missing data; it must not count
        sheet.record(SSH_ROOT, Status.FAIL, "permitrootlogin absent", null);

        Finding f = only(sheet.finish());

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.reason()).isEqualTo(reason);
        assertThat(f.actual()).isNull();
    }

    @Test
    void aFailedCollectorWithoutDetailGivesAReasonWithoutNull() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT))
                .newSheet(Fixtures.snapshot(WEB, List.of(), new CollectorRun("sshd", CollectorStatus.FAILED, null)));

        assertThat(only(sheet.finish()).reason()).isEqualTo("collector 'sshd' failed");
    }

    @Test
    void theCollectorReasonDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT)).newSheet(
                    Fixtures.snapshot(WEB, List.of(), CollectorRun.failed("sshd", "timeout")));

            assertThat(only(sheet.finish()).reason()).isEqualTo("collector 'sshd' failed: timeout");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyRequiredCollectorIsChecked() {
        RuleInfo twoCollectors = Fixtures.linuxRule("5.3.1", "packages", "pam");
        FindingAssembler.VerdictSheet sheet = assembler(List.of(twoCollectors)).newSheet(Fixtures.snapshot(WEB,
                List.of(), CollectorRun.collected("packages", null), CollectorRun.failed("pam", "no /etc/pam.d")));
        sheet.record(twoCollectors, Status.PASS, "pam_pwquality.so", null);

        assertThat(only(sheet.finish()).reason()).isEqualTo("collector 'pam' failed: no /etc/pam.d");
    }

    @Test
    void aPartialCollectorIsUsable() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT)).newSheet(Fixtures.snapshot(WEB,
                List.of(), new CollectorRun("sshd", CollectorStatus.PARTIAL, "one include unreadable")));
        sheet.record(SSH_ROOT, Status.PASS, "permitrootlogin no", null);

        Finding f = only(sheet.finish());

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.actual()).isEqualTo("permitrootlogin no");
        assertThat(f.reason()).isNull();
    }

    @Test
    void aRuleThatEmittedNothingIsUnknownNeverASilentPass() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT, NO_REQUIREMENT))
                .newSheet(collected(WEB, "sshd"));

        Assessment a = sheet.finish();

        assertThat(a.findings()).extracting(Finding::status).containsExactly(Status.UNKNOWN, Status.UNKNOWN);
        assertThat(a.findings()).extracting(Finding::reason).containsOnly(
                "no verdict: the facts this rule examines are not in the snapshot");
    }

    @Test
    void noVerdictListsTheCoverageGapsOfTheRequiredCollectorsOnly() {
        ConfigurationSnapshot snapshot = Fixtures.snapshot(WEB, List.of(),
                List.of(new CollectorRun("sshd", CollectorStatus.PARTIAL, "1 unreadable"),
                        CollectorRun.collected("files", null)),
                List.of(new CoverageGap("sshd", "/etc/ssh/sshd_config.d/50-cloud.conf", "permission denied"),
                        new CoverageGap("files", "/etc/shadow", "permission denied")));

        Finding f = only(assembler(List.of(SSH_ROOT)).newSheet(snapshot).finish());

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.reason()).isEqualTo("no verdict: the facts this rule examines are not in the snapshot; "
                + "unreadable: /etc/ssh/sshd_config.d/50-cloud.conf (permission denied)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '#', textBlock = """
            PASS                                # PASS
            PASS,FAIL                           # FAIL
            FAIL,PASS                           # FAIL
            PASS,UNKNOWN                        # UNKNOWN
            UNKNOWN,FAIL                        # FAIL
            FAIL,NOT_APPLICABLE                 # NOT_APPLICABLE
            PASS,UNKNOWN,FAIL,NOT_APPLICABLE    # NOT_APPLICABLE
            UNKNOWN,NOT_APPLICABLE              # NOT_APPLICABLE
            UNKNOWN                             # UNKNOWN
            """)
    void verdictsMergeWithNotApplicableThenFailThenUnknownThenPass(String emitted, Status expected) {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SHADOW)).newSheet(collected(WEB, "files"));
        for (String s : emitted.split(",")) {
            Status status = Status.valueOf(s);
            sheet.record(SHADOW, status, "actual " + s,
                    status == Status.UNKNOWN || status == Status.NOT_APPLICABLE ? "reason " + s : null);
        }

        assertThat(only(sheet.finish()).status()).isEqualTo(expected);
    }

    @Test
    void aFailCarriesTheFailingActualsOnly() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SHADOW)).newSheet(collected(WEB, "files"));
        sheet.record(SHADOW, Status.PASS, "/etc/gshadow 0000 root:shadow", null);
        sheet.record(SHADOW, Status.FAIL, "/etc/shadow 0644 root:shadow", null);
        sheet.record(SHADOW, Status.FAIL, "/etc/shadow- 0644 root:shadow", null);

        Finding f = only(sheet.finish());

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.actual()).isEqualTo("/etc/shadow 0644 root:shadow; /etc/shadow- 0644 root:shadow");
        assertThat(f.reason()).isNull();
        assertThat(f.expected()).isEqualTo("= 0");
        assertThat(f.machineId()).isEqualTo("vm-web");
        assertThat(f.baselineId()).isEqualTo("azure-linux");
        assertThat(f.title()).isEqualTo("Rule 6.1.3");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void notApplicableAndUnknownCarryTheirReasons() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT, SHADOW))
                .newSheet(collected(WEB, "sshd", "files"));
        sheet.record(SSH_ROOT, Status.FAIL, "permitrootlogin yes", null);
        sheet.record(SSH_ROOT, Status.NOT_APPLICABLE, null, "openssh-server is not installed");
        sheet.record(SHADOW, Status.PASS, "/etc/gshadow 0000 root:shadow", null);
        sheet.record(SHADOW, Status.UNKNOWN, null, "/etc/shadow: permission denied");
        sheet.record(SHADOW, Status.UNKNOWN, null, "/etc/shadow-: permission denied");

        List<Finding> findings = sheet.finish().findings();

        assertThat(findings.get(0).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(findings.get(0).reason()).isEqualTo("openssh-server is not installed");
        assertThat(findings.get(1).status()).isEqualTo(Status.UNKNOWN);
        assertThat(findings.get(1).reason())
                .isEqualTo("/etc/shadow: permission denied; /etc/shadow-: permission denied");
        assertThat(findings.get(1).actual()).as("what was read is still shown")
                .isEqualTo("/etc/gshadow 0000 root:shadow");
    }

    @Test
    void actualValuesAreDeduplicatedInOrder() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SHADOW)).newSheet(collected(WEB, "files"));
        for (String v : List.of("b", "a", "b", "c", "a")) {
            sheet.record(SHADOW, Status.FAIL, v, null);
        }

        assertThat(only(sheet.finish()).actual()).isEqualTo("b; a; c");
    }

    @Test
    void actualValuesAreCappedAtTen() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SHADOW)).newSheet(collected(WEB, "files"));
        IntStream.rangeClosed(1, 12).forEach(i -> sheet.record(SHADOW, Status.FAIL, "user" + i, null));

        assertThat(only(sheet.finish()).actual()).isEqualTo(IntStream.rangeClosed(1, 10).mapToObj(i -> "user" + i)
                .collect(Collectors.joining("; ")) + "; ... and 2 more");
    }

    @Test
    void tenActualValuesAreNotCapped() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SHADOW)).newSheet(collected(WEB, "files"));
        IntStream.rangeClosed(1, 10).forEach(i -> sheet.record(SHADOW, Status.PASS, "user" + i, null));

        assertThat(only(sheet.finish()).actual()).doesNotContain("more").endsWith("user9; user10");
    }

    @Test
    void anExemptionByMachineIdTurnsTheVerdictIntoExempt() {
        Exemption e = new Exemption("6.1.3", MachineSelector.id("vm-web"), "shadow managed by the IdM agent", null);
        FindingAssembler assembler = assembler(List.of(SHADOW, SSH_ROOT), e);
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(collected(WEB, "files", "sshd"));
        sheet.record(SHADOW, Status.FAIL, "/etc/shadow 0644 root:shadow", null);
        sheet.record(SSH_ROOT, Status.FAIL, "permitrootlogin yes", null);

        Assessment a = sheet.finish();

        Finding shadow = a.findings().get(0);
        assertThat(shadow.status()).isEqualTo(Status.EXEMPT);
        assertThat(shadow.reason()).isEqualTo("exempt: shadow managed by the IdM agent; the rule found FAIL");
        assertThat(shadow.actual()).isEqualTo("/etc/shadow 0644 root:shadow");
        assertThat(a.findings().get(1).status()).as("other rules are not exempt").isEqualTo(Status.FAIL);

        Finding other = only(assembler(List.of(SHADOW), e).newSheet(collected(Fixtures.linux("vm-db"), "files"))
                .finish());
        assertThat(other.status()).as("other machines are not exempt").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anExemptionByTagWithAFutureExpiryNamesTheExpiry() {
        Exemption e = new Exemption("*", MachineSelector.tag("env", "prod"), "change freeze",
                NOW.plus(Duration.ofDays(30)));
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT), e).newSheet(collected(WEB));

        Finding f = only(sheet.finish());

        assertThat(f.status()).isEqualTo(Status.EXEMPT);
        assertThat(f.reason()).isEqualTo("exempt (until 2025-03-31T08:00:00Z): change freeze; the rule found UNKNOWN");

        Machine dev = Fixtures.linux("vm-dev").toBuilder().tag("env", "dev").build();
        assertThat(only(assembler(List.of(SSH_ROOT), e).newSheet(collected(dev)).finish()).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anExpiredExemptionIsIgnored() {
        Exemption expired = new Exemption("5.2.8", MachineSelector.tag("env", "prod"), "migration", NOW);
        Exemption older = new Exemption("5.2.8", MachineSelector.id("vm-web"), "pilot",
                NOW.minus(Duration.ofDays(1)));
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT), expired, older)
                .newSheet(collected(WEB, "sshd"));
        sheet.record(SSH_ROOT, Status.FAIL, "permitrootlogin yes", null);

        Finding f = only(sheet.finish());

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isNull();
    }

    @Test
    void rulesOfAnotherOsFamilyAreNotInTheFindings() {
        RuleInfo windowsRule = Fixtures.rule("azure-windows", "AZ-WIN-00145", Severity.CRITICAL, OsFamily.WINDOWS);
        RuleInfo anyFamily = Fixtures.rule("custom", "ACME-1", Severity.WARNING, null);
        FindingAssembler assembler = assembler(List.of(SSH_ROOT, windowsRule, anyFamily));

        assertThat(assembler.rulesFor(OsFamily.LINUX)).containsExactly(SSH_ROOT, anyFamily);
        assertThat(assembler.rulesFor(OsFamily.WINDOWS)).containsExactly(windowsRule, anyFamily);
        assertThat(assembler.rulesFor(OsFamily.UNKNOWN)).containsExactly(anyFamily);
        assertThat(assembler.rules()).containsExactly(SSH_ROOT, windowsRule, anyFamily);

        FindingAssembler.VerdictSheet sheet = assembler.newSheet(collected(WEB, "sshd"));
        sheet.record(windowsRule, Status.FAIL, "0", null);
        assertThat(sheet.finish().findings()).extracting(Finding::ruleId).containsExactly("5.2.8", "ACME-1");

        Assessment windows = assembler.newSheet(collected(Fixtures.windows("vm-win"))).finish();
        assertThat(windows.findings()).extracting(Finding::ruleId).containsExactly("AZ-WIN-00145", "ACME-1");
    }

    @Test
    void rulesDoNotEmitExemptAndUnknownOrNotApplicableNeedAReason() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SHADOW)).newSheet(collected(WEB, "files"));

        assertThatThrownBy(() -> sheet.record(SHADOW, Status.EXEMPT, null, "because"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not emit EXEMPT");
        assertThatThrownBy(() -> sheet.record(SHADOW, Status.UNKNOWN, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a UNKNOWN verdict needs a reason");
        assertThatThrownBy(() -> sheet.record(SHADOW, Status.NOT_APPLICABLE, "x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a NOT_APPLICABLE verdict needs a reason");
    }

    @Test
    void sheetsAreIndependent() {
        FindingAssembler assembler = assembler(List.of(SHADOW));
        FindingAssembler.VerdictSheet failing = assembler.newSheet(collected(WEB, "files"));
        failing.record(SHADOW, Status.FAIL, "0644", null);
        FindingAssembler.VerdictSheet passing = assembler.newSheet(collected(Fixtures.linux("vm-db"), "files"));
        passing.record(SHADOW, Status.PASS, "0000", null);

        assertThat(only(failing.finish()).status()).isEqualTo(Status.FAIL);
        assertThat(only(passing.finish()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void anAssessmentWithAFailIsUnhealthy() {
        FindingAssembler.VerdictSheet sheet = assembler(List.of(SSH_ROOT, SHADOW))
                .newSheet(collected(WEB, "sshd", "files"));
        sheet.record(SSH_ROOT, Status.PASS, "no", null);
        sheet.record(SHADOW, Status.FAIL, "0644", null);

        Assessment a = sheet.finish();

        assertThat(a.status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        assertThat(a.reason()).isNull();
        assertThat(a.machine()).isEqualTo(WEB);
        assertThat(a.countByStatus()).containsEntry(Status.PASS, 1).containsEntry(Status.FAIL, 1)
                .containsEntry(Status.UNKNOWN, 0).containsEntry(Status.EXEMPT, 0)
                .containsEntry(Status.NOT_APPLICABLE, 0);
    }

    @Test
    void assessmentStatusFollowsTheFindings() {
        RuleInfo rule = SHADOW;
        Finding pass = Finding.of("vm-web", rule, Status.PASS, "0000", null);
        Finding fail = Finding.of("vm-web", rule, Status.FAIL, "0644", null);
        Finding unknown = Finding.of("vm-web", rule, Status.UNKNOWN, null, "not collected");
        Finding exempt = Finding.of("vm-web", rule, Status.EXEMPT, null, "exempt: freeze");
        Finding na = Finding.of("vm-web", rule, Status.NOT_APPLICABLE, null, "not installed");

        assertThat(Assessment.of(WEB, List.of(pass, na)).status()).isEqualTo(AssessmentStatus.HEALTHY);
        assertThat(Assessment.of(WEB, List.of(unknown, exempt)).status()).isEqualTo(AssessmentStatus.HEALTHY);
        assertThat(Assessment.of(WEB, List.of(na, fail, pass)).status()).isEqualTo(AssessmentStatus.UNHEALTHY);

        Assessment allNa = Assessment.of(WEB, List.of(na, na));
        assertThat(allNa.status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
        assertThat(allNa.reason()).isEqualTo("none of the 2 rules applies to this machine");

        Assessment none = Assessment.of(Fixtures.windows("vm-win"), List.of());
        assertThat(none.status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
        assertThat(none.reason()).isEqualTo("no baseline rule applies to WINDOWS machines");
    }

    @Test
    void errorAndNotApplicableAssessmentsNeedAReason() {
        assertThatThrownBy(() -> new Assessment(WEB, AssessmentStatus.ERROR, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vm-web");
        assertThatThrownBy(() -> new Assessment(WEB, AssessmentStatus.NOT_APPLICABLE, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Assessment.error(WEB, "ssh refused").findings()).isEmpty();
        assertThat(Assessment.notApplicable(WEB, "deallocated").status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
    }

    @Test
    void aMachineOfAnUnknownFamilyIsNotApplicableWhenOnlyFamilyRulesExist() {
        Assessment a = assembler(List.of(SSH_ROOT)).newSheet(collected(Machine.builder("host-1").build())).finish();

        assertThat(a.status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
        assertThat(a.reason()).isEqualTo("no baseline rule applies to UNKNOWN machines");
    }
}

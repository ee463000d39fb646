package io.osbaseline.report;

import static io.osbaseline.report.ReportFixture.LINUX;
import static io.osbaseline.report.ReportFixture.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.AffectedMachine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static Recommendation recommendation(Report report, String baselineId) {
        return report.recommendations().stream().filter(r -> r.baselineId().equals(baselineId)).findFirst()
                .orElseThrow();
    }

    @Test
    void oneRecommendationPerBaselineInBaselineOrder() {
        Report report = ReportFixture.report();

        assertThat(report.generatedAt()).isEqualTo(Fixtures.NOW);
        assertThat(report.recommendations()).extracting(Recommendation::baselineId)
                .containsExactly("azure-linux", "azure-windows");
        Recommendation linux = report.recommendations().get(0);
        assertThat(linux.title()).isEqualTo(LINUX.recommendation());
        assertThat(linux.baselineTitle()).isEqualTo("Azure Linux security baseline");
        assertThat(linux.osFamily()).isEqualTo(OsFamily.LINUX);
        assertThat(report.assessments()).isEqualTo(ReportFixture.assessments());
    }

    @Test
    void machinesAreClassifiedUnhealthyHealthyNotApplicableOrUnassessed() {
        Recommendation linux = recommendation(ReportFixture.report(), "azure-linux");

        assertThat(linux.unhealthy()).extracting(MachineRef::id).containsExactly("lin-a", "lin-b");
        assertThat(linux.healthy()).extracting(MachineRef::id)
                .as("a machine whose checks are all UNKNOWN has no failed check").containsExactly("lin-c", "lin-h");
        assertThat(linux.notApplicable()).containsExactly(
                new MachineRef("lin-d", "lin-d", "no rule of azure-linux applies"),
                new MachineRef("lin-e", "lin-e", "deallocated"));
        assertThat(linux.unassessed()).containsExactly(
                new MachineRef("lin-f", "lin-f", "ssh refused"),
                new MachineRef("unk-g", "unk-g", "no route to host"));
        assertThat(linux.unhealthy()).extracting(MachineRef::reason).containsOnlyNulls();
    }

    @Test
    void windowsMachinesAreNotInTheLinuxRecommendation() {
        Report report = ReportFixture.report();
        Recommendation linux = recommendation(report, "azure-linux");
        Recommendation windows = recommendation(report, "azure-windows");

        assertThat(List.of(linux.unhealthy(), linux.healthy(), linux.notApplicable(), linux.unassessed()))
                .flatMap(l -> l).extracting(MachineRef::id).doesNotContain("win-1");
        assertThat(windows.unhealthy()).extracting(MachineRef::id).containsExactly("win-1");
        assertThat(windows.healthy()).isEmpty();
        assertThat(windows.notApplicable()).isEmpty();
        assertThat(windows.failedChecks()).extracting(c -> c.rule().id()).containsExactly("AZ-WIN-00145");
    }

    @Test
    void anErrorMachineOfUnknownFamilyIsUnassessedInEveryRecommendation() {
        Report report = ReportFixture.report();

        assertThat(recommendation(report, "azure-windows").unassessed())
                .containsExactly(new MachineRef("unk-g", "unk-g", "no route to host"));
        assertThat(recommendation(report, "azure-linux").unassessed()).extracting(MachineRef::id).contains("unk-g");
    }

    @Test
    void failedChecksRankBySeverityThenAffectedMachinesThenRuleId() {
        Recommendation linux = recommendation(ReportFixture.report(), "azure-linux");

        // CRITICAL 1.1.4 and 1.1.16 (1 machine each, by rule id), then IMPORTANT 10 (2 machines) before 2.1 (1)
        assertThat(linux.failedChecks()).extracting(c -> c.rule().id()).containsExactly("1.1.4", "1.1.16", "10", "2.1");
        assertThat(linux.failedChecks()).extracting(FailedCheck::affected).containsExactly(1, 1, 2, 1);
        FailedCheck passwordAge = linux.failedChecks().get(2);
        assertThat(passwordAge.rule()).isEqualTo(ReportFixture.R_10);
        assertThat(passwordAge.machines()).containsExactly(
                new AffectedMachine("lin-a", "lin-a", "PASS_MAX_DAYS 99999"),
                new AffectedMachine("lin-b", "lin-b", "PASS_MAX_DAYS 730"));
    }

    @Test
    void moreAffectedMachinesRankFirstWithinASeverity() {
        RuleInfo a = Fixtures.rule("azure-linux", "1.1", Severity.WARNING, OsFamily.LINUX);
        RuleInfo b = Fixtures.rule("azure-linux", "9.9", Severity.WARNING, OsFamily.LINUX);
        ReportBuilder builder = new ReportBuilder(List.of(LINUX), List.of(a, b),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        for (String id : List.of("m1", "m2", "m3")) {
            builder.add(Assessment.of(Fixtures.linux(id), List.of(
                    Finding.of(id, a, id.equals("m1") ? Status.FAIL : Status.PASS, null, null),
                    Finding.of(id, b, Status.FAIL, null, null))));
        }

        assertThat(builder.build().recommendations().get(0).failedChecks()).extracting(c -> c.rule().id())
                .containsExactly("9.9", "1.1");
    }

    @Test
    void aBaselineWithoutMachinesHasNoRecommendation() {
        ReportBuilder builder = ReportFixture.builder();
        builder.add(ReportFixture.linux(ReportFixture.LIN_C, java.util.Map.of()));

        assertThat(builder.build().recommendations()).extracting(Recommendation::baselineId)
                .containsExactly("azure-linux");
        assertThat(ReportFixture.builder().build().recommendations()).isEmpty();
    }

    @Test
    void aMachineWithoutFindingsOfACrossFamilyBaselineIsNotApplicableToIt() {
        Baseline custom = Baseline.custom("acme", null);
        RuleInfo acme = Fixtures.rule("acme", "ACME-1", Severity.IMPORTANT, null);
        ReportBuilder builder = new ReportBuilder(List.of(LINUX, custom), List.of(ReportFixture.R_2_1, acme),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        builder.add(Assessment.of(Fixtures.linux("lin-1"), List.of(
                Finding.of("lin-1", ReportFixture.R_2_1, Status.FAIL, "1", null),
                Finding.of("lin-1", acme, Status.PASS, "ok", null))));
        builder.add(Assessment.of(Fixtures.windows("win-1"), List.of(
                Finding.of("win-1", acme, Status.FAIL, "bad", null))));

        Report report = builder.build();

        Recommendation acmeRec = recommendation(report, "acme");
        assertThat(acmeRec.title()).isEqualTo("Findings of the custom rules acme on your machines should be remediated");
        assertThat(acmeRec.healthy()).extracting(MachineRef::id).containsExactly("lin-1");
        assertThat(acmeRec.unhealthy()).extracting(MachineRef::id).containsExactly("win-1");
        Recommendation linux = recommendation(report, "azure-linux");
        assertThat(linux.unhealthy()).extracting(MachineRef::id).containsExactly("lin-1");
        assertThat(linux.failedChecks()).extracting(c -> c.rule().id()).containsExactly("2.1");
    }

    @Test
    void aFindingOfARuleTheEngineDidNotListIsABug() {
        ReportBuilder builder = new ReportBuilder(List.of(LINUX), List.of(), Clock.systemUTC());
        builder.add(ReportFixture.linux(ReportFixture.LIN_A, java.util.Map.of(ReportFixture.R_2_1, "1")));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("finding for rule 2.1 that the engine did not list");
    }

    @Test
    void assessmentsMayBeAddedFromSeveralThreads() throws Exception {
        ReportBuilder builder = ReportFixture.builder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 200; i++) {
                String id = "vm-" + i;
                pool.execute(() -> builder.add(ReportFixture.linux(Fixtures.linux(id),
                        java.util.Map.of(ReportFixture.R_5_2_8, "permitrootlogin yes"))));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Report report = builder.build();

        assertThat(report.assessments()).hasSize(200);
        assertThat(report.recommendations().get(0).failedChecks()).singleElement()
                .satisfies(c -> assertThat(c.affected()).isEqualTo(200));
    }
}

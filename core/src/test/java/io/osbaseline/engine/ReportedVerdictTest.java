package io.osbaseline.engine;

import static io.osbaseline.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.ReportedVerdict;
import io.osbaseline.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reported verdicts (another assessor's) standing as findings, through the assembler every engine shares. */
class ReportedVerdictTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant REPORTED = Instant.parse("2026-11-27T06:00:00Z");
    private static final RuleInfo ROOT_LOGIN = new RuleInfo("azure-linux", "109", "SSH root login disabled",
            Severity.CRITICAL, "SSH", null, "= no", null, null, List.of("sshd"), null, null);
    private static final RuleInfo HOME_NODEV = new RuleInfo("azure-linux", "1.1.4",
            "Ensure nodev option set on /home partition", Severity.WARNING, "Filesystems", null, "nodev", null, null,
            List.of("mounts"), null, null);
    private static final RuleInfo UMASK = new RuleInfo("azure-linux", "29", "Default umask", Severity.CRITICAL,
            "Accounts", null, "077", null, null, List.of("login.defs"), null, null);
    private static final Machine VM = Fixtures.linux("vm-1");

    private static Assessment assess(List<Exemption> exemptions, List<Fact> facts, CollectorRun... runs) {
        FindingAssembler assembler = new FindingAssembler(List.of(ROOT_LOGIN, HOME_NODEV, UMASK), exemptions, CLOCK);
        return assembler.newSheet(Fixtures.snapshot(VM, facts, runs)).finish();
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    private static ReportedVerdict reported(String ruleId, String title, Status status, String... reasons) {
        return new ReportedVerdict("azure-guest-configuration", "azure-linux", ruleId, title, status,
                List.of(reasons), REPORTED);
    }

    @Test
    void aReportedVerdictStandsForItsRuleWithItsSourceAndReasons() {
        Assessment a = assess(List.of(), List.of(
                reported("109", null, Status.FAIL, "PermitRootLogin is set to yes")));

        Finding f = finding(a, "109");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.actual()).isEqualTo("PermitRootLogin is set to yes");
        assertThat(f.source()).isEqualTo("azure-guest-configuration");
        assertThat(f.reason()).isEqualTo("reported by azure-guest-configuration on 2026-11-27T06:00:00Z");
    }

    @Test
    void itStandsEvenWhereOurOwnRulesJudgedOtherwise() {
        FindingAssembler assembler = new FindingAssembler(List.of(ROOT_LOGIN), List.of(), CLOCK);
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(Fixtures.snapshot(VM,
                List.of(reported("109", null, Status.PASS)), CollectorRun.collected("sshd", null)));
        sheet.record(ROOT_LOGIN, Status.FAIL, "yes", null);

        Finding f = sheet.finish().findings().get(0);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.source()).isEqualTo("azure-guest-configuration");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', textBlock = """
            Ensure nodev option set on /home partition (CIS: L1 - Server - 1.1.14)   # true
            ENSURE NODEV OPTION SET ON /HOME PARTITION.                               # true
            Ensure nodev option set on /home partition. (1.1.4)                      # true
            Ensure nodev option set on /tmp partition                                 # false
            """)
    void aVerdictWithAnotherIdFindsItsRuleByTitle(String reportedTitle, boolean matches) {
        ReportedVerdict v = reported("a87f15ed-1115-a22d-6f43-17db97c91111", reportedTitle, Status.FAIL,
                "/home is not mounted with nodev");

        assertThat(v.concerns(HOME_NODEV)).isEqualTo(matches);
        Finding f = finding(assess(List.of(), List.of(v)), "1.1.4");
        assertThat(f.status()).isEqualTo(matches ? Status.FAIL : Status.UNKNOWN);
    }

    @Test
    void aRuleTheReportSaysNothingAboutStaysUnknownAndSaysSo() {
        Assessment a = assess(List.of(), List.of(reported("109", null, Status.PASS)));

        Finding f = finding(a, "29");
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.source()).isNull();
        assertThat(f.reason()).isEqualTo("collector 'login.defs' did not run for this snapshot; "
                + "azure-guest-configuration reported no verdict for this rule");
    }

    @Test
    void verdictsOnOneRuleMergeLikeOurOwnAndAnUnknownOneKeepsItsReason() {
        Assessment a = assess(List.of(), List.of(
                reported("109", null, Status.PASS, "PermitRootLogin no"),
                reported("109", null, Status.FAIL, "a Match block allows root"),
                reported("1.1.4", null, Status.UNKNOWN, "the agent could not read /etc/fstab")));

        assertThat(finding(a, "109").status()).isEqualTo(Status.FAIL);
        assertThat(finding(a, "109").actual()).isEqualTo("a Match block allows root");
        Finding unknown = finding(a, "1.1.4");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.reason()).isEqualTo("reported by azure-guest-configuration on 2026-11-27T06:00:00Z: "
                + "the agent could not read /etc/fstab");
    }

    @Test
    void anExemptionStillAppliesAndKeepsTheSource() {
        Exemption e = new Exemption("109", MachineSelector.id("vm-1"), "bastion", null);
        Finding f = finding(assess(List.of(e), List.of(reported("109", null, Status.FAIL, "yes"))), "109");

        assertThat(f.status()).isEqualTo(Status.EXEMPT);
        assertThat(f.source()).isEqualTo("azure-guest-configuration");
        assertThat(f.reason()).isEqualTo("exempt: bastion; the rule found FAIL (reported by azure-guest-configuration)");
    }

    @Test
    void aVerdictForAnotherBaselineIsIgnored() {
        ReportedVerdict other = new ReportedVerdict("scanner", "cis-ubuntu", "109", null, Status.FAIL, List.of(),
                null);
        assertThat(other.concerns(ROOT_LOGIN)).isFalse();
        assertThat(finding(assess(List.of(), List.of(other)), "109").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aReportedVerdictCannotBeExempt() {
        assertThatThrownBy(() -> new ReportedVerdict("s", "azure-linux", "109", null, Status.EXEMPT, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be EXEMPT (rule 109)");
    }
}

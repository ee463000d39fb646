package io.osbaseline.drl.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the Azure Windows baseline pack, judged by the real engine on collector bundles written file by
 * file (a UTF-16LE secedit export, an auditpol CSV, UTF-16LE reg exports, the manifest) and read back by the real
 * {@code windows-export} provider: once compliant, once with the rule's setting broken. Each case asserts the
 * status and the actual value reported.
 */
class AzureWindowsRulesTest {
    static final String HCI = "Microsoft Azure Stack HCI";

    static Stream<RuleCase> cases() {
        return Stream.of(AccountPolicyCases.cases(), UserRightCases.cases(), AuditPolicyCases.cases(),
                SecurityOptionCases.cases(), AdministrativeTemplateCases.cases(), FirewallCases.cases(),
                SecuredCoreCases.cases()).flatMap(s -> s);
    }

    /** A bundle where every rule of the pack complies, for a machine of {@code domainRole}. */
    static WindowsBundle compliant(Path dir, int domainRole) {
        WindowsBundle b = new WindowsBundle(dir).domainRole(domainRole).osName(HCI);
        cases().forEach(c -> c.comply().accept(b));
        return b;
    }

    static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for rule " + ruleId));
    }

    @ParameterizedTest(name = "{0} passes when compliant")
    @MethodSource("cases")
    void passesWhenCompliant(RuleCase c, @TempDir Path dir) {
        Finding f = finding(SharedEngines.windows().assess(compliant(dir, c.domainRole()).snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s (reason: %s)", c.ruleId(), f.reason()).isEqualTo(Status.PASS);
        assertThat(f.actual()).isEqualTo(c.compliantActual());
    }

    @ParameterizedTest(name = "{0} fails when broken")
    @MethodSource("cases")
    void failsWhenBroken(RuleCase c, @TempDir Path dir) {
        WindowsBundle b = compliant(dir, c.domainRole());
        c.breakIt().accept(b);
        Finding f = finding(SharedEngines.windows().assess(b.snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s (reason: %s)", c.ruleId(), f.reason()).isEqualTo(c.brokenStatus());
        assertThat(f.actual()).isEqualTo(c.brokenActual());
    }

    @Test
    void everyRuleOfThePackHasACase() {
        List<String> tested = cases().map(RuleCase::ruleId).toList();
        List<String> rules = SharedEngines.windows().rules().stream().map(RuleInfo::id).toList();
        assertThat(rules).hasSize(285);
        assertThat(tested).containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void aCompliantDomainMemberPassesEveryRuleThatAppliesToIt(@TempDir Path dir) {
        Assessment a = SharedEngines.windows().assess(compliant(dir, RuleCase.MEMBER).snapshot());
        Set<Status> statuses = a.findings().stream().map(Finding::status).collect(Collectors.toSet());
        assertThat(statuses).containsExactlyInAnyOrder(Status.PASS, Status.NOT_APPLICABLE);
        assertThat(a.findings().stream().filter(f -> f.status() == Status.NOT_APPLICABLE).map(Finding::ruleId))
                .contains("CCE-38004-8", "AZ-WIN-00004", "CCE-37843-0", "CCE-36867-0")
                .doesNotContain("CCE-35818-4", "CCE-37741-6");
    }
}

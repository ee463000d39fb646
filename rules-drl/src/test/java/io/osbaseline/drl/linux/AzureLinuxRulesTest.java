package io.osbaseline.drl.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Finding;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the Azure Linux baseline pack, judged by the real engine on snapshots the real {@code local} provider
 * takes of real files: once on a compliant root, once with one setting broken. Each case asserts the status and the
 * actual value reported. A case runs on a hardened Debian 12 root unless it names another distribution: then the
 * baseline scopes the rule to that distribution, and on Debian 12 the rule must be NOT_APPLICABLE.
 */
class AzureLinuxRulesTest {

    /**
     * One rule: the distribution it runs on, the actual value on the compliant root, and a way to break it with the
     * actual value then reported.
     */
    record RuleCase(Distro distro, String ruleId, String compliantActual, Consumer<LinuxRoot> breakIt,
            String failingActual) {
        @Override
        public String toString() {
            return ruleId;
        }
    }

    static RuleCase rule(String id, String compliantActual, Consumer<LinuxRoot> breakIt, String failingActual) {
        return new RuleCase(Distro.DEBIAN_12, id, compliantActual, breakIt, failingActual);
    }

    /** A case for a rule that the baseline scopes to some distributions, run on one of them. */
    static RuleCase rule(Distro distro, String id, String compliantActual, Consumer<LinuxRoot> breakIt,
            String failingActual) {
        return new RuleCase(distro, id, compliantActual, breakIt, failingActual);
    }

    /**
     * Rules that apply to no machine's operating system: EnsureLoggingLevel is a setting of the OSConfig agent, which
     * osbaseline does not use. They have no case; they must say NOT_APPLICABLE on the compliant root.
     */
    static final Set<String> NEVER_APPLICABLE = Set.of("EnsureLoggingLevel");

    static Stream<RuleCase> cases() {
        return Stream.of(FilesystemCases.cases(), ServiceCases.cases(), NetworkCases.cases(),
                FilePermissionCases.cases(), BannerCases.cases(), AccountCases.cases(), SshCases.cases(),
                HomeDirectoryCases.cases(), FirewallCases.cases(), LoggingCases.cases(), CronCases.cases(),
                BootCases.cases())
                .flatMap(s -> s);
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for rule " + ruleId));
    }

    @ParameterizedTest(name = "{0} passes on a compliant root")
    @MethodSource("cases")
    void passesOnACompliantRoot(RuleCase c, @TempDir Path dir) {
        Finding f = finding(SharedEngines.linux().assess(LinuxRoot.hardened(c.distro(), dir).snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s (reason: %s)", c.ruleId(), f.reason()).isEqualTo(Status.PASS);
        assertThat(f.actual()).isEqualTo(c.compliantActual());
    }

    @ParameterizedTest(name = "{0} fails when broken")
    @MethodSource("cases")
    void failsWhenBroken(RuleCase c, @TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardened(c.distro(), dir);
        c.breakIt().accept(root);
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), c.ruleId());
        assertThat(f.status()).as("status of %s (reason: %s)", c.ruleId(), f.reason()).isEqualTo(Status.FAIL);
        assertThat(f.actual()).isEqualTo(c.failingActual());
    }

    @Test
    void everyRuleOfThePackHasACase() {
        Set<String> tested = cases().map(RuleCase::ruleId).collect(Collectors.toCollection(HashSet::new));
        tested.addAll(NEVER_APPLICABLE);
        List<String> rules = SharedEngines.linux().rules().stream().map(RuleInfo::id).toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void theCompliantRootIsHealthyWithEveryRuleJudged(@TempDir Path dir) {
        Set<String> elsewhere = cases().filter(c -> c.distro() != Distro.DEBIAN_12).map(RuleCase::ruleId)
                .collect(Collectors.toSet());
        Assessment a = SharedEngines.linux().assess(LinuxRoot.hardenedDebian(dir).snapshot());
        assertThat(a.status()).isEqualTo(AssessmentStatus.HEALTHY);
        assertThat(a.findings()).allSatisfy(f -> assertThat(f.status()).as(f.ruleId() + ": " + f.reason())
                .isEqualTo(elsewhere.contains(f.ruleId()) || NEVER_APPLICABLE.contains(f.ruleId())
                        ? Status.NOT_APPLICABLE : Status.PASS));
    }

    @Test
    void anSshRuleIsNotApplicableWithoutAnOpenSshServer(@TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).delete("/etc/ssh/sshd_config");
        Assessment a = SharedEngines.linux().assess(root.snapshot());
        assertThat(finding(a, "109").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding(a, "109").reason()).isEqualTo("the OpenSSH server is not configured on this machine");
        assertThat(finding(a, "5.2.1").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aMountRuleIsNotApplicableWhenThePathIsNotASeparateMount(@TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).edit("/etc/fstab",
                "UUID=8a2e4c11-77b0-4d1f-8f0e-2b9f9c1d3e42 /home ext4 defaults,nodev 0 2", "");
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), "1.1.4");
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("/home is not a separate mount");
    }

    @Test
    void withoutAPackageDatabasePackageRulesAreUnknownNotPassing(@TempDir Path dir) {
        LinuxRoot root = LinuxRoot.hardenedDebian(dir).delete("/var/lib/dpkg/status");
        Finding f = finding(SharedEngines.linux().assess(root.snapshot()), "73");
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.reason()).startsWith("collector 'packages' failed: ");
    }
}

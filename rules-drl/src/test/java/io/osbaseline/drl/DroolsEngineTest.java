package io.osbaseline.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.Exemption;
import io.osbaseline.engine.MachineSelector;
import io.osbaseline.engine.RuleCompilationException;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SshdOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DroolsEngineTest {
    private static final String HEADER = """
            package com.acme.rules;
            import io.osbaseline.model.fact.*;
            global io.osbaseline.drl.Verdicts verdicts;
            """;

    private static final String ACME_RULE = HEADER + """
            rule "acme ssh port"
                @id("ACME-1") @title("SSH listens on the agreed port") @severity("Important")
                @category("Acme network") @expect("= 2222") @requires("sshd") @os("LINUX")
                @remediation("Set Port 2222 in sshd_config")
            when
                $o : SshdOption( key == "port" )
            then
                verdicts.judge(drools, $o.value());
            end
            """;

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + ruleId + " in " + a.findings()));
    }

    @Test
    void listsEveryRuleOfThePackWithItsMetadata() {
        List<RuleInfo> rules = SharedEngines.linux().rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(30);
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.baselineId()).isEqualTo("azure-linux");
            assertThat(r.title()).isNotBlank();
            assertThat(r.category()).isNotBlank();
            assertThat(r.expected()).isNotBlank();
            assertThat(r.rationale()).isNotBlank();
            assertThat(r.remediation()).isNotBlank();
            if (!r.id().equals("EnsureLoggingLevel")) { // an OSConfig agent setting: no fact of the machine to read
                assertThat(r.requires()).as(r.id()).isNotEmpty();
            }
            assertThat(r.osFamily()).isEqualTo(OsFamily.LINUX);
        });
        RuleInfo root = rules.stream().filter(r -> r.id().equals("109")).findFirst().orElseThrow();
        assertThat(root.title()).isEqualTo("SSH root login disabled");
        assertThat(root.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(root.cce()).isEqualTo("CCE-4387-7");
        assertThat(root.expected()).isEqualTo("PermitRootLogin = no");
        assertThat(rules).extracting(RuleInfo::id).startsWith("1.1.4", "1.1.5", "1.1.6", "1.1.7", "1.1.8", "1.1.9",
                "1.1.16");
        assertThat(SharedEngines.linux().baselines()).extracting(b -> b.recommendation())
                .containsExactly("Vulnerabilities in security configuration on your Linux machines should be remediated");
    }

    @Test
    void judgesAgainstTheExpectationAndReportsTheActualValue() {
        Assessment a = SharedEngines.linux().assess(TestSnapshots.linux("m1").collected("sshd")
                .fact(new SshdOption("permitrootlogin", "yes", "/etc/ssh/sshd_config:12"),
                        new SshdOption("permitemptypasswords", "no", "default"))
                .build());
        Finding root = finding(a, "109");
        assertThat(root.status()).isEqualTo(Status.FAIL);
        assertThat(root.actual()).isEqualTo("yes");
        assertThat(root.expected()).isEqualTo("PermitRootLogin = no");
        assertThat(finding(a, "110").status()).isEqualTo(Status.PASS);
        assertThat(finding(a, "110").actual()).isEqualTo("no");
        assertThat(finding(a, "106.3").status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding(a, "106.3").reason()).contains("IgnoreRhosts is not set");
        assertThat(a.status()).isEqualTo(AssessmentStatus.UNHEALTHY);
    }

    @Test
    void everyApplicableRuleEndsInExactlyOneFinding() {
        Assessment a = SharedEngines.linux().assess(TestSnapshots.linux("m1").build());
        assertThat(a.findings()).extracting(Finding::ruleId)
                .containsExactlyElementsOf(SharedEngines.linux().rules().stream().map(RuleInfo::id).toList());
    }

    @Test
    void aRuleWhoseCollectorDidNotRunIsUnknownNeverASilentPass() {
        // No packages collector: "prelink not installed" must not pass just because no package fact is there.
        Assessment a = SharedEngines.linux().assess(TestSnapshots.linux("m1").build());
        Finding prelink = finding(a, "1.5.4");
        assertThat(prelink.status()).isEqualTo(Status.UNKNOWN);
        assertThat(prelink.reason()).isEqualTo("collector 'packages' did not run for this snapshot");
        assertThat(a.findings()).noneMatch(f -> f.status() == Status.PASS);
    }

    @Test
    void aFailedCollectorMakesItsRulesUnknownWithTheReason() {
        Assessment a = SharedEngines.linux().assess(TestSnapshots.linux("m1")
                .run(CollectorRun.failed("packages", "no package database found")).build());
        assertThat(finding(a, "73").status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding(a, "73").reason()).isEqualTo("collector 'packages' failed: no package database found");
    }

    @Test
    void aRuleThatEmitsNothingIsUnknown() {
        Assessment a = SharedEngines.linux().assess(TestSnapshots.linux("m1").collected("files").build());
        Finding passwd = finding(a, "12.1");
        assertThat(passwd.status()).isEqualTo(Status.UNKNOWN);
        assertThat(passwd.reason()).startsWith("no verdict");
    }

    @Test
    void aMultiPartCheckFailsOnOnePartAndIsUnknownWhenAPartIsMissing() {
        BaselineEngine engine = SharedEngines.linux();
        Assessment failing = engine.assess(TestSnapshots.linux("m1").collected("sysctl")
                .fact(new Sysctl("net.ipv4.conf.all.send_redirects", "0", "runtime"),
                        new Sysctl("net.ipv4.conf.default.send_redirects", "1", "runtime")).build());
        assertThat(finding(failing, "38.3").status()).isEqualTo(Status.FAIL);
        assertThat(finding(failing, "38.3").actual()).isEqualTo("net.ipv4.conf.default.send_redirects=1");

        Assessment partial = engine.assess(TestSnapshots.linux("m1").collected("sysctl")
                .fact(new Sysctl("net.ipv4.conf.all.send_redirects", "0", "/etc/sysctl.d/60-net.conf")).build());
        Finding f = finding(partial, "38.3");
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.reason()).contains("net.ipv4.conf.default.send_redirects is not set");
        assertThat(f.actual()).isEqualTo("net.ipv4.conf.all.send_redirects=0");
    }

    @Test
    void linuxRulesDoNotJudgeWindowsMachines() {
        Machine windows = Machine.builder("w1").osFamily(OsFamily.WINDOWS).build();
        Assessment a = SharedEngines.linux().assess(TestSnapshots.of(windows).collected("sshd")
                .fact(new SshdOption("permitrootlogin", "yes", "x")).build());
        assertThat(a.findings()).isEmpty();
        assertThat(a.status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
    }

    @Test
    void aCustomRuleShowsUpWithItsOwnMetadataInItsOwnBaseline() throws EngineException {
        BaselineEngine engine = BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("acme.drl", ACME_RULE)).build();
        RuleInfo rule = engine.rules().get(0);
        assertThat(rule.id()).isEqualTo("ACME-1");
        assertThat(rule.baselineId()).isEqualTo("com.acme.rules");
        assertThat(rule.title()).isEqualTo("SSH listens on the agreed port");
        assertThat(rule.severity()).isEqualTo(Severity.IMPORTANT);
        assertThat(rule.expected()).isEqualTo("= 2222");
        assertThat(rule.remediation()).isEqualTo("Set Port 2222 in sshd_config");
        assertThat(engine.baselines()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo("com.acme.rules");
            assertThat(b.osFamily()).isEqualTo(OsFamily.LINUX);
        });
        Assessment a = engine.assess(TestSnapshots.linux("m1").collected("sshd")
                .fact(new SshdOption("port", "22", "default")).build());
        assertThat(finding(a, "ACME-1").status()).isEqualTo(Status.FAIL);
        assertThat(finding(a, "ACME-1").actual()).isEqualTo("22");
    }

    @Test
    void aCustomRuleCompiledAtRunTimeJoinsTheBuiltInPackInOneRuleBase() throws EngineException {
        // the pack runs as the executable model, the custom rule as classic DRL: both in the Linux rule base
        BaselineEngine engine = BaselineEngine.builder().baselines("azure-linux")
                .rules(RuleSource.text("acme.drl", ACME_RULE)).build();
        Assessment a = engine.assess(TestSnapshots.linux("m1").collected("sshd")
                .fact(new SshdOption("port", "2222", "/etc/ssh/sshd_config:1"),
                        new SshdOption("permitrootlogin", "yes", "/etc/ssh/sshd_config:2")).build());
        assertThat(finding(a, "ACME-1").status()).isEqualTo(Status.PASS);
        assertThat(finding(a, "ACME-1").actual()).isEqualTo("2222");
        assertThat(finding(a, "109").status()).isEqualTo(Status.FAIL);
        assertThat(finding(a, "109").actual()).isEqualTo("yes");
        assertThat(a.findings()).extracting(Finding::baselineId).containsOnly("azure-linux", "com.acme.rules");
    }

    @Test
    void badDrlIsATypedErrorNamingTheResourceAndLine() {
        String broken = HEADER + """
                rule "broken"
                    @id("X-1") @severity("Warning")
                when
                    $o : NoSuchFact( key == "port" )
                then
                    verdicts.pass(drools, "x");
                end
                """;
        assertThatThrownBy(() -> BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("broken.drl", broken)).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("broken.drl:7")
                .hasMessageContaining("NoSuchFact");
    }

    @Test
    void aCheckWithoutSeverityIsAnErrorThatSaysWhatToAdd() {
        String noSeverity = HEADER + "\n\n" + """
                rule "no severity"
                    @id("X-2") @title("t")
                when
                    SshdOption( key == "port" )
                then
                    verdicts.pass(drools, "x");
                end
                """;
        assertThatThrownBy(() -> BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("nosev.drl", noSeverity)).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("nosev.drl:6 (rule \"no severity\")")
                .hasMessageContaining("needs @severity");
    }

    @Test
    void aMissingRulesFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(java.nio.file.Path.of("/nonexistent/acme.drl")).build())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("/nonexistent/acme.drl");
    }

    @Test
    void disablingMostOfAPackLeavesTheRestWorking() throws EngineException {
        List<String> others = BaselineEngine.builder().baselines("azure-linux").build().rules().stream()
                .map(RuleInfo::id).filter(id -> !id.equals("106.7") && !id.equals("38.3")).toList();
        BaselineEngine engine = BaselineEngine.builder().baselines("azure-linux")
                .disable(others.toArray(String[]::new)).build();
        assertThat(engine.rules()).extracting(RuleInfo::id).containsExactly("38.3", "106.7");
        Assessment a = engine.assess(TestSnapshots.of(Machine.builder("m1").osFamily(OsFamily.LINUX).build())
                .collected("sshd", "sysctl")
                .fact(new SshdOption("maxauthtries", "7", "x"),
                        new Sysctl("net.ipv4.conf.all.send_redirects", "0", "runtime"),
                        new Sysctl("net.ipv4.conf.default.send_redirects", "0", "runtime")).build());
        assertThat(a.findings()).extracting(Finding::ruleId, Finding::status, Finding::actual).containsExactly(
                org.assertj.core.groups.Tuple.tuple("38.3", Status.PASS,
                        "net.ipv4.conf.all.send_redirects=0; net.ipv4.conf.default.send_redirects=0"),
                org.assertj.core.groups.Tuple.tuple("106.7", Status.FAIL, "7"));
    }

    @Test
    void unknownBaselineListsTheAvailableOnes() {
        assertThatThrownBy(() -> BaselineEngine.builder().baselines("azure-linx").build())
                .isInstanceOf(EngineException.class)
                .hasMessage("no baseline 'azure-linx'; available: azure-linux, azure-windows");
    }

    @Test
    void customisationsNeedNoRuleEditing() throws EngineException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
        BaselineEngine engine = BaselineEngine.builder().baselines("azure-linux")
                .expect("106.7", "<= 3")
                .expect("38.3", "net.ipv4.conf.default.send_redirects", "in 0|1")
                .disable("1.1.4")
                .exempt(new Exemption("109", MachineSelector.tag("role", "bastion"), "break-glass host",
                        Instant.parse("2027-01-01T00:00:00Z")))
                .exempt(new Exemption("110", MachineSelector.id("m1"), "expired waiver",
                        Instant.parse("2026-01-01T00:00:00Z")))
                .clock(clock)
                .build();
        assertThat(engine.rules()).extracting(RuleInfo::id).doesNotContain("1.1.4");
        Machine bastion = Machine.builder("m1").osFamily(OsFamily.LINUX).tag("role", "bastion").build();
        Assessment a = engine.assess(TestSnapshots.of(bastion).collected("sshd", "sysctl")
                .fact(new SshdOption("maxauthtries", "4", "default"),
                        new SshdOption("permitrootlogin", "yes", "x"),
                        new SshdOption("permitemptypasswords", "yes", "x"),
                        new Sysctl("net.ipv4.conf.all.send_redirects", "0", "runtime"),
                        new Sysctl("net.ipv4.conf.default.send_redirects", "1", "runtime")).build());
        Finding maxAuth = finding(a, "106.7");
        assertThat(maxAuth.status()).isEqualTo(Status.FAIL);
        assertThat(maxAuth.expected()).isEqualTo("MaxAuthTries <= 3");
        assertThat(finding(a, "38.3").status()).isEqualTo(Status.PASS);
        assertThat(finding(a, "38.3").expected())
                .isEqualTo("net.ipv4.conf.all.send_redirects = 0; net.ipv4.conf.default.send_redirects in 0|1");
        Finding root = finding(a, "109");
        assertThat(root.status()).isEqualTo(Status.EXEMPT);
        assertThat(root.reason()).isEqualTo(
                "exempt (until 2027-01-01T00:00:00Z): break-glass host; the rule found FAIL");
        assertThat(finding(a, "110").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void customisationsThatNameNothingAreErrors() {
        assertThatThrownBy(() -> BaselineEngine.builder().baselines("azure-linux").disable("9.9.9").build())
                .hasMessage("cannot disable [9.9.9]: no such rule in the loaded baselines");
        assertThatThrownBy(() -> BaselineEngine.builder().baselines("azure-linux").expect("38.3", "= 1").build())
                .hasMessageContaining("checks several settings (net.ipv4.conf.all.send_redirects, "
                        + "net.ipv4.conf.default.send_redirects); name the one to override");
        assertThatThrownBy(() -> BaselineEngine.builder().baselines("azure-linux").expect("73", "= 1").build())
                .hasMessageContaining("rule '73' has no expected value to override");
    }

    @Test
    void assessAllStreamsInOrder() {
        List<Assessment> all = SharedEngines.linux().assessAll(Stream.of("a", "b", "c")
                .map(id -> TestSnapshots.linux(id).build())).toList();
        assertThat(all).extracting(a -> a.machine().id()).containsExactly("a", "b", "c");
    }
}

package io.osbaseline.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.RuleCompilationException;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a check stands at when its rules report nothing: {@code @unreported} and rules that match NoVerdict. */
class UnreportedTest {
    private static final String HEADER = """
            package com.acme.rules;
            import io.osbaseline.model.fact.*;
            import io.osbaseline.drl.NoVerdict;
            global io.osbaseline.drl.Verdicts verdicts;
            """;

    private static final String RULES = HEADER + """
            rule "cramfs"
                @id("ACME-1") @title("cramfs cannot be loaded") @severity("Warning") @os("LINUX")
                @unreported("fail: no install directive")
            when
                $k : KernelModule( name == "cramfs" )
            then
                verdicts.check(drools, $k.notLoadable(), $k.describe());
            end

            rule "redirects all"
                @id("ACME-2") @title("No redirects") @severity("Warning") @os("LINUX")
                @part("all") @expect("= 0") @unreported("unknown: all is not set")
            when
                $s : Sysctl( key == "net.ipv4.conf.all.send_redirects" )
            then
                verdicts.judge(drools, $s.value(), "all=" + $s.value());
            end

            rule "redirects default"
                @id("ACME-2") @part("default") @expect("= 0") @unreported("unknown: default is not set")
            when
                $s : Sysctl( key == "net.ipv4.conf.default.send_redirects" )
            then
                verdicts.judge(drools, $s.value(), "default=" + $s.value());
            end

            rule "banner"
                @id("ACME-3") @title("A banner") @severity("Warning") @os("LINUX") @expect("!= none")
            when
                $o : SshdOption( key == "banner" )
            then
                verdicts.judge(drools, $o.value());
            end

            rule "banner unset"
                @id("ACME-3")
            when
                NoVerdict( check == "ACME-3", part == "", baseline == "com.acme.rules" )
                exists SshdOption()
            then
                verdicts.fail(drools, "not set");
            end
            """;

    private static BaselineEngine engine;

    @BeforeAll
    static void compile() throws EngineException {
        engine = BaselineEngine.builder().withoutBuiltInBaselines().rules(RuleSource.text("acme.drl", RULES)).build();
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void aSilentCheckStandsAtItsUnreportedVerdictWithItsTextAsTheActualValue() {
        Finding silent = finding(engine.assess(TestSnapshots.linux("m").build()), "ACME-1");
        assertThat(silent.status()).isEqualTo(Status.FAIL);
        assertThat(silent.actual()).isEqualTo("no install directive");
        assertThat(silent.reason()).isNull();

        Finding reported = finding(engine.assess(TestSnapshots.linux("m")
                .fact(new KernelModule("cramfs", "/bin/true", true, false, null)).build()), "ACME-1");
        assertThat(reported.status()).isEqualTo(Status.PASS);
        assertThat(reported.actual()).doesNotContain("no install directive");
    }

    @Test
    void aSilentPartStandsAtItsOwnUnreportedVerdictWhileTheOtherPartReports() {
        Finding oneMissing = finding(engine.assess(TestSnapshots.linux("m")
                .fact(new Sysctl("net.ipv4.conf.all.send_redirects", "0", "runtime")).build()), "ACME-2");
        assertThat(oneMissing.status()).isEqualTo(Status.UNKNOWN);
        assertThat(oneMissing.actual()).isEqualTo("all=0");
        assertThat(oneMissing.reason()).isEqualTo("default is not set");

        Finding bothMissing = finding(engine.assess(TestSnapshots.linux("m").build()), "ACME-2");
        assertThat(bothMissing.status()).isEqualTo(Status.UNKNOWN);
        assertThat(bothMissing.reason()).isEqualTo("all is not set; default is not set");

        Finding both = finding(engine.assess(TestSnapshots.linux("m")
                .fact(new Sysctl("net.ipv4.conf.all.send_redirects", "0", "runtime"),
                        new Sysctl("net.ipv4.conf.default.send_redirects", "1", "runtime")).build()), "ACME-2");
        assertThat(both.status()).isEqualTo(Status.FAIL);
        assertThat(both.actual()).isEqualTo("default=1");
    }

    @Test
    void aRuleMatchingNoVerdictRunsOnlyWhenTheCheckIsSilentAndItsOwnConditionsHold() {
        Finding set = finding(engine.assess(TestSnapshots.linux("m")
                .fact(new SshdOption("banner", "/etc/issue.net", "/etc/ssh/sshd_config:1")).build()), "ACME-3");
        assertThat(set.status()).isEqualTo(Status.PASS);
        assertThat(set.actual()).isEqualTo("/etc/issue.net");

        Finding unset = finding(engine.assess(TestSnapshots.linux("m")
                .fact(new SshdOption("port", "22", "default")).build()), "ACME-3");
        assertThat(unset.status()).isEqualTo(Status.FAIL);
        assertThat(unset.actual()).isEqualTo("not set");

        Finding noSshd = finding(engine.assess(TestSnapshots.linux("m").build()), "ACME-3");
        assertThat(noSshd.status()).isEqualTo(Status.UNKNOWN);
        assertThat(noSshd.reason()).startsWith("no verdict");
    }

    @Test
    void unreadableUnreportedMetadataIsAnErrorNamingTheRule() {
        assertThatThrownBy(() -> UnreportedVerdict.parse("unknown"))
                .hasMessage("'unknown' needs a reason after 'unknown: '");
        String bad = HEADER + """
                rule "bad"
                    @id("X-1") @title("t") @severity("Warning") @unreported("maybe: who knows")
                when
                    SshdOption( key == "port" )
                then
                    verdicts.pass(drools, "x");
                end
                """;
        assertThatThrownBy(() -> BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("bad.drl", bad)).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("bad.drl:5 (rule \"bad\")")
                .hasMessageContaining("@unreported: 'maybe: who knows' must start with pass, fail, not-applicable "
                        + "or unknown");
    }

    @Test
    void twoRulesOfOnePartThatDisagreeOnItsSilenceAreAnError() {
        String bad = HEADER + """
                rule "a"
                    @id("X-2") @title("t") @severity("Warning") @unreported("pass: not installed")
                when
                    InstalledPackage( name == "telnetd" )
                then
                    verdicts.fail(drools, "telnetd");
                end

                rule "b"
                    @id("X-2") @unreported("fail: installed")
                when
                    InstalledPackage( name == "rsh" )
                then
                    verdicts.fail(drools, "rsh");
                end
                """;
        assertThatThrownBy(() -> BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("bad.drl", bad)).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("@unreported differs from another rule of the check @id(\"X-2\"): "
                        + "'fail: installed' vs 'pass: not installed'");
    }
}

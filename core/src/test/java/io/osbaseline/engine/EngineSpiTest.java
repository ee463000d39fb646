package io.osbaseline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.Machine;
import io.osbaseline.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineSpiTest {

    @Test
    void machineSelectorsParseAndMatch() {
        Machine prod = Fixtures.linux("vm-1").toBuilder().tag("env", "prod").build();

        MachineSelector byId = MachineSelector.parse("id=vm-1");
        MachineSelector byTag = MachineSelector.parse("tag:env=prod");

        assertThat(byId).isEqualTo(MachineSelector.id("vm-1")).hasToString("id=vm-1");
        assertThat(byTag).isEqualTo(MachineSelector.tag("env", "prod")).hasToString("tag:env=prod");
        assertThat(byId.matches(prod)).isTrue();
        assertThat(byTag.matches(prod)).isTrue();
        assertThat(MachineSelector.id("vm-2").matches(prod)).isFalse();
        assertThat(MachineSelector.tag("env", "dev").matches(prod)).isFalse();
        assertThat(MachineSelector.tag("team", "prod").matches(prod)).isFalse();
        assertThat(MachineSelector.parse("tag:k=a=b")).isEqualTo(MachineSelector.tag("k", "a=b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm-1", "id=", "tag:env", "tag:=prod", ""})
    void aBadSelectorSaysWhatIsAccepted(String text) {
        assertThatThrownBy(() -> MachineSelector.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad machine selector '" + text + "'; use id=MACHINE or tag:KEY=VALUE");
    }

    @Test
    void anExemptionNeedsAReasonAndCoversUntilItExpires() {
        Instant expiry = Instant.parse("2025-06-30T00:00:00Z");
        Exemption e = new Exemption("5.2.8", MachineSelector.id("vm-1"), "jump host", expiry);
        Machine vm1 = Fixtures.linux("vm-1");

        assertThat(e.covers("5.2.8", vm1, expiry.minusSeconds(1))).isTrue();
        assertThat(e.covers("5.2.8", vm1, expiry)).isFalse();
        assertThat(e.covers("5.2.9", vm1, expiry.minusSeconds(1))).isFalse();
        assertThat(new Exemption("*", MachineSelector.id("vm-1"), "legacy", null).covers("anything", vm1, Instant.MAX))
                .isTrue();
        assertThatThrownBy(() -> new Exemption("5.2.8", MachineSelector.id("vm-1"), " ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an exemption needs a reason (rule 5.2.8, id=vm-1)");
    }

    @Test
    void theBuilderCollectsTheConfigurationAndChecksExpectations() {
        EngineBuilder builder = BaselineEngine.builder().baselines("azure-linux").disable("1.1.1", "1.1.2")
                .expect("5.4.1.1", "<=90").expect("3.3.1", "net.ipv4.ip_forward", "= 0")
                .exempt(new Exemption("*", MachineSelector.tag("env", "lab"), "lab machines", null))
                .rules(RuleSource.text("inline.drl", "package x;"));

        EngineConfig config = builder.config();

        assertThat(config.baselines()).containsExactly("azure-linux");
        assertThat(config.builtInBaselines()).isTrue();
        assertThat(config.disabledRules()).containsExactlyInAnyOrder("1.1.1", "1.1.2");
        assertThat(config.overrides()).containsExactly(
                new ExpectationOverride("5.4.1.1", null, Expectation.parse("<= 90")),
                new ExpectationOverride("3.3.1", "net.ipv4.ip_forward", Expectation.parse("= 0")));
        assertThat(config.exemptions()).hasSize(1);
        assertThat(config.ruleSources()).extracting(RuleSource::name).containsExactly("inline.drl");
        assertThat(BaselineEngine.builder().withoutBuiltInBaselines().config().builtInBaselines()).isFalse();
        assertThatThrownBy(() -> BaselineEngine.builder().expect("5.4.1.1", "at most 90"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad expectation 'at most 90'");
    }

    @Test
    void withoutAnEngineOnTheClassPathTheErrorSaysWhatToAdd() {
        assertThat(Engines.available()).isEmpty();
        assertThatThrownBy(() -> BaselineEngine.builder().build())
                .isInstanceOf(UnknownEngineException.class)
                .hasMessage("no engine 'drools': no engine is on the class path; add osbaseline-rules-drl");
        assertThat(new UnknownEngineException("java", List.of("drools", "reference")))
                .hasMessage("no engine 'java'; available: drools, reference");
    }

    @Test
    void ruleProblemsNameTheResourceLineAndRule() {
        RuleCompilationException e = new RuleCompilationException(List.of(
                new RuleProblem("acme.drl", 12, "no root login", "unable to resolve SshdOptoin"),
                new RuleProblem("classpath:x.drl", 0, null, "missing @id")));

        assertThat(e).hasMessage("2 problems in the rules:\n"
                + "  acme.drl:12 (rule \"no root login\"): unable to resolve SshdOptoin\n"
                + "  classpath:x.drl: missing @id");
        assertThat(e.problems()).hasSize(2);
        assertThat(new RuleCompilationException(List.of(new RuleProblem("a.drl", 1, null, "x"))))
                .hasMessageStartingWith("1 problem in the rules:");
    }

    @Test
    void ruleSourcesReadAndAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme.drl");
        Files.writeString(file, "package acme;");

        assertThat(RuleSource.file(file).read()).isEqualTo("package acme;");
        assertThat(RuleSource.file(file).name()).isEqualTo(file.toString());
        assertThat(RuleSource.text("inline.drl", "rule x end").read()).isEqualTo("rule x end");
        RuleSource services = RuleSource.classpath("/META-INF/services/io.osbaseline.provider.ProviderFactory",
                getClass().getClassLoader());
        assertThat(services.name()).isEqualTo("classpath:META-INF/services/io.osbaseline.provider.ProviderFactory");
        assertThat(services.read()).contains("io.osbaseline.testing.InMemoryProviderFactory");
        assertThatThrownBy(() -> RuleSource.classpath("nope/missing.drl").read())
                .isInstanceOf(java.io.IOException.class).hasMessage("no classpath resource nope/missing.drl");
    }
}

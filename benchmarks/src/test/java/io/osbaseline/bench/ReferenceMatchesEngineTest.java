package io.osbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.Exemption;
import io.osbaseline.engine.MachineSelector;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.PasswordState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference evaluator gives the same findings as the Drools engine, field by field, on the captured snapshots, on
 * a generated fleet, on snapshots with collectors missing or failed, and with the customisations users make.
 */
class ReferenceMatchesEngineTest {
    private static Corpus corpus;
    private static EnginePair linux;

    @BeforeAll
    static void build() throws EngineException {
        corpus = Corpus.capture();
        linux = EnginePair.of(List.of("azure-linux"));
    }

    @Test
    void theCorpusHasRealLinuxMachines() {
        assertThat(corpus.snapshots()).containsKeys("host", "rhel9");
        assertThat(corpus.get("rhel9").facts()).hasSizeGreaterThan(100);
        assertThat(corpus.get("host").facts()).hasSizeGreaterThan(100);
    }

    @Test
    void theReferenceCoversEveryRuleOfBothPacks() throws EngineException {
        // A pack rule whose DRL changed since its Java version was written shows up here, with the reason.
        assertThat(ReferenceEngineFactory.uncovered(List.of())).isEmpty();
        assertThat(linux.uncovered()).isEmpty();
        assertThat(linux.reference().rules()).hasSize(182).containsExactlyElementsOf(linux.drools().rules());
    }

    @Test
    void sameRulesWithTheSameMetadata() {
        assertThat(linux.reference().rules()).containsExactlyElementsOf(linux.drools().rules());
        assertThat(linux.reference().baselines()).containsExactlyElementsOf(linux.drools().baselines());
    }

    @Test
    void sameFindingsOnTheCapturedSnapshots() {
        assertThat(linux.differences(corpus.of(OsFamily.LINUX))).isEmpty();
    }

    @Test
    void sameFindingsOnAGeneratedFleet() {
        List<ConfigurationSnapshot> fleet = new Fleet(corpus.of(OsFamily.LINUX)).first(600);
        assertThat(linux.differences(fleet)).isEmpty();
        // The fleet really varies: not every machine has the same verdicts.
        assertThat(fleet.stream().map(s -> linux.drools().assess(s).countByStatus()).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void sameFindingsWhenCollectorsDidNotRunOrFailed() {
        ConfigurationSnapshot host = corpus.get("host");
        List<CollectorRun> runs = new ArrayList<>();
        for (CollectorRun r : host.coverage().collectors()) {
            // packages failed, accounts did not run
            if (r.collector().equals("packages")) {
                runs.add(CollectorRun.failed("packages", "rpm failed"));
            } else if (!r.collector().equals("accounts")) {
                runs.add(r);
            }
        }
        ConfigurationSnapshot failed = new ConfigurationSnapshot(host.machine(), host.collectedAt(), host.facts(),
                new Coverage(runs, host.coverage().gaps()));
        ConfigurationSnapshot empty = new ConfigurationSnapshot(
                Machine.builder("empty").osFamily(OsFamily.LINUX).build(), Instant.EPOCH, List.of(), Coverage.EMPTY);
        ConfigurationSnapshot noFacts = new ConfigurationSnapshot(
                Machine.builder("no-facts").osFamily(OsFamily.LINUX).build(), Instant.EPOCH, List.of(),
                host.coverage());
        ConfigurationSnapshot windows = new ConfigurationSnapshot(
                Machine.builder("win").osFamily(OsFamily.WINDOWS).build(), Instant.EPOCH, host.facts(),
                host.coverage());
        assertThat(linux.differences(List.of(failed, empty, noFacts, windows))).isEmpty();
    }

    @Test
    void sameFindingsWithSeveralVerdictsPerRule() {
        ConfigurationSnapshot host = corpus.get("host");
        List<Fact> facts = new ArrayList<>(host.facts());
        facts.add(new InstalledPackage("telnetd", "0.17-44", "dpkg"));
        facts.add(new InstalledPackage("inetutils-telnetd", "2:2.4-2", "dpkg"));
        facts.add(new InstalledPackage("rsh-client", "0.17-24", "dpkg"));
        for (int i = 0; i < 14; i++) {
            facts.add(new UserAccount("svc" + i, 0, 0, "/", "/bin/sh", PasswordState.EMPTY, null, null, null, null,
                    null));
        }
        ConfigurationSnapshot messy = new ConfigurationSnapshot(host.machine(), host.collectedAt(), facts,
                host.coverage());
        assertThat(linux.differences(List.of(messy))).isEmpty();
        Assessment a = linux.reference().assess(messy);
        Finding uid0 = a.findings().stream().filter(f -> f.ruleId().equals("24")).findFirst().orElseThrow();
        assertThat(uid0.status()).isEqualTo(Status.FAIL);
        assertThat(uid0.actual()).endsWith("; ... and 4 more");
    }

    @Test
    void sameFindingsWithOverridesExemptionsAndDisabledRules() throws EngineException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
        EnginePair customised = EnginePair.of(List.of("azure-linux"), b -> b
                .expect("106.7", "<= 3")
                .expect("38.3", "net.ipv4.conf.default.send_redirects", "in 0|1")
                .expect("157.1", "<= 90")
                .disable("1.1.4")
                .exempt(new Exemption("109", MachineSelector.id("rhel9-3"), "break-glass host",
                        Instant.parse("2027-01-01T00:00:00Z")))
                .clock(clock));
        assertThat(customised.reference().rules()).containsExactlyElementsOf(customised.drools().rules());
        assertThat(customised.differences(new Fleet(corpus.of(OsFamily.LINUX)).first(30))).isEmpty();
    }

    @Test
    void theReferenceRefusesWhatItCannotRun() {
        assertThatThrownBy(() -> BaselineEngine.builder().engine("reference")
                .rules(RuleSource.text("acme.drl", "package acme;")).build())
                .hasMessageContaining("cannot run acme.drl");
        assertThat(new ReferenceEngineFactory().builtInBaselines()).extracting(b -> b.id()).contains("azure-linux");
    }

    @Test
    void aDisagreementIsReportedWithBothFindings() {
        ConfigurationSnapshot s = corpus.get("rhel9");
        Assessment right = linux.reference().assess(s);
        List<Finding> changed = new ArrayList<>(right.findings());
        Finding f = changed.get(0);
        changed.set(0, new Finding(f.machineId(), f.baselineId(), f.ruleId(), f.title(), f.severity(), f.category(),
                f.status(), f.expected(), "something else", f.reason()));
        List<String> diff = FindingsComparison.differences("drools", linux.drools().assess(s), "reference",
                Assessment.of(right.machine(), changed));
        assertThat(diff).singleElement().asString().contains("rule " + f.ruleId()).contains("something else");
    }
}

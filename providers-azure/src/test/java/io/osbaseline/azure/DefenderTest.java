package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.SUB2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.provider.UncheckedProviderException;
import io.osbaseline.report.ReportBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Defender for Cloud's sub-assessments through Resource Graph, paged, set beside our verdicts. */
class DefenderTest {
    private static final String ARG = "/providers/Microsoft.ResourceGraph/resources";
    private static BaselineEngine engine;

    private FakeArm arm;

    @BeforeAll
    static void engine() throws Exception {
        engine = TestEngine.get();
    }

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private static String row(String machineId, String key, String status, String ruleId, String title) {
        return """
            {"id":"%s/providers/Microsoft.Security/assessments/%s/subAssessments/%s","machineId":"%s",
             "assessmentKey":"%s","status":"%s","severity":"High","ruleId":"%s","title":"%s",
             "timeGenerated":"2026-11-27T09:00:00Z"}
            """.formatted(machineId, key, java.util.UUID.nameUUIDFromBytes(ruleId.getBytes()), machineId, key, status,
                ruleId, title);
    }

    private AzureProvider provider() {
        return AzureProvider.builder().credential(FakeArm.credential()).profile(arm.profile())
                .httpClient(FakeArm.httpClient()).retryPolicy(Fixtures.fastRetries()).pollInterval(Duration.ofMillis(5))
                .subscriptions(List.of(SUB, SUB2)).build();
    }

    @Test
    void readsEverySubAssessmentPageAndSetsThemBesideOurVerdicts() throws Exception {
        String vm1 = Fixtures.vmId(SUB, "rg", "vm-1");
        String linux = "1f655fb7-63ca-4980-91a3-56dbc2b715c6";
        arm.on("POST", ARG, r -> r.call().json().at("/options/$skipToken").isMissingNode()
                ? FakeArm.Reply.json(200, """
                    {"totalRecords":4,"count":2,"resultTruncated":"false","$skipToken":"tok-2","facets":[],"data":[%s,%s]}
                    """.formatted(row(vm1.toLowerCase(), linux, "Healthy", "109", "SSH root login disabled"),
                        row(vm1, linux, "Healthy", "43945588-1bdc-495c-bac8-6a71a62d30aa",
                                "SSH IgnoreRhosts enabled.")))
                : FakeArm.Reply.json(200, """
                    {"totalRecords":4,"count":2,"resultTruncated":"false","facets":[],"data":[%s,%s]}
                    """.formatted(row(vm1, linux, "Unhealthy", "x-1", "A check we do not have"),
                        row(Fixtures.vmId(SUB, "rg", "vm-9"), linux, "Unhealthy", "109", "SSH root login disabled"))));

        Machine machine = Machine.builder(vm1).name("vm-1").osFamily(OsFamily.LINUX).cloud(Cloud.AZURE)
                .resourceId(vm1).build();
        ConfigurationSnapshot ours = new ConfigurationSnapshot(machine, Instant.parse("2026-11-28T10:00:00Z"),
                List.of(new SshdOption("permitrootlogin", "yes", "/etc/ssh/sshd_config:12"),
                        new SshdOption("ignorerhosts", "yes", "default")),
                new Coverage(List.of(CollectorRun.collected("sshd", null)), List.of()));
        Report report = new ReportBuilder(engine.baselines(), engine.rules(), Clock.systemUTC())
                .add(engine.assess(ours)).build();

        List<VerdictComparison> rows;
        try (AzureProvider p = provider()) {
            rows = VerdictComparison.compare(report, p.defenderFindings());
        }

        VerdictComparison rootLogin = find(rows, "vm-1", "109").orElseThrow();
        assertThat(rootLogin.ours()).isEqualTo(Status.FAIL);
        assertThat(rootLogin.defender()).isEqualTo(Status.PASS);
        assertThat(rootLogin.disagrees()).isTrue();
        VerdictComparison rhosts = find(rows, "vm-1", "106.3").orElseThrow();
        assertThat(rhosts.ours()).isEqualTo(Status.PASS);
        assertThat(rhosts.defender()).as("matched by title: Defender uses another id").isEqualTo(Status.PASS);
        assertThat(rhosts.disagrees()).isFalse();
        VerdictComparison notOurs = find(rows, "vm-1", "x-1").orElseThrow();
        assertThat(notOurs.ours()).isNull();
        assertThat(notOurs.defender()).isEqualTo(Status.FAIL);
        VerdictComparison otherMachine = find(rows, "vm-9", "109").orElseThrow();
        assertThat(otherMachine.ours()).isNull();
        assertThat(find(rows, "vm-1", "29").orElseThrow().defender()).isNull();
        assertThat(rows.stream().filter(VerdictComparison::disagrees)).hasSize(1);
        assertThat(VerdictComparison.render(rows).lines().skip(1).findFirst().orElseThrow())
                .startsWith("DIFFERS    vm-1                 109          FAIL            PASS");

        List<FakeArm.Call> queries = arm.calls("POST", ARG);
        assertThat(queries).hasSize(2);
        JsonNode first = queries.get(0).json();
        assertThat(queries.get(0).query()).containsEntry("api-version", "2021-03-01");
        assertThat(first.get("subscriptions")).extracting(JsonNode::asText).containsExactly(SUB, SUB2);
        assertThat(first.get("query").asText()).contains("securityresources")
                .contains("1f655fb7-63ca-4980-91a3-56dbc2b715c6").contains("8c3d9ad0-3639-4686-9cd2-2b2ab2609bda");
        assertThat(first.at("/options/$top").asInt()).isEqualTo(1000);
        assertThat(first.at("/options/resultFormat").asText()).isEqualTo("objectArray");
        assertThat(queries.get(1).json().at("/options/$skipToken").asText()).isEqualTo("tok-2");
        assertThat(queries.get(1).json().get("query").asText()).isEqualTo(first.get("query").asText());
    }

    @Test
    void aResourceGraphErrorSaysWhatWasBeingRead() throws Exception {
        arm.on("POST", ARG, r -> FakeArm.Reply.json(400, """
                {"error":{"code":"BadRequest","message":"Please provide below info when asking for support"}}"""));
        try (AzureProvider p = provider()) {
            assertThatThrownBy(() -> p.defenderFindings().toList()).isInstanceOf(UncheckedProviderException.class)
                    .hasMessageStartingWith("cannot read Defender for Cloud's sub-assessments through Azure Resource"
                            + " Graph: HTTP 400 BadRequest");
        }
    }

    private static Optional<VerdictComparison> find(List<VerdictComparison> rows, String machine, String rule) {
        return rows.stream().filter(r -> r.machineName().equals(machine) && r.ruleId().equals(rule)).findFirst();
    }
}

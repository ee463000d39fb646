package io.osbaseline.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Machine;
import io.osbaseline.model.Report;
import io.osbaseline.report.ReportBuilder;
import io.osbaseline.testing.Fixtures;
import io.osbaseline.testing.IpForwardEngine;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static Report report() {
        IpForwardEngine engine = new IpForwardEngine();
        Machine router = Fixtures.linux("vm-router").toBuilder().name("router-1").build();
        ReportBuilder builder = new ReportBuilder(engine.baselines(), engine.rules(),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        builder.add(engine.assess(Fixtures.ipForward(router, "1")));
        builder.add(engine.assess(Fixtures.ipForward(Fixtures.linux("vm-web"), "0")));
        builder.add(Assessment.error(Fixtures.linux("vm-down"), "ssh refused"));
        return builder.build();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aReportSerializesWithStableFieldNames() throws Exception {
        JsonNode tree = Json.mapper().readTree(Json.write(report()));

        assertThat(fieldNames(tree)).containsExactly("generatedAt", "recommendations", "assessments");
        assertThat(tree.get("generatedAt").asText()).isEqualTo("2025-03-01T08:00:00Z");

        JsonNode rec = tree.at("/recommendations/0");
        assertThat(rec.get("baselineId").asText()).isEqualTo("test-linux");
        assertThat(rec.get("title").asText())
                .isEqualTo("Vulnerabilities in security configuration on your Linux machines should be remediated");
        assertThat(rec.at("/unhealthy/0/id").asText()).isEqualTo("vm-router");
        assertThat(rec.at("/unhealthy/0/name").asText()).isEqualTo("router-1");
        assertThat(rec.at("/healthy/0/id").asText()).isEqualTo("vm-web");
        assertThat(rec.get("notApplicable").isArray()).isTrue();
        assertThat(rec.at("/unassessed/0/reason").asText()).isEqualTo("ssh refused");
        JsonNode check = rec.at("/failedChecks/0");
        assertThat(check.at("/rule/id").asText()).isEqualTo("3.1.1");
        assertThat(check.at("/rule/severity").asText()).isEqualTo("IMPORTANT");
        assertThat(check.get("affected").asInt()).isEqualTo(1);
        assertThat(check.at("/machines/0/actual").asText()).isEqualTo("net.ipv4.ip_forward = 1");

        JsonNode first = tree.at("/assessments/0");
        assertThat(first.at("/machine/id").asText()).isEqualTo("vm-router");
        assertThat(first.at("/machine/name").asText()).isEqualTo("router-1");
        assertThat(first.at("/machine/osFamily").asText()).isEqualTo("LINUX");
        assertThat(first.get("status").asText()).isEqualTo("UNHEALTHY");
        assertThat(first.has("reason")).isFalse();

        JsonNode finding = first.at("/findings/0");
        assertThat(fieldNames(finding)).contains("baselineId", "ruleId", "title", "severity", "category", "status",
                "expected", "actual");
        assertThat(finding.get("baselineId").asText()).isEqualTo("test-linux");
        assertThat(finding.get("ruleId").asText()).isEqualTo("3.1.1");
        assertThat(finding.get("title").asText()).isEqualTo("Disable IP forwarding");
        assertThat(finding.get("severity").asText()).isEqualTo("IMPORTANT");
        assertThat(finding.get("category").asText()).isEqualTo("Network");
        assertThat(finding.get("status").asText()).isEqualTo("FAIL");
        assertThat(finding.get("expected").asText()).isEqualTo("= 0");
        assertThat(finding.get("actual").asText()).isEqualTo("net.ipv4.ip_forward = 1");
        assertThat(finding.has("reason")).isFalse();

        JsonNode down = tree.at("/assessments/2");
        assertThat(down.get("status").asText()).isEqualTo("ERROR");
        assertThat(down.get("reason").asText()).isEqualTo("ssh refused");
        assertThat(down.get("findings").size()).isZero();
    }

    @Test
    void aFindingWithAReasonCarriesIt() throws Exception {
        IpForwardEngine engine = new IpForwardEngine();
        Assessment unknown = engine.assess(Fixtures.snapshot(Fixtures.linux("vm-1"), List.of()));

        JsonNode finding = Json.mapper().readTree(Json.write(unknown)).at("/findings/0");

        assertThat(finding.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(finding.get("reason").asText()).isEqualTo("collector 'sysctl' did not run for this snapshot");
        assertThat(finding.has("actual")).isFalse();
    }

    @Test
    void aReportReadsBackEqual() throws Exception {
        Report report = report();

        assertThat(Json.mapper().readValue(Json.write(report), Report.class)).isEqualTo(report);
    }
}

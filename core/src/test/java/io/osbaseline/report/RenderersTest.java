package io.osbaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.json.Json;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SARIF, OCSF and HTML renderings of the shared report fixture. */
class RenderersTest {
    private static final Report REPORT = ReportFixture.report();

    private static List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>(ReportFixture.LINUX_RULES);
        rules.add(ReportFixture.WIN_145);
        return rules;
    }

    @Test
    void sarifHasTheRulesAndOneResultPerFailedCheckPerMachine() throws IOException {
        JsonNode sarif = Json.mapper().readTree(new SarifRenderer("1.2.3").render(REPORT, rules()));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("osbaseline");
        assertThat(run.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules).hasSize(6);
        assertThat(rules.get(0).get("id").asText()).isEqualTo("azure-linux/1.1.4");
        assertThat(rules.get(0).at("/defaultConfiguration/level").asText()).isEqualTo("error");
        // lin-a fails 3 checks, lin-b 2, win-1 1
        JsonNode results = run.get("results");
        assertThat(results).hasSize(6);
        JsonNode first = results.get(0);
        assertThat(first.get("ruleId").asText()).startsWith("azure-linux/");
        assertThat(first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("lin-a");
        List<String> messages = new ArrayList<>();
        results.forEach(r -> messages.add(r.at("/message/text").asText()));
        assertThat(messages).contains("Rule 10 on lin-b: expected " + ReportFixture.R_10.expected()
                + ", found PASS_MAX_DAYS 730");
        assertThat(results.get(5).get("ruleIndex").asInt()).isEqualTo(5);
        assertThat(results.get(5).get("level").asText()).isEqualTo("error");
    }

    @Test
    void ocsfHasOneComplianceFindingPerMachineAndRule() throws IOException {
        JsonNode events = Json.mapper().readTree(new OcsfRenderer("1.2.3").render(REPORT,
                List.of(ReportFixture.LINUX, ReportFixture.WINDOWS)));
        long findings = REPORT.assessments().stream().mapToLong(a -> a.findings().size()).sum();
        assertThat(events).hasSize((int) findings);
        JsonNode e = events.get(0);
        assertThat(e.get("class_uid").asInt()).isEqualTo(2003);
        assertThat(e.get("type_uid").asInt()).isEqualTo(200301);
        assertThat(e.get("category_uid").asInt()).isEqualTo(2);
        assertThat(e.get("time").asLong()).isEqualTo(REPORT.generatedAt().toEpochMilli());
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("osbaseline");
        assertThat(e.at("/compliance/standards/0").asText()).isEqualTo("Azure Linux security baseline");
        assertThat(e.at("/resources/0/uid").asText()).isEqualTo("lin-a");
        List<String> statuses = new ArrayList<>();
        events.forEach(ev -> statuses.add(ev.at("/compliance/status").asText() + "/"
                + ev.at("/compliance/status_id").asInt()));
        assertThat(statuses).contains("Pass/1", "Fail/3", "Unknown/0", "Not Applicable/99");
        JsonNode unknown = null;
        for (JsonNode ev : events) {
            if (ev.at("/compliance/status_id").asInt() == 0) {
                unknown = ev;
            }
        }
        assertThat(unknown.at("/compliance/status_detail").asText())
                .isEqualTo("collector 'sysctl' did not run for this snapshot");
        assertThat(e.get("severity_id").asInt()).isBetween(1, 5);
    }

    @Test
    void aVerdictReportedByAnotherSourceSaysSoInEveryFormat() throws IOException {
        RuleInfo rule = ReportFixture.R_10;
        io.osbaseline.model.Finding reported = new io.osbaseline.model.Finding("lin-z", rule.baselineId(), rule.id(),
                rule.title(), rule.severity(), rule.category(), io.osbaseline.model.Status.FAIL, rule.expected(),
                "PASS_MAX_DAYS 99999", null, "azure-guest-configuration");
        ReportBuilder b = ReportFixture.builder();
        b.add(io.osbaseline.model.Assessment.of(io.osbaseline.testing.Fixtures.linux("lin-z"), List.of(reported)));
        Report report = b.build();

        JsonNode sarif = Json.mapper().readTree(new SarifRenderer("1").render(report, rules()));
        assertThat(sarif.at("/runs/0/results/0/properties/source").asText()).isEqualTo("azure-guest-configuration");
        JsonNode ocsf = Json.mapper().readTree(new OcsfRenderer("1").render(report, List.of(ReportFixture.LINUX)));
        assertThat(ocsf.at("/0/finding_info/data_sources/0").asText()).isEqualTo("azure-guest-configuration");
        assertThat(new HtmlRenderer().render(report)).contains("(azure-guest-configuration)");
    }

    @Test
    void htmlIsOneEscapedPageWithTheRecommendationAndTheDrillDown() {
        String html = new HtmlRenderer().render(REPORT);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("<h2>" + HtmlRenderer.esc(ReportFixture.LINUX.recommendation()) + "</h2>",
                "Unhealthy machines: <b>2</b>", "<summary>Rule 10</summary>", "PASS_MAX_DAYS 730",
                "Not assessed: lin-f: ssh refused");
        assertThat(html).doesNotContain("<script");
        assertThat(HtmlRenderer.esc("<b a=\"x\">&'")).isEqualTo("&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
    }
}

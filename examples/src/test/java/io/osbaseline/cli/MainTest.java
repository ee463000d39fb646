package io.osbaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with its real engine and providers. */
class MainTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path root() throws IOException {
        return SmallRoot.write(Files.createDirectories(tmp.resolve("root")));
    }

    @Test
    void scanPrintsAJsonReportAndExitsWithOneOnFailedChecks() throws IOException {
        Run r = run("scan", "--option", "root=" + root(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = r.json();
        assertThat(report.get("generatedAt").asText()).isNotBlank();
        JsonNode rec = report.get("recommendations").get(0);
        assertThat(rec.get("baselineId").asText()).isEqualTo("azure-linux");
        assertThat(rec.get("title").asText())
                .isEqualTo("Vulnerabilities in security configuration on your Linux machines should be remediated");
        assertThat(rec.get("unhealthy").get(0).get("id").asText()).isEqualTo("cli-test");
        JsonNode assessment = report.get("assessments").get(0);
        assertThat(assessment.get("machine").get("osFamily").asText()).isEqualTo("LINUX");
        assertThat(assessment.get("status").asText()).isEqualTo("UNHEALTHY");
        JsonNode rootLogin = find(assessment.get("findings"), "109");
        assertThat(rootLogin.get("status").asText()).isEqualTo("FAIL");
        assertThat(rootLogin.get("actual").asText()).isEqualTo("yes");
        assertThat(rootLogin.get("expected").asText()).isEqualTo("PermitRootLogin = no");
        assertThat(assessment.get("findings")).allSatisfy(f -> {
            String status = f.get("status").asText();
            if (status.equals("UNKNOWN") || status.equals("NOT_APPLICABLE")) {
                assertThat(f.get("reason")).as(f.get("ruleId").asText()).isNotNull();
            }
        });
    }

    @Test
    void failOnSetsTheSeverityThatCounts() throws IOException {
        Path root = root();
        assertThat(run("scan", "--option", "root=" + root, "--fail-on", "none").exit()).isZero();
        assertThat(run("scan", "--option", "root=" + root, "--fail-on", "critical").exit()).isEqualTo(1);
        Run bad = run("scan", "--option", "root=" + root, "--fail-on", "severe");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown severity 'severe'; expected one of Critical, Important, Warning, "
                + "Informational");
    }

    @Test
    void theTableReadsLikeTheDefenderPage() throws IOException {
        Run r = run("scan", "--option", "root=" + root());
        assertThat(r.out()).contains("Vulnerabilities in security configuration on your Linux machines should be "
                + "remediated", "Unhealthy machines: 1   Healthy: 0", "Critical       109          1         "
                + "SSH root login disabled", "Machine root (LINUX, Debian GNU/Linux 12): UNHEALTHY", "actual:   yes");
    }

    @Test
    void usageAndInputErrorsExitWithTwoAndSayWhatToFix() throws IOException {
        Run unknownProvider = run("scan", "--provider", "nope");
        assertThat(unknownProvider.exit()).isEqualTo(2);
        // the list grows with every provider module on the class path
        assertThat(unknownProvider.err())
                .containsPattern("no provider 'nope'; available: .*files, .*key-value, .*local");

        Run unknownOption = run("scan", "--option", "rot=/tmp");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("provider 'local' has no option 'rot'; it accepts: root, name");

        Run badFormat = run("scan", "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format").contains("Try 'osbaseline scan --help'.");

        Path broken = Files.writeString(tmp.resolve("broken.drl"), "package x;\nrule \"r\" when\n  Nope()\nthen end\n");
        Run badRules = run("scan", "--option", "root=" + root(), "--rules", broken.toString());
        assertThat(badRules.exit()).isEqualTo(2);
        assertThat(badRules.err()).contains(broken + ":3").contains("Nope");
    }

    @Test
    void aCustomRuleAppearsWithItsOwnMetadata() throws IOException {
        Run r = run("scan", "--option", "root=" + root(), "--rules", "rules/acme-ssh.drl", "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = r.json();
        List<String> baselines = new ArrayList<>();
        report.get("recommendations").forEach(rec -> baselines.add(rec.get("baselineId").asText()));
        assertThat(baselines).containsExactly("azure-linux", "com.acme.baseline");
        JsonNode acme = find(report.get("assessments").get(0).get("findings"), "ACME-1");
        assertThat(acme.get("title").asText()).isEqualTo("SSH X11 forwarding is disabled");
        assertThat(acme.get("severity").asText()).isEqualTo("IMPORTANT");
        assertThat(acme.get("category").asText()).isEqualTo("Acme SSH policy");
        assertThat(acme.get("status").asText()).isEqualTo("FAIL");
        assertThat(acme.get("actual").asText()).isEqualTo("yes");
        JsonNode check = report.get("recommendations").get(1).get("failedChecks").get(0).get("rule");
        assertThat(check.get("remediation").asText())
                .isEqualTo("Set 'X11Forwarding no' in /etc/ssh/sshd_config, then reload sshd.");
    }

    @Test
    void snapshotsWrittenByTheCliAreAssessedByTheFilesProviderAndABadFileDoesNotSinkTheRun() throws IOException {
        Path dir = tmp.resolve("snapshots");
        Run snap = run("snapshot", "--option", "root=" + root(), "--output", dir + "/");
        assertThat(snap.exit()).as(snap.err()).isZero();
        assertThat(dir.resolve("cli-test.json")).exists();
        Files.writeString(dir.resolve("broken.json"), "{\n  \"machine\": {\"id\": \"x\"},\n  \"collectedAt\": 12,\n"
                + "  \"facts\": [{\"type\": \"nope\"}]\n}\n");
        Run r = run("scan", "--provider", "files", "--option", "path=" + dir, "--format", "json", "--fail-on",
                "none");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("could not assess broken.json: " + dir.resolve("broken.json") + ":4: at "
                + "$.facts[0]: unknown fact type 'nope'");
        JsonNode assessments = r.json().get("assessments");
        assertThat(assessments).hasSize(2);
        assertThat(assessments.get(0).get("status").asText()).isEqualTo("ERROR");
        assertThat(assessments.get(1).get("machine").get("id").asText()).isEqualTo("cli-test");
        assertThat(find(assessments.get(1).get("findings"), "109").get("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void scanRendersSarifOcsfAndHtml() throws IOException {
        Path root = root();
        Run sarif = run("scan", "--option", "root=" + root, "--format", "sarif");
        assertThat(sarif.exit()).isEqualTo(1);
        JsonNode results = sarif.json().at("/runs/0/results");
        assertThat(results.size()).isPositive();
        assertThat(results).anySatisfy(r -> assertThat(r.get("ruleId").asText()).isEqualTo("azure-linux/109"));

        Run ocsf = run("scan", "--option", "root=" + root, "--format", "ocsf");
        assertThat(ocsf.json().get(0).get("class_uid").asInt()).isEqualTo(2003);
        assertThat(ocsf.json().get(0).at("/compliance/standards/0").asText())
                .isEqualTo("Azure compute security baseline for Linux");

        Path page = tmp.resolve("report.html");
        Run html = run("scan", "--option", "root=" + root, "--format", "html", "--output", page.toString());
        assertThat(html.exit()).isEqualTo(1);
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("SSH root login disabled");

        Run badListing = run("rules", "--format", "sarif");
        assertThat(badListing.exit()).isEqualTo(2);
        assertThat(badListing.err()).contains("--format sarif is for scan reports; listings are table or json");
    }

    @Test
    void providersAndRulesAreListed() throws IOException {
        Run providers = run("providers");
        assertThat(providers.exit()).isZero();
        assertThat(providers.out()).contains("local: ", "files: ", "key-value: ", "--option root=...");

        Run rules = run("rules", "--format", "json");
        assertThat(rules.exit()).isZero();
        assertThat(rules.json().size()).isGreaterThanOrEqualTo(30);
        assertThat(rules.json().get(0).get("baselineId").asText()).isEqualTo("azure-linux");

        Run table = run("rules");
        assertThat(table.out()).contains("Azure compute security baseline for Linux (azure-linux)",
                "109            Critical       SSH server");

        Run drl = run("rules", "--drl");
        assertThat(drl.out()).contains("package io.osbaseline.baselines.azure_linux;", "rule \"109 PermitRootLogin\"");
    }

    private static JsonNode find(JsonNode findings, String ruleId) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + ruleId);
    }
}

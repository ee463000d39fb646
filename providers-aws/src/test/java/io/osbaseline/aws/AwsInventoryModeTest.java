package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.aws.FakeAws.Ec2Instance;
import io.osbaseline.aws.FakeAws.Node;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.scan.FleetScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** Inventory mode: installed applications from SSM Inventory, judged by the real engine; nothing runs remotely. */
class AwsInventoryModeTest {
    @TempDir
    Path tmp;
    FakeAws aws;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws(tmp);
    }

    @AfterEach
    void stop() {
        assertThat(aws.errors()).isEmpty();
        aws.close();
    }

    private static List<Map<String, String>> applications(String... extra) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            entries.add(Map.of("Name", "lib-" + i, "Version", "1." + i, "Architecture", "amd64",
                    "PackageId", "lib-" + i + "_1." + i + "_amd64.deb"));
        }
        for (int i = 0; i < extra.length; i += 3) {
            entries.add(Map.of("Name", extra[i], "Version", extra[i + 1], "Release", extra[i + 2]));
        }
        return entries;
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void packagesFromSsmInventoryAreJudgedAndEverythingElseIsUnknownWithTheReason() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1")
                .applications("i-0aaaaaaaaaaaaaaa1", applications("telnet-server", "0.17", "85.el9"));
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa2", "web-2");
        aws.instance(new Ec2Instance("eu-west-1", "i-0aaaaaaaaaaaaaaa3", "123456789012", "running", null,
                "Linux/UNIX", Map.of()));
        aws.node(new Node("eu-west-1", "i-0aaaaaaaaaaaaaaa3", "ConnectionLost", "Linux", "Amazon Linux", "2023",
                "EC2Instance", null, Map.of()));
        aws.applications("i-0aaaaaaaaaaaaaaa3", applications());
        aws.throttleSsm("ListInventoryEntries", 1);

        Report report;
        try (AwsProvider provider = aws.provider(Region.EU_WEST_1).mode(SnapshotMode.INVENTORY).build()) {
            report = FleetScan.of(provider, TestEngine.get()).report();
        }

        assertThat(aws.calls("SendCommand")).as("nothing runs on the machines").isEmpty();
        Assessment web1 = report.assessments().get(0);
        assertThat(web1.machine().id()).isEqualTo("i-0aaaaaaaaaaaaaaa1");
        assertThat(finding(web1, "73")).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.FAIL, "telnet-server 0.17-85.el9 installed");
        assertThat(finding(web1, "1.5.4")).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.PASS, "not installed");
        assertThat(finding(web1, "109")).extracting(Finding::status, Finding::reason)
                .containsExactly(Status.UNKNOWN, "collector 'sshd' unavailable: not read in SSM inventory mode: SSM"
                        + " Inventory holds installed applications only (use mode=command to run the collector on the"
                        + " machine)");
        assertThat(web1.status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        // 71 entries over two pages of 50
        assertThat(aws.calls("ListInventoryEntries").stream()
                .filter(c -> c.body().path("InstanceId").asText().equals("i-0aaaaaaaaaaaaaaa1"))
                .map(c -> c.body().path("NextToken").asText(null)).toList())
                .containsExactly(null, null, "50");

        Assessment web2 = report.assessments().get(1);
        assertThat(finding(web2, "73")).extracting(Finding::status, Finding::reason)
                .containsExactly(Status.UNKNOWN, "collector 'packages' failed: SSM Inventory holds no AWS:Application"
                        + " data for i-0aaaaaaaaaaaaaaa2 (no inventory association such as AWS-GatherSoftwareInventory"
                        + " has reported it)");

        Assessment offline = report.assessments().get(2);
        assertThat(finding(offline, "73").status()).as("inventory is read even when the agent is offline")
                .isEqualTo(Status.PASS);
    }

    @Test
    void applicationEntriesBecomePackagesWithTheirCaptureTime() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1").applications("i-0aaaaaaaaaaaaaaa1",
                List.of(Map.of("Name", "openssh-server", "Version", "1:8.9p1-3ubuntu0.6", "Architecture", "amd64"),
                        Map.of("Name", "bash", "Version", "5.1.8", "Release", "9.el9"),
                        Map.of("Name", "nameless-version")));

        try (AwsProvider provider = aws.provider(Region.EU_WEST_1).mode(SnapshotMode.INVENTORY).build()) {
            Machine m = provider.machines().findFirst().orElseThrow();
            ConfigurationSnapshot s = provider.collect(m);
            assertThat(s.facts(InstalledPackage.class)).containsExactly(
                    new InstalledPackage("openssh-server", "1:8.9p1-3ubuntu0.6", "ssm-inventory"),
                    new InstalledPackage("bash", "5.1.8-9.el9", "ssm-inventory"),
                    new InstalledPackage("nameless-version", "", "ssm-inventory"));
            assertThat(s.coverage().run("packages").orElseThrow().detail())
                    .isEqualTo("3 applications from SSM Inventory (AWS:Application, captured 2026-11-27T08:00:00Z)");
        }
    }
}

package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.arc;
import static io.osbaseline.azure.Fixtures.page;
import static io.osbaseline.azure.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import io.osbaseline.report.TableRenderer;
import io.osbaseline.scan.FleetScan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guest-configuration mode end to end: fake ARM, the real SDK pipeline, the real Drools engine, a Report. */
class GuestConfigurationTest {
    private static final String GC = "/providers/Microsoft.GuestConfiguration/guestConfigurationAssignments";
    private static BaselineEngine engine;

    private FakeArm arm;

    @BeforeAll
    static void engine() throws Exception {
        engine = TestEngine.get();
    }

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
        new FakeMachines(arm);
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines", page(null,
                vm(SUB, "rg", "vm-1", "Linux", "running", "ubuntu", "22.04", "{}"),
                vm(SUB, "rg", "vm-2", "Linux", "running", "ubuntu", "22.04", "{}"),
                vm(SUB, "rg", "vm-3", "Linux", "running", "ubuntu", "22.04", "{}")));
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.HybridCompute/machines", page(null,
                arc(SUB, "rg-arc", "arc-1", "linux", "Connected", "Ubuntu 22.04.4 LTS", "5.15.0", "{}")));

        String vm1 = Fixtures.vmId(SUB, "rg", "vm-1");
        // an unrelated assignment first; the baseline one has a suffixed resource name
        arm.json("GET", vm1 + GC, page(null, assignment(vm1, "AuditSecureProtocol", "AuditSecureProtocol", "Compliant"),
                assignment(vm1, "AzureLinuxBaseline_3f2a", "AzureLinuxBaseline", "NonCompliant")));
        arm.json("GET", vm1 + GC + "/AzureLinuxBaseline_3f2a/reports", page(null,
                report(vm1, "AzureLinuxBaseline_3f2a", "r-new", "2026-11-27T06:00:00Z", true),
                report(vm1, "AzureLinuxBaseline_3f2a", "r-old", "2026-11-26T06:00:00Z", true)));

        String vm2 = Fixtures.vmId(SUB, "rg", "vm-2");
        arm.json("GET", vm2 + GC, page(null, assignment(vm2, "AuditSecureProtocol", "AuditSecureProtocol",
                "Compliant")));

        String vm3 = Fixtures.vmId(SUB, "rg", "vm-3");
        arm.json("GET", vm3 + GC, page(null, assignment(vm3, "AzureLinuxBaseline", "AzureLinuxBaseline", "Pending")));
        arm.json("GET", vm3 + GC + "/AzureLinuxBaseline/reports", page(null));

        // an Arc machine whose report list omits the details: the report is read by its id
        String arc1 = Fixtures.arcId(SUB, "rg-arc", "arc-1");
        arm.json("GET", arc1 + GC, page(null, assignment(arc1, "AzureLinuxBaseline", "AzureLinuxBaseline",
                "NonCompliant")));
        arm.json("GET", arc1 + GC + "/AzureLinuxBaseline/reports", page(null,
                report(arc1, "AzureLinuxBaseline", "r-arc", "2026-11-27T07:00:00Z", false)));
        arm.json("GET", arc1 + GC + "/AzureLinuxBaseline/reports/r-arc",
                report(arc1, "AzureLinuxBaseline", "r-arc", "2026-11-27T07:00:00Z", true));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    static String assignment(String machineId, String name, String configuration, String compliance) {
        return """
            {"id":"%s%s/%s","name":"%s","location":"westeurope",
             "properties":{"complianceStatus":"%s","assignmentHash":"abc",
              "guestConfiguration":{"name":"%s","version":"1.*","contentUri":"https://example.invalid/%s.zip",
               "assignmentType":"Audit","kind":"DSC"}}}
            """.formatted(machineId, GC, name, name, compliance, configuration, configuration);
    }

    /** A report whose resources are shaped like the agent's: rule title as resource id, the rule's GUID, reasons. */
    static String report(String machineId, String assignment, String reportId, String endTime, boolean details) {
        String resources = """
            "details":{"complianceStatus":"NonCompliant","jobId":"j-%s","operationType":"Consistency","resources":[
             {"complianceStatus":"NonCompliant",
              "resourceId":"Ensure nodev option set on /home partition (CIS: L1 - Server - 1.1.14)",
              "reasons":[{"phrase":"/home is mounted without nodev","code":"LinuxBaseline:EnsureNodevOptionOnHomePartition"}],
              "properties":{"RuleId":"a87f15ed-1115-a22d-6f43-17db97c91111","PayloadKey":"EnsureNodevOptionOnHomePartition"}},
             {"complianceStatus":"Compliant","resourceId":"[OsConfigResource]SSH root login disabled",
              "reasons":[{"phrase":"PermitRootLogin is no","code":"LinuxBaseline:PermitRootLogin"}],"properties":{}},
             {"complianceStatus":"Compliant","resourceId":"Ensure nodev option set on /tmp partition",
              "reasons":[],"properties":{"RuleId":"a87f15ed-1115-a22d-6f43-17db97c91161"}},
             {"complianceStatus":"Pending","resourceId":"Ensure DCCP is disabled","reasons":[],"properties":{}},
             {"complianceStatus":"NonCompliant","resourceId":"Ensure that the SSH port is configured",
              "reasons":[{"phrase":"Port is 2222","code":"x"}],"properties":{}}]},
            """.formatted(reportId);
        return """
            {"id":"%s%s/%s/reports/%s","name":"%s",
             "properties":{"complianceStatus":"NonCompliant","reportId":"%s",
              "assignment":{"name":"%s","configuration":{"name":"AzureLinuxBaseline","version":"1.*"}},
              "vm":{"id":"%s","uuid":"11111111-0000-0000-0000-000000000000"},
              %s
              "startTime":"2026-11-27T05:59:00Z","endTime":"%s"}}
            """.formatted(machineId, GC, assignment, reportId, reportId, reportId, assignment, machineId,
                details ? resources : "", endTime);
    }

    private AzureProvider provider() {
        return AzureProvider.builder().credential(FakeArm.credential()).profile(arm.profile())
                .httpClient(FakeArm.httpClient()).retryPolicy(Fixtures.fastRetries()).pollInterval(Duration.ofMillis(5))
                .subscriptions(List.of(SUB)).build();
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void theAgentsVerdictsBecomeFindingsWithTheirSourceInOneReport() throws Exception {
        Report report;
        try (AzureProvider p = provider()) {
            report = FleetScan.of(p, engine).report();
        }
        Map<String, Assessment> byName = report.assessments().stream()
                .collect(Collectors.toMap(a -> a.machine().name(), Function.identity()));

        Assessment vm1 = byName.get("vm-1");
        assertThat(vm1.status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        Finding nodevHome = finding(vm1, "1.1.4");
        assertThat(nodevHome.status()).isEqualTo(Status.FAIL);
        assertThat(nodevHome.actual()).isEqualTo("/home is mounted without nodev");
        assertThat(nodevHome.source()).isEqualTo("azure-guest-configuration");
        assertThat(nodevHome.reason()).isEqualTo("reported by azure-guest-configuration on 2026-11-27T06:00:00Z");
        Finding rootLogin = finding(vm1, "109");
        assertThat(rootLogin.status()).isEqualTo(Status.PASS);
        assertThat(rootLogin.actual()).isEqualTo("PermitRootLogin is no");
        assertThat(finding(vm1, "1.1.5").status()).isEqualTo(Status.PASS);
        Finding dccp = finding(vm1, "54");
        assertThat(dccp.status()).isEqualTo(Status.UNKNOWN);
        assertThat(dccp.reason()).isEqualTo("reported by azure-guest-configuration on 2026-11-27T06:00:00Z: "
                + "the agent reported compliance status 'Pending'");
        Finding umask = finding(vm1, "29");
        assertThat(umask.status()).isEqualTo(Status.UNKNOWN);
        assertThat(umask.source()).isNull();
        assertThat(umask.reason()).isEqualTo("collector 'login.defs' did not run for this snapshot; "
                + "azure-guest-configuration reported no verdict for this rule");

        Assessment arc1 = byName.get("arc-1");
        assertThat(finding(arc1, "1.1.4").status()).isEqualTo(Status.FAIL);
        assertThat(finding(arc1, "1.1.4").reason()).contains("2026-11-27T07:00:00Z");

        assertThat(byName.get("vm-2").status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
        assertThat(byName.get("vm-2").reason()).startsWith("no AzureLinuxBaseline or AzureWindowsBaseline guest"
                + " configuration assignment on VM vm-2");

        Assessment vm3 = byName.get("vm-3");
        assertThat(vm3.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(vm3.reason()).isEqualTo("no guest configuration report for VM vm-3 yet: assignment"
                + " AzureLinuxBaseline has no report yet (compliance status Pending); the agent reports within about"
                + " 30 minutes of the assignment");

        Recommendation linux = report.recommendations().stream().filter(r -> r.baselineId().equals("azure-linux"))
                .findFirst().orElseThrow();
        assertThat(linux.unhealthy()).extracting(m -> m.name()).containsExactlyInAnyOrder("vm-1", "arc-1");
        assertThat(linux.notApplicable()).extracting(m -> m.name()).contains("vm-2");
        assertThat(linux.unassessed()).extracting(m -> m.name()).containsExactly("vm-3");
        FailedCheck nodev = linux.failedChecks().stream().filter(c -> c.rule().id().equals("1.1.4")).findFirst()
                .orElseThrow();
        assertThat(nodev.affected()).isEqualTo(2);

        String table = new TableRenderer(false).render(report);
        assertThat(table).contains("source:   azure-guest-configuration");
    }
}

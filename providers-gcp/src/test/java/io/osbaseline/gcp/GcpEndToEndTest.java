package io.osbaseline.gcp;

import static io.osbaseline.gcp.GcpJson.aggregatedPage;
import static io.osbaseline.gcp.GcpJson.aggregatedPath;
import static io.osbaseline.gcp.GcpJson.apt;
import static io.osbaseline.gcp.GcpJson.debian12;
import static io.osbaseline.gcp.GcpJson.inventoriesPage;
import static io.osbaseline.gcp.GcpJson.inventoriesPath;
import static io.osbaseline.gcp.GcpJson.inventory;
import static io.osbaseline.gcp.GcpJson.inventoryPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.gcp.GcpJson.Vm;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import io.osbaseline.scan.FleetScan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fleet from the Compute Engine listing to a report: the real SDK clients against a local REST server, the real
 * Drools engine with the built-in baselines, {@link FleetScan} in parallel.
 */
class GcpEndToEndTest {
    private static final String PROJECT = "shop-prod";
    private static final String NUMBER = "731944201882";
    private static final String WEST = "europe-west1-b";
    private static final String EAST = "us-east1-c";
    private static final String NOT_IN_INVENTORY = "the GCP OS Config inventory reports only the OS and the "
            + "installed packages, and GCP has no run-command API to collect more";

    private static BaselineEngine engine;

    @BeforeAll
    static void compileOnce() throws Exception {
        engine = BaselineEngine.builder().build();
    }

    private static String id(String zone, String name) {
        return "projects/" + PROJECT + "/zones/" + zone + "/instances/" + name;
    }

    @Test
    void aFleetEndsInAReportWithFindingsForWhatTheInventoryShowsAndUnknownsForTheRest() throws Exception {
        try (FakeGcp gcp = new FakeGcp()) {
            Map<String, List<Vm>> west = new LinkedHashMap<>();
            west.put(WEST, List.of(Vm.debian("clean", 11), Vm.debian("telnet", 12),
                    Vm.debian("parked", 13).withStatus("TERMINATED"), Vm.debian("no-agent", 14)));
            Map<String, List<Vm>> east = new LinkedHashMap<>();
            east.put(EAST, List.of(Vm.debian("unlucky", 21),
                    Vm.debian("win", 22).withLicenses(GcpJson.WINDOWS_2022)));
            gcp.on(aggregatedPath(PROJECT), 200, aggregatedPage(PROJECT, west, List.of("us-east1-b"), "p2"))
                    .on(aggregatedPath(PROJECT), "p2", 200, aggregatedPage(PROJECT, east, List.of(), null))
                    .on(aggregatedPath("locked-out"), 403, GcpJson.error(403, "Required 'compute.instances.list' "
                            + "permission for 'projects/locked-out'", "PERMISSION_DENIED"))
                    .on(inventoriesPath(PROJECT, WEST), 200, inventoriesPage(null,
                            inventory(NUMBER, WEST, "11", debian12(), apt("openssh-server", "1:9.2p1-2+deb12u2"),
                                    apt("bash", "5.2.15-2+b2"), apt("rsyslog", "8.2302.0-1")),
                            inventory(NUMBER, WEST, "12", debian12(), apt("openssh-server", "1:9.2p1-2+deb12u2"),
                                    apt("telnetd", "0.17+2.4-2+deb12u1"), apt("rsyslog", "8.2302.0-1"))))
                    .on(inventoryPath(PROJECT, WEST, "14"), 404, GcpJson.error(404, "not found", "NOT_FOUND"))
                    .on(inventoriesPath(PROJECT, EAST), 200, inventoriesPage(null,
                            inventory(NUMBER, EAST, "22", GcpJson.windows2022(), GcpJson.installed("qfePackage",
                                    "{\"hotFixId\":\"KB5037782\",\"description\":\"Security Update\"}"))))
                    .on(inventoryPath(PROJECT, EAST, "21"), 500, GcpJson.error(500, "Internal error encountered.",
                            "INTERNAL"));

            Report report;
            try (GcpProvider provider = gcp.provider(PROJECT, "locked-out").build()) {
                report = FleetScan.of(provider, engine).parallelism(4).report();
            }

            Map<String, Assessment> byId = report.assessments().stream()
                    .collect(Collectors.toMap(a -> a.machine().id(), Function.identity()));
            assertThat(byId.keySet()).containsExactlyInAnyOrder(id(WEST, "clean"), id(WEST, "telnet"),
                    id(WEST, "parked"), id(WEST, "no-agent"), id(EAST, "unlucky"), id(EAST, "win"),
                    "projects/locked-out");

            Assessment clean = byId.get(id(WEST, "clean"));
            assertThat(clean.status()).isEqualTo(AssessmentStatus.HEALTHY);
            assertThat(clean.machine().osName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
            assertJudgedOnlyWhatTheInventoryHolds(clean);
            assertThat(finding(clean, "73").status()).isEqualTo(Status.PASS);
            assertThat(finding(clean, "73").actual()).isEqualTo("not installed");
            Finding rootLogin = finding(clean, "109");
            assertThat(rootLogin.status()).isEqualTo(Status.UNKNOWN);
            assertThat(rootLogin.reason()).isEqualTo("collector 'sshd' unavailable: " + NOT_IN_INVENTORY);

            Assessment telnet = byId.get(id(WEST, "telnet"));
            assertThat(telnet.status()).isEqualTo(AssessmentStatus.UNHEALTHY);
            assertJudgedOnlyWhatTheInventoryHolds(telnet);
            assertThat(finding(telnet, "73").status()).isEqualTo(Status.FAIL);
            assertThat(finding(telnet, "73").actual()).isEqualTo("telnetd 0.17+2.4-2+deb12u1 installed");
            assertThat(telnet.findings()).filteredOn(f -> f.status() == Status.FAIL).extracting(Finding::ruleId)
                    .containsExactly("73");

            assertThat(byId.get(id(WEST, "parked")).status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
            assertThat(byId.get(id(WEST, "parked")).reason()).startsWith("the instance is TERMINATED, not RUNNING");
            assertThat(byId.get(id(WEST, "no-agent")).status()).isEqualTo(AssessmentStatus.NOT_APPLICABLE);
            assertThat(byId.get(id(WEST, "no-agent")).reason()).startsWith("no OS Config inventory for this instance");
            assertThat(byId.get(id(EAST, "unlucky")).status()).isEqualTo(AssessmentStatus.ERROR);
            assertThat(byId.get(id(EAST, "unlucky")).reason()).isEqualTo("cannot read the OS Config inventory "
                    + "projects/shop-prod/locations/us-east1-c/instances/21/inventory: INTERNAL: Internal error "
                    + "encountered.");
            assertThat(byId.get("projects/locked-out").status()).isEqualTo(AssessmentStatus.ERROR);
            assertThat(byId.get("projects/locked-out").reason()).startsWith(
                    "cannot list the Compute Engine instances of project locked-out: PERMISSION_DENIED: ");

            Assessment win = byId.get(id(EAST, "win"));
            assertThat(win.machine().osFamily()).isEqualTo(OsFamily.WINDOWS);
            assertThat(win.machine().osVersion()).isEqualTo("10.0.20348");
            assertThat(win.status()).isNotEqualTo(AssessmentStatus.ERROR);
            assertThat(win.findings()).noneMatch(f -> f.status() == Status.FAIL);

            Recommendation linux = report.recommendations().stream()
                    .filter(r -> r.baselineId().equals("azure-linux")).findFirst().orElseThrow();
            assertThat(linux.unhealthy()).extracting(MachineRef::id).containsExactly(id(WEST, "telnet"));
            assertThat(linux.healthy()).extracting(MachineRef::id).containsExactly(id(WEST, "clean"));
            FailedCheck telnetd = linux.failedChecks().stream().filter(c -> c.rule().id().equals("73")).findFirst()
                    .orElseThrow();
            assertThat(telnetd.affected()).isEqualTo(1);
            assertThat(telnetd.machines().get(0).actual()).isEqualTo("telnetd 0.17+2.4-2+deb12u1 installed");
        }
    }

    /**
     * Every rule that needs only what the inventory holds (packages, os-release) is judged; every other is UNKNOWN
     * with a reason that names the source.
     */
    private static void assertJudgedOnlyWhatTheInventoryHolds(Assessment assessment) {
        Map<String, RuleInfo> rules = engine.rules().stream()
                .collect(Collectors.toMap(r -> r.baselineId() + "/" + r.id(), Function.identity()));
        int judged = 0;
        for (Finding f : assessment.findings()) {
            RuleInfo rule = rules.get(f.baselineId() + "/" + f.ruleId());
            if (Set.of("packages", "os-release").containsAll(rule.requires())) {
                assertThat(f.status()).as(f.ruleId()).isIn(Status.PASS, Status.FAIL, Status.NOT_APPLICABLE);
                judged++;
            } else {
                assertThat(f.status()).as(f.ruleId()).isEqualTo(Status.UNKNOWN);
                assertThat(f.reason()).as(f.ruleId()).endsWith("unavailable: " + NOT_IN_INVENTORY);
            }
        }
        assertThat(judged).as("rules judged from packages alone").isGreaterThanOrEqualTo(4);
        assertThat(assessment.findings()).hasSizeGreaterThan(judged);
    }

    private static Finding finding(Assessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }
}

package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.page;
import static io.osbaseline.azure.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Report;
import io.osbaseline.scan.FleetScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One machine that throttles, fails or answers garbage must not sink the fleet: 429 with Retry-After is waited out
 * and retried, a persistent 500 and a malformed body end as ERROR assessments with the reason, the others are
 * assessed.
 */
class FailureIsolationTest {
    private static final String GC = "/providers/Microsoft.GuestConfiguration/guestConfigurationAssignments";
    private static BaselineEngine engine;

    @TempDir
    Path tmp;
    private FakeArm arm;
    private FakeMachines machines;

    @BeforeAll
    static void engine() throws Exception {
        engine = TestEngine.get();
    }

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
        machines = new FakeMachines(arm);
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.HybridCompute/machines", page(null));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private void vms(String... names) {
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines", page(null,
                java.util.Arrays.stream(names).map(n -> vm(SUB, "rg", n, "Linux", "running", "ubuntu", "22.04", "{}"))
                        .toArray(String[]::new)));
    }

    private void healthyReport(String name) {
        String id = Fixtures.vmId(SUB, "rg", name);
        arm.json("GET", id + GC, page(null, GuestConfigurationTest.assignment(id, "AzureLinuxBaseline",
                "AzureLinuxBaseline", "Compliant")));
        arm.json("GET", id + GC + "/AzureLinuxBaseline/reports", page(null, GuestConfigurationTest.report(id,
                "AzureLinuxBaseline", "r-" + name, "2026-11-27T06:00:00Z", true)));
    }

    private AzureProvider.Builder provider() {
        return AzureProvider.builder().credential(FakeArm.credential()).profile(arm.profile())
                .httpClient(FakeArm.httpClient()).retryPolicy(Fixtures.fastRetries()).pollInterval(Duration.ofMillis(5))
                .subscriptions(List.of(SUB));
    }

    private Map<String, Assessment> scan(AzureProvider.Builder builder) throws Exception {
        Report report;
        try (AzureProvider p = builder.build()) {
            report = FleetScan.of(p, engine).parallelism(2).report();
        }
        return report.assessments().stream().collect(Collectors.toMap(a -> a.machine().name(), Function.identity()));
    }

    @Test
    void a429IsRetriedAfterTheDelayItsRetryAfterHeaderAsks() throws Exception {
        vms("vm-1");
        healthyReport("vm-1");
        String id = Fixtures.vmId(SUB, "rg", "vm-1");
        AtomicInteger calls = new AtomicInteger();
        String body = page(null, GuestConfigurationTest.assignment(id, "AzureLinuxBaseline", "AzureLinuxBaseline",
                "Compliant"));
        arm.on("GET", id + GC, r -> calls.incrementAndGet() == 1
                ? FakeArm.Reply.json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"throttled\"}}")
                        .header("Retry-After", "1")
                : FakeArm.Reply.json(200, body));

        Map<String, Assessment> result = scan(provider());

        assertThat(result.get("vm-1").status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        List<FakeArm.Call> tries = arm.calls("GET", id + GC);
        assertThat(tries).hasSize(2);
        long waitedMillis = (tries.get(1).receivedAtNanos() - tries.get(0).receivedAtNanos()) / 1_000_000;
        assertThat(waitedMillis).as("waited the 1 s Retry-After, not the 10 ms of the retry policy")
                .isGreaterThanOrEqualTo(950);
    }

    @Test
    void theSdksRunCommandHonoursRetryAfterToo() throws Exception {
        vms("vm-1");
        Path payload = Files.write(tmp.resolve("payload"), "evidence".getBytes());
        PayloadCollector collector = new PayloadCollector(payload);
        AtomicInteger posts = new AtomicInteger();
        // in front of the fake machine: the first request is throttled, the others pass through
        arm.on("POST", ".*/virtualMachines/vm-1/runCommand", r -> posts.getAndIncrement() == 0
                ? FakeArm.Reply.json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"busy\"}}")
                        .header("Retry-After", "1")
                : null);

        Map<String, Assessment> result = scan(provider().mode(SnapshotMode.RUN_COMMAND)
                .evidenceDir(tmp.toString()).collector(OsFamily.LINUX, collector));

        assertThat(result.get("vm-1").status()).isNotEqualTo(AssessmentStatus.ERROR);
        assertThat(collector.received("vm-1")).isEqualTo("evidence".getBytes());
        List<FakeArm.Call> tries = arm.calls("POST", ".*/virtualMachines/vm-1/runCommand");
        long waitedMillis = (tries.get(1).receivedAtNanos() - tries.get(0).receivedAtNanos()) / 1_000_000;
        assertThat(waitedMillis).isGreaterThanOrEqualTo(950);
    }

    @Test
    void aPersistent500AndAMalformedBodyAreErrorsWithTheReasonAndTheFleetGoesOn() throws Exception {
        vms("vm-ok", "vm-500", "vm-garbage");
        healthyReport("vm-ok");
        String broken = Fixtures.vmId(SUB, "rg", "vm-500");
        arm.on("GET", broken + GC, r -> FakeArm.Reply.json(500,
                "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Encountered internal server error.\"}}"));
        String garbage = Fixtures.vmId(SUB, "rg", "vm-garbage");
        arm.json("GET", garbage + GC, page(null, GuestConfigurationTest.assignment(garbage, "AzureLinuxBaseline",
                "AzureLinuxBaseline", "Compliant")));
        arm.on("GET", garbage + GC + "/AzureLinuxBaseline/reports", r -> FakeArm.Reply.json(200,
                "{\"value\":[{\"id\":\"r1\",\"properties\":{\"details\":"));

        Map<String, Assessment> result = scan(provider());

        assertThat(result.get("vm-ok").status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        Assessment fiveHundred = result.get("vm-500");
        assertThat(fiveHundred.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(fiveHundred.reason()).startsWith("cannot list the guest configuration assignments of VM vm-500:")
                .contains("answered HTTP 500: InternalServerError: Encountered internal server error.");
        assertThat(arm.calls("GET", broken + GC)).as("tried once and retried twice").hasSize(3);
        Assessment malformed = result.get("vm-garbage");
        assertThat(malformed.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(malformed.reason()).startsWith("cannot read the reports of guest configuration assignment"
                + " AzureLinuxBaseline on VM vm-garbage: malformed JSON from GET")
                .contains("body starts with: {\"value\":[{\"id\":\"r1\"");
    }

    @Test
    void aMachineThatCannotBeReachedIsAnErrorWithAzuresReason() throws Exception {
        vms("vm-ok", "vm-gone");
        healthyReport("vm-ok");
        arm.on("GET", ".*/virtualMachines/vm-gone/instanceView", r -> FakeArm.Reply.json(404,
                "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'vm-gone' was not found.\"}}"));

        Map<String, Assessment> result = scan(provider());

        assertThat(result.get("vm-ok").status()).isEqualTo(AssessmentStatus.UNHEALTHY);
        assertThat(result.get("vm-gone").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-gone").reason()).isEqualTo("cannot read the instance view of VM vm-gone: HTTP 404"
                + " ResourceNotFound: The Resource 'vm-gone' was not found.");
    }

    @Test
    void aRunCommandThatNeverFinishesTimesOut() throws Exception {
        vms("vm-slow");
        arm.on("POST", ".*/virtualMachines/vm-slow/runCommand", r -> new FakeArm.Reply(202, Map.of(
                "Azure-AsyncOperation", arm.base() + "subscriptions/" + SUB
                        + "/providers/Microsoft.Compute/locations/westeurope/operations/forever?api-version=x"), ""));
        arm.json("GET", ".*/operations/forever", "{\"status\":\"InProgress\"}");
        PayloadCollector collector = new PayloadCollector(Files.write(tmp.resolve("p"), new byte[] {1}));

        Map<String, Assessment> result = scan(provider().mode(SnapshotMode.RUN_COMMAND).evidenceDir(tmp.toString())
                .runTimeout(Duration.ofMillis(300)).chunkTimeout(Duration.ofMillis(300))
                .collector(OsFamily.LINUX, collector));

        assertThat(result.get("vm-slow").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("vm-slow").reason()).isEqualTo("Run Command on VM vm-slow did not finish within"
                + " 300 ms");
    }
}

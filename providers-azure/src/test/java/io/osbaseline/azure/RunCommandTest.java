package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.arc;
import static io.osbaseline.azure.Fixtures.page;
import static io.osbaseline.azure.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Report;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.SnapshotException;
import io.osbaseline.scan.FleetScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-command mode's transport, end to end: the real SDK against the fake ARM, whose machines execute the scripts
 * with sh and keep only the last 4,096 bytes of their output, as Azure does.
 */
class RunCommandTest {
    /** 45,000 random (incompressible, like gzip) bytes: 60,000 base64 characters, 20 chunks of 3,072. */
    private static final int REALISTIC_BYTES = 45_000;
    /** 6,000 bytes: 8,000 base64 characters, 3 chunks; enough for the failure cases, and faster. */
    private static final int SMALL_BYTES = 6_000;
    private static BaselineEngine engine;

    @TempDir
    Path tmp;
    private FakeArm arm;
    private FakeMachines machines;
    private Path evidenceDir;
    private byte[] payload;
    private PayloadCollector collector;

    @BeforeAll
    static void engine() throws Exception {
        engine = TestEngine.get();
    }

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
        machines = new FakeMachines(arm);
        evidenceDir = Files.createDirectories(tmp.resolve("vm-var-tmp"));
        payload(SMALL_BYTES);
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines", page(null,
                vm(SUB, "rg", "vm-1", "Linux", "running", "ubuntu", "22.04", "{}"),
                vm(SUB, "rg", "vm-2", "Linux", "running", "ubuntu", "22.04", "{}"),
                vm(SUB, "rg", "win-1", "Windows", "running", "Windows Server 2022 Datacenter", "10.0.20348", "{}")));
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.HybridCompute/machines", page(null,
                arc(SUB, "rg-arc", "arc-1", "linux", "Connected", "Ubuntu 22.04.4 LTS", "5.15.0", "{}")));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private void payload(int bytes) throws Exception {
        payload = new byte[bytes];
        new Random(42).nextBytes(payload);
        collector = new PayloadCollector(Files.write(tmp.resolve("evidence.tar.gz"), payload));
    }

    private AzureProvider.Builder provider() {
        return AzureProvider.builder().credential(FakeArm.credential()).profile(arm.profile())
                .httpClient(FakeArm.httpClient()).retryPolicy(Fixtures.fastRetries()).pollInterval(Duration.ofMillis(5))
                .subscriptions(List.of(SUB)).mode(SnapshotMode.RUN_COMMAND).evidenceDir(evidenceDir.toString())
                .collector(OsFamily.LINUX, collector);
    }

    private Machine machine(AzureProvider p, String name) {
        return p.machines().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sixtyKilobytesOfEvidenceArriveByteIdenticalInChunksPastTheOutputLimit() throws Exception {
        payload(REALISTIC_BYTES);
        try (AzureProvider p = provider().build()) {
            p.collect(machine(p, "vm-1"));
        }

        assertThat(collector.received("vm-1")).isEqualTo(payload);
        int chunks = (Base64.getEncoder().encodeToString(payload).length() + 3071) / 3072;
        assertThat(chunks).isEqualTo(20);
        assertThat(machines.runs("vm-1")).as("collect, 20 chunks, clean up").isEqualTo(chunks + 2);
        assertThat(arm.calls("POST", ".*/virtualMachines/vm-1/runCommand"))
                .hasSize(chunks + 2)
                .allSatisfy(c -> assertThat(c.json().path("commandId").asText()).isEqualTo("RunShellScript"));
        assertThat(arm.calls("GET", ".*/operations/[^/]+")).as("each run polled as a long-running operation")
                .hasSizeGreaterThanOrEqualTo(2 * (chunks + 2));
        try (var left = Files.list(evidenceDir)) {
            assertThat(left).as("nothing left on the machine").isEmpty();
        }
    }

    @Test
    void aCorruptedChunkIsDetectedAndNamesBothHashes() throws Exception {
        machines.tamperStdout((m, run) -> run == 3 ? "OSBASELINE-CHUNK 1 " + "A".repeat(3072) + " OSBASELINE-END\n"
                : null);
        try (AzureProvider p = provider().build()) {
            Machine vm = machine(p, "vm-1");
            assertThatThrownBy(() -> p.collect(vm)).isInstanceOf(SnapshotException.class)
                    .hasMessageMatching("the evidence of VM vm-1 did not arrive intact: the machine sent 8000 bytes"
                            + " with sha256 [0-9a-f]{64}, 8000 bytes with sha256 [0-9a-f]{64} arrived");
        }
        assertThat(collector.received("vm-1")).isNull();
        try (var left = Files.list(evidenceDir)) {
            assertThat(left).as("cleaned up after a failure too").isEmpty();
        }
    }

    @Test
    void aTruncatedChunkIsDetectedByItsLength() throws Exception {
        // the last chunk (1,856 characters) arrives cut to 4
        machines.tamperStdout((m, run) -> run == 4 ? "OSBASELINE-CHUNK 2 AAAA OSBASELINE-END\n" : null);
        try (AzureProvider p = provider().build()) {
            Machine vm = machine(p, "vm-1");
            assertThatThrownBy(() -> p.collect(vm)).isInstanceOf(SnapshotException.class)
                    .hasMessageContaining("the machine sent 8000 bytes").hasMessageContaining(", 6148 bytes with");
        }
    }

    @Test
    void aChunkMissingFromTheOutputIsNamed() throws Exception {
        machines.tamperStdout((m, run) -> run == 3 ? "something else entirely\n" : null);
        try (AzureProvider p = provider().build()) {
            Machine vm = machine(p, "vm-1");
            assertThatThrownBy(() -> p.collect(vm)).isInstanceOf(SnapshotException.class)
                    .hasMessage("chunk 2 of 3 of the evidence of VM vm-1 is missing from the run command's output:"
                            + " 'something else entirely'");
        }
    }

    @Test
    void garbageInsteadOfTheHeaderIsAnErrorThatShowsTheOutput() throws Exception {
        machines.tamperStdout((m, run) -> run == 1 ? "\u0000\u0001garbage" : null);
        try (AzureProvider p = provider().build()) {
            Machine vm = machine(p, "vm-1");
            assertThatThrownBy(() -> p.collect(vm)).isInstanceOf(SnapshotException.class)
                    .hasMessageStartingWith("the collector's output on VM vm-1 has no evidence header")
                    .hasMessageContaining("garbage");
        }
    }

    @Test
    void aFailingCollectorReportsItsExitCodeAndStderr() throws Exception {
        EvidenceCollector failing = new EvidenceCollector() {
            @Override
            public String script() {
                return "echo 'cannot read /etc/shadow: permission denied' >&2\nexit 3\n";
            }

            @Override
            public io.osbaseline.model.ConfigurationSnapshot read(Machine machine, java.io.InputStream evidence) {
                throw new AssertionError("not reached");
            }
        };
        try (AzureProvider p = provider().collector(OsFamily.LINUX, failing).build()) {
            Machine vm = machine(p, "vm-1");
            assertThatThrownBy(() -> p.collect(vm)).isInstanceOf(SnapshotException.class)
                    .hasMessage("the collector failed on VM vm-1 (exit code 3): 'cannot read /etc/shadow: permission"
                            + " denied'");
        }
    }

    @Test
    void anArcMachineGoesThroughManagedRunCommandsInChunks() throws Exception {
        try (AzureProvider p = provider().build()) {
            p.collect(machine(p, "arc-1"));
        }

        assertThat(collector.received("arc-1")).isEqualTo(payload);
        List<FakeArm.Call> puts = arm.calls("PUT", ".*/Microsoft.HybridCompute/machines/arc-1/runCommands/[^/]+");
        assertThat(puts).as("collect, 3 chunks, clean up").hasSize(5).allSatisfy(c -> {
            assertThat(c.query()).containsEntry("api-version", ManagedRunCommandShell.ARC_API_VERSION);
            assertThat(c.json().path("location").asText()).isEqualTo("westeurope");
            assertThat(c.json().path("properties").has("outputBlobUri")).isFalse();
        });
        assertThat(arm.calls("DELETE", ".*/machines/arc-1/runCommands/[^/]+")).as("each run command deleted")
                .hasSize(5);
    }

    @Test
    void throughABlobTheEvidenceTakesOneRunAndNoArmTokenGoesToStorage() throws Exception {
        String container = arm.httpBase() + "blobs/evidence?sv=2022-11-02&sp=cwrd&sig=s3cret";
        try (AzureProvider p = provider().outputContainerUrl(container).build()) {
            p.collect(machine(p, "vm-1"));
        }

        assertThat(collector.received("vm-1")).isEqualTo(payload);
        assertThat(machines.runs("vm-1")).isEqualTo(1);
        FakeArm.Call put = arm.calls("PUT", ".*/virtualMachines/vm-1/runCommands/[^/]+").get(0);
        assertThat(put.query()).containsEntry("api-version", ManagedRunCommandShell.VM_API_VERSION);
        assertThat(put.json().at("/properties/outputBlobUri").asText())
                .matches("http://127\\.0\\.0\\.1:\\d+/blobs/evidence/osbaseline-[0-9a-f-]+\\.b64"
                        + "\\?sv=2022-11-02&sp=cwrd&sig=s3cret");
        List<FakeArm.Call> blobReads = arm.calls("GET", "/blobs/.+");
        assertThat(blobReads).hasSize(1).allSatisfy(c -> assertThat(c.authorization()).isNull());
        assertThat(machines.blobs()).as("the blob is deleted after reading").isEmpty();
        try (var left = Files.list(evidenceDir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anAlteredBlobIsDetectedAndTheSignatureStaysOutOfTheMessage() throws Exception {
        machines.tamperBlob((m, run) -> "QUJD".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String container = arm.httpBase() + "blobs/evidence?sv=2022-11-02&sig=s3cret";
        try (AzureProvider p = provider().outputContainerUrl(container).build()) {
            Machine vm = machine(p, "vm-1");
            assertThatThrownBy(() -> p.collect(vm)).isInstanceOf(SnapshotException.class)
                    .hasMessageContaining("did not arrive intact: the machine sent 8000 bytes")
                    .hasMessageContaining(", 4 bytes with sha256");
        }
    }

    @Test
    void stoppedAndDeallocatedVmsAndDisconnectedArcMachinesAreNotApplicable() throws Exception {
        machines.power("vm-1", "deallocated").power("vm-2", "stopped").arcStatus("arc-1", "Disconnected");
        try (AzureProvider p = provider().build()) {
            Machine vm1 = machine(p, "vm-1");
            Machine vm2 = machine(p, "vm-2");
            Machine arc1 = machine(p, "arc-1");
            assertThatThrownBy(() -> p.collect(vm1)).isInstanceOf(MachineNotApplicableException.class)
                    .hasMessage("VM vm-1 is deallocated: only running VMs are assessed; start it and scan again");
            assertThatThrownBy(() -> p.collect(vm2)).isInstanceOf(MachineNotApplicableException.class)
                    .hasMessageContaining("VM vm-2 is stopped");
            assertThatThrownBy(() -> p.collect(arc1)).isInstanceOf(MachineNotApplicableException.class)
                    .hasMessageStartingWith("Arc machine arc-1 is Disconnected since 2026-11-20T10:00:00Z");
        }
        assertThat(machines.runs("vm-1")).isZero();
    }

    @Test
    void aFleetRunGoesOnPastABrokenMachineAndAWindowsMachineThatRefusesTheScript() throws Exception {
        machines.tamperStdout((m, run) -> m.equals("vm-2") && run == 3 ? "OSBASELINE-CHUNK 1 QUJD OSBASELINE-END"
                : null);
        Report report;
        try (AzureProvider p = provider().build()) {
            report = FleetScan.of(p, engine).parallelism(2).report();
        }

        Map<String, Assessment> byName = report.assessments().stream()
                .collect(Collectors.toMap(a -> a.machine().name(), Function.identity()));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("vm-1", "vm-2", "win-1", "arc-1");
        assertThat(byName.get("vm-1").status()).isNotEqualTo(AssessmentStatus.ERROR);
        assertThat(byName.get("arc-1").status()).isNotEqualTo(AssessmentStatus.ERROR);
        assertThat(byName.get("vm-2").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(byName.get("vm-2").reason()).contains("the evidence of VM vm-2 did not arrive intact");
        assertThat(byName.get("win-1").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(byName.get("win-1").reason()).isEqualTo("Run Command on VM win-1 failed: HTTP 409 Conflict: this"
                + " test machine cannot run PowerShell");
        assertThat(collector.received("vm-1")).isEqualTo(payload);
    }
}

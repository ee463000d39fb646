package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.aws.FakeAws.Ec2Instance;
import io.osbaseline.aws.FakeAws.Node;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.scan.FleetScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * Command mode through the real SSM client: SendCommand, the waiter, the chunked transfer, and how each way a machine
 * can fail ends in its own assessment while the rest of the fleet is assessed.
 */
class AwsCommandModeTest {
    @TempDir
    Path tmp;
    FakeAws aws;
    Path payload;
    FileEvidence collector;

    /**
     * The tests' own evidence format, to see bytes cross intact: the collector prints the base64 of a file, the reader
     * keeps what it was given. A machine whose environment sets BREAK_COLLECTOR fails like a broken collector.
     */
    static final class FileEvidence implements RemoteCollector {
        final Path file;
        final Map<String, byte[]> received = new ConcurrentHashMap<>();

        FileEvidence(Path file) {
            this.file = file;
        }

        @Override
        public String script() {
            return "#!/bin/sh\n"
                    + "if [ -n \"${BREAK_COLLECTOR:-}\" ]; then echo \"$BREAK_COLLECTOR\" >&2; exit 2; fi\n"
                    + "base64 '" + file + "'\n";
        }

        @Override
        public ConfigurationSnapshot read(Machine machine, InputStream evidence) {
            try {
                received.put(machine.id(), evidence.readAllBytes());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return new ConfigurationSnapshot(machine, Instant.EPOCH, List.of(), Coverage.EMPTY);
        }
    }

    /** Changes the character after {@code marker}, keeping the length, as a damaged transfer would. */
    static String flipAfter(String out, String marker) {
        int at = out.indexOf(marker);
        if (at < 0) {
            return out;
        }
        int i = at + marker.length();
        return out.substring(0, i) + (out.charAt(i) == 'A' ? 'B' : 'A') + out.substring(i + 1);
    }

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws(tmp.resolve("agent"));
        Files.createDirectories(tmp.resolve("agent"));
        byte[] data = new byte[60 * 1024];
        new Random(60).nextBytes(data);
        payload = Files.write(tmp.resolve("evidence.bin"), data);
        collector = new FileEvidence(payload);
    }

    @AfterEach
    void stop() {
        assertThat(aws.errors()).isEmpty();
        aws.close();
    }

    private Map<String, Assessment> scan(AwsProvider.Builder builder, int parallelism) throws Exception {
        Map<String, Assessment> byId = new TreeMap<>();
        try (AwsProvider provider = builder.linuxCollector(collector).build()) {
            FleetScan.of(provider, TestEngine.get()).parallelism(parallelism).run(a -> byId.put(a.machine().id(), a));
        }
        return byId;
    }

    @Test
    void sixtyKilobytesOfEvidenceArriveByteIdenticalThroughSsm() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1");

        Map<String, Assessment> result = scan(aws.provider(Region.EU_WEST_1), 1);

        assertThat(result.get("i-0aaaaaaaaaaaaaaa1").status()).isNotIn(AssessmentStatus.ERROR,
                AssessmentStatus.NOT_APPLICABLE);
        assertThat(collector.received.get("i-0aaaaaaaaaaaaaaa1")).isEqualTo(Files.readAllBytes(payload));
        List<FakeAws.Call> sends = aws.calls("SendCommand");
        assertThat(sends).hasSize(5);
        assertThat(sends).allSatisfy(c -> {
            assertThat(c.body().path("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
            assertThat(c.body().path("InstanceIds").toString()).isEqualTo("[\"i-0aaaaaaaaaaaaaaa1\"]");
            assertThat(c.body().path("Parameters").path("executionTimeout").toString()).isEqualTo("[\"300\"]");
        });
        // each invocation: not there yet (retried by the waiter), in progress, done
        assertThat(aws.calls("GetCommandInvocation")).hasSize(5 * 3);
        assertThat(aws.leftovers()).isEmpty();
    }

    @Test
    void everyFailureStaysWithItsMachine() throws Exception {
        aws.linux("eu-west-1", "i-0000000000000000a", "ok");
        aws.instance(new Ec2Instance("eu-west-1", "i-0000000000000000b", "123456789012", "stopped", null,
                "Linux/UNIX", Map.of()));
        aws.node(new Node("eu-west-1", "i-0000000000000000b", "ConnectionLost", "Linux", "Ubuntu", "22.04",
                "EC2Instance", null, Map.of()));
        aws.instance(new Ec2Instance("eu-west-1", "i-0000000000000000c", "123456789012", "running", null,
                "Linux/UNIX", Map.of()));
        aws.instance(new Ec2Instance("eu-west-1", "i-0000000000000000d", "123456789012", "running", null,
                "Linux/UNIX", Map.of()));
        aws.node(new Node("eu-west-1", "i-0000000000000000d", "ConnectionLost", "Linux", "Amazon Linux", "2023",
                "EC2Instance", null, Map.of()));
        aws.instance(new Ec2Instance("eu-west-1", "i-0000000000000000e", "123456789012", "running", "windows",
                "Windows", Map.of()));
        aws.node(new Node("eu-west-1", "i-0000000000000000e", "Online", "Windows",
                "Microsoft Windows Server 2022 Datacenter", "10.0.20348", "EC2Instance", null, Map.of()));
        aws.linux("eu-west-1", "i-0000000000000000f", "broken")
                .agentEnv("i-0000000000000000f", "BREAK_COLLECTOR", "tar: /etc/ssh: Cannot open: Permission denied");
        aws.linux("eu-west-1", "i-00000000000000010", "damaged")
                .tamper("i-00000000000000010", out -> flipAfter(out, ChunkedTransport.CHUNK + " 2\n"));
        aws.linux("eu-west-1", "i-00000000000000011", "also-ok");
        aws.instance(new Ec2Instance("eu-west-1", "i-00000000000000012", "123456789012", "running", null,
                "Linux/UNIX", Map.of()));
        aws.node(new Node("eu-west-1", "i-00000000000000012", "Online", "MacOS", "macOS", "14.4", "EC2Instance",
                null, Map.of()));

        Map<String, Assessment> result = scan(aws.provider(Region.EU_WEST_1), 4);

        assertThat(result).hasSize(9);
        assertThat(result.get("i-0000000000000000a").status()).isNotEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("i-00000000000000011").status()).isNotEqualTo(AssessmentStatus.ERROR);
        assertThat(collector.received.get("i-0000000000000000a")).isEqualTo(Files.readAllBytes(payload));
        assertThat(collector.received.get("i-00000000000000011")).isEqualTo(Files.readAllBytes(payload));

        assertThat(result.get("i-0000000000000000b")).extracting(Assessment::status, Assessment::reason)
                .containsExactly(AssessmentStatus.NOT_APPLICABLE, "EC2 instance is stopped"
                        + " (Client.UserInitiatedShutdown: User initiated shutdown); only running instances are"
                        + " assessed");
        assertThat(result.get("i-0000000000000000c")).extracting(Assessment::status, Assessment::reason)
                .containsExactly(AssessmentStatus.NOT_APPLICABLE, "not managed by AWS Systems Manager: no SSM"
                        + " Agent has registered i-0000000000000000c in eu-west-1 (the agent must run on the instance"
                        + " and its instance profile must allow it, for example with the"
                        + " AmazonSSMManagedInstanceCore policy)");
        assertThat(result.get("i-0000000000000000d")).extracting(Assessment::status, Assessment::reason)
                .containsExactly(AssessmentStatus.ERROR, "the SSM Agent is ConnectionLost (last seen"
                        + " 2026-11-12T16:13:20Z), so Run Command cannot reach the machine");
        // a Windows node gets PowerShell, which this test agent runs only where PowerShell is installed
        assertThat(aws.calls("SendCommand")).filteredOn(c -> c.body().path("InstanceIds").path(0).asText()
                .equals("i-0000000000000000e")).extracting(c -> c.body().path("DocumentName").asText())
                .containsExactly("AWS-RunPowerShellScript");
        assertThat(result.get("i-0000000000000000e").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("i-0000000000000000e").reason()).startsWith("SSM command ");
        assertThat(result.get("i-0000000000000000f").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("i-0000000000000000f").reason())
                .matches("SSM command [0-9a-f-]{36} ended Failed, exit code 2: tar: /etc/ssh: Cannot open:"
                        + " Permission denied \\| osbaseline: the collector exited with status 2");
        assertThat(result.get("i-00000000000000010").status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(result.get("i-00000000000000010").reason())
                .startsWith("the evidence arrived damaged: its SHA-256 is ");
        assertThat(result.get("i-00000000000000012")).extracting(Assessment::status, Assessment::reason)
                .containsExactly(AssessmentStatus.NOT_APPLICABLE, "SSM reports platform MacOS; osbaseline has"
                        + " baselines for Linux and Windows only");
        assertThat(collector.received).doesNotContainKeys("i-0000000000000000f", "i-00000000000000010");
        // a stopped or unmanaged instance gets no command
        assertThat(aws.calls("SendCommand")).extracting(c -> c.body().path("InstanceIds").path(0).asText())
                .doesNotContain("i-0000000000000000b", "i-0000000000000000c", "i-0000000000000000d",
                        "i-00000000000000012");
        assertThat(aws.leftovers()).as("no evidence is left on the machines").isEmpty();
    }

    @Test
    void hybridNodesAreCollectedLikeInstancesWithoutAskingEc2() throws Exception {
        aws.node(new Node("eu-west-1", "mi-0123456789abcdef0", "Online", "Linux", "Rocky Linux", "9.4",
                "ManagedInstance", "onprem-db", Map.of()));

        Map<String, Assessment> result = scan(aws.provider(Region.EU_WEST_1).hybridNodes(true), 1);

        assertThat(result.get("mi-0123456789abcdef0").status()).isNotIn(AssessmentStatus.ERROR,
                AssessmentStatus.NOT_APPLICABLE);
        assertThat(collector.received.get("mi-0123456789abcdef0")).isEqualTo(Files.readAllBytes(payload));
        assertThat(aws.calls("DescribeInstances")).as("only the listing asks EC2")
                .allSatisfy(c -> assertThat(c.params()).doesNotContainValue("mi-0123456789abcdef0"));
    }

    @Test
    void outputCutBySsmIsAnErrorOfThatMachine() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1");

        Assessment a = scan(aws.provider(Region.EU_WEST_1).chunkSize(30_000), 1).get("i-0aaaaaaaaaaaaaaa1");

        assertThat(a.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(a.reason()).matches("chunk 1 of 3 of the evidence arrived cut: 23\\d{3} of 30000 characters, no"
                + " end line \\(the command's output was 24000 characters; SSM keeps the first 24000\\)");
        assertThat(aws.leftovers()).as("the clean-up command removed what the collector left").isEmpty();
    }

    @Test
    void aCommandThatNeverEndsIsCancelledAfterTheTimeout() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1").hang("i-0aaaaaaaaaaaaaaa1");

        Assessment a = scan(aws.provider(Region.EU_WEST_1).commandTimeout(Duration.ofMillis(200)), 1)
                .get("i-0aaaaaaaaaaaaaaa1");

        assertThat(a.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(a.reason()).matches("SSM command [0-9a-f-]{36} did not finish within 200 ms \\(status InProgress\\);"
                + " it was cancelled");
        assertThat(aws.calls("CancelCommand")).hasSize(1);
    }

    @Test
    void throttledSendCommandIsRetriedBySdk() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1");
        aws.throttleSsm("SendCommand", 2);
        aws.throttleSsm("GetCommandInvocation", 1);

        scan(aws.provider(Region.EU_WEST_1), 1);

        assertThat(collector.received.get("i-0aaaaaaaaaaaaaaa1")).isEqualTo(Files.readAllBytes(payload));
        assertThat(aws.calls("SendCommand")).hasSize(5 + 2);
    }

    @Test
    void aMalformedInvocationBodyIsAnErrorOfThatMachine() throws Exception {
        aws.linux("eu-west-1", "i-0aaaaaaaaaaaaaaa1", "web-1");
        aws.fail("GetCommandInvocation", 100, 200, "application/x-amz-json-1.1", "{\"CommandId\": \"c-1\", \"Sta");

        Assessment a = scan(aws.provider(Region.EU_WEST_1), 1).get("i-0aaaaaaaaaaaaaaa1");

        assertThat(a.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(a.reason()).startsWith("cannot read SSM command ").contains("Unable to unmarshall response");
    }
}

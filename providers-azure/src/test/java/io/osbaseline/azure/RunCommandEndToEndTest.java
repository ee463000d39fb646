package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.page;
import static io.osbaseline.azure.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import io.osbaseline.scan.FleetScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-command mode with our real collector: the fake VM runs LinuxEvidence's script over a small root of real
 * files, the evidence comes back in chunks past the 4,096-byte limit, the local provider's collectors read it, and the
 * Drools engine judges it into a Report.
 */
class RunCommandEndToEndTest {
    @TempDir
    Path tmp;
    private FakeArm arm;
    private FakeMachines machines;
    private Path root;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
        machines = new FakeMachines(arm);
        root = Files.createDirectories(tmp.resolve("vm-1-root"));
        write("etc/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\n"
                + "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n", "rw-r--r--");
        write("etc/hostname", "vm-1\n", "rw-r--r--");
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"
                + "azureuser:x:1000:1000::/home/azureuser:/bin/bash\n", "rw-r--r--");
        write("etc/group", "root:x:0:\nshadow:x:42:\nazureuser:x:1000:\n", "rw-r--r--");
        // group-readable shadow: rule 11.1 fails
        write("etc/shadow", "root:*:19000:0:99999:7:::\nazureuser:$6$salt$hash:19000:0:99999:7:::\n", "rw-r-----");
        write("etc/gshadow", "root:*::\nshadow:*::\nazureuser:!::\n", "rw-------");
        // root may log in over SSH: rule 109 fails; IgnoreRhosts is set: 106.3 passes
        write("etc/ssh/sshd_config", "PermitRootLogin yes\nIgnoreRhosts yes\nMaxAuthTries 4\n", "rw-------");
        write("var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\n"
                + "Version: 1:8.9p1-3ubuntu0.6\n\n", "rw-r--r--");
        machines.env("OSBASELINE_ROOT", root.toString())
                .env("OSBASELINE_COMMANDS", Files.createDirectories(tmp.resolve("no-commands")).toString());
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines", page(null,
                vm(SUB, "rg", "vm-1", "Linux", "running", "ubuntu", "22.04", "{\"env\":\"prod\"}")));
        arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.HybridCompute/machines", page(null));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private void write(String path, String content, String mode) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void ourCollectorRunsOnTheVmAndItsEvidenceIsJudgedIntoAReport() throws Exception {
        Report report;
        try (AzureProvider p = AzureProvider.builder().credential(FakeArm.credential()).profile(arm.profile())
                .httpClient(FakeArm.httpClient()).retryPolicy(Fixtures.fastRetries())
                .pollInterval(Duration.ofMillis(5)).subscriptions(List.of(SUB)).mode(SnapshotMode.RUN_COMMAND)
                .chunkSize(512).evidenceDir(Files.createDirectories(tmp.resolve("vm-var-tmp")).toString()).build()) {
            report = FleetScan.of(p, TestEngine.get()).report();
        }

        Assessment vm1 = report.assessments().get(0);
        assertThat(vm1.status()).as(vm1.reason() == null ? "" : vm1.reason()).isEqualTo(AssessmentStatus.UNHEALTHY);
        assertThat(vm1.machine().name()).isEqualTo("vm-1");
        Finding rootLogin = finding(vm1, "109");
        assertThat(rootLogin.status()).isEqualTo(Status.FAIL);
        assertThat(rootLogin.actual()).contains("yes");
        assertThat(rootLogin.source()).as("judged by our rules").isNull();
        assertThat(finding(vm1, "106.3").status()).isEqualTo(Status.PASS);
        assertThat(finding(vm1, "106.7").status()).isEqualTo(Status.PASS);
        assertThat(finding(vm1, "12.1").status()).isEqualTo(Status.PASS);
        Finding shadow = finding(vm1, "11.1");
        assertThat(shadow.status()).isEqualTo(Status.FAIL);
        assertThat(shadow.actual()).contains("0640");

        Recommendation linux = report.recommendations().get(0);
        assertThat(linux.unhealthy()).extracting(m -> m.name()).containsExactly("vm-1");
        assertThat(linux.failedChecks()).extracting(FailedCheck::rule).extracting(r -> r.id()).contains("109", "11.1");
        // a small root's evidence is a few KB: 512-byte chunks make it cross several runs
        assertThat(machines.runs("vm-1")).as("collect, several chunks, clean up").isGreaterThan(4);
    }
}

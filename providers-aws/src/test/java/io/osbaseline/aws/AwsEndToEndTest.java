package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.Finding;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import io.osbaseline.scan.FleetScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * From the EC2 listing to a report through the real Drools engine: the SSM agent of the local server runs the real
 * osbaseline collector (the {@code local} provider's evidence script, {@code OSBASELINE_ROOT} pointing at a root of
 * real files per instance), its evidence crosses in chunks, and the {@code local} provider's reader turns it into the
 * snapshot the engine judges.
 */
class AwsEndToEndTest {
    private static final String SHADOW_HASH = "$6$rounds=5000$saltsalt$Jf8S0cTq2Uvmx9f5Wn1pZ3k8yE0a9X7bQ4rL2sD6hG1"
            + "jK3mN5pR7tV9xZ1bC3eF5gH7jK9mN1pR3tV5xZ7b";

    @TempDir
    Path tmp;
    FakeAws aws;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(tmp.resolve("agent"));
        aws = new FakeAws(tmp.resolve("agent"));
    }

    @AfterEach
    void stop() {
        assertThat(aws.errors()).isEmpty();
        aws.close();
    }

    /** A small Ubuntu 22.04 machine as the collector sees it: its files, its kernel's runtime values, its systemctl. */
    private Path ubuntu(String name, String permitRootLogin, boolean telnetd) throws IOException {
        Path root = tmp.resolve(name);
        file(root, "etc/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\nID_LIKE=debian\n"
                + "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n");
        file(root, "etc/hostname", name + "\n");
        file(root, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"
                + "sshd:x:105:65534::/run/sshd:/usr/sbin/nologin\n"
                + "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n");
        file(root, "etc/group", "root:x:0:\nshadow:x:42:\nubuntu:x:1000:\n");
        file(root, "etc/shadow", "root:" + SHADOW_HASH + ":19600:0:99999:7:::\nsshd:*:19600:0:99999:7:::\n"
                + "ubuntu:!:19600:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        file(root, "etc/login.defs", "PASS_MAX_DAYS 90\nPASS_MIN_DAYS 7\nPASS_WARN_AGE 7\nUMASK 077\n");
        file(root, "etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin " + permitRootLogin
                + "\nPasswordAuthentication no\nX11Forwarding no\n");
        StringBuilder dpkg = new StringBuilder();
        for (String[] p : new String[][] {{"openssh-server", "1:8.9p1-3ubuntu0.6"}, {"bash", "5.1-6ubuntu1"},
            {"cron", "3.0pl1-137ubuntu3"}}) {
            dpkg.append("Package: ").append(p[0]).append("\nStatus: install ok installed\nVersion: ").append(p[1])
                    .append("\n\n");
        }
        if (telnetd) {
            dpkg.append("Package: telnetd\nStatus: install ok installed\nVersion: 0.17-44build1\n\n");
        }
        file(root, "var/lib/dpkg/status", dpkg.toString());
        file(root, "proc/sys/kernel/hostname", name + "\n");
        file(root, "proc/sys/net/ipv4/ip_forward", "0\n");
        file(root, "proc/sys/kernel/randomize_va_space", "2\n");
        file(root, "proc/self/mounts", "/dev/root / ext4 rw,relatime 0 0\n");
        file(root, "proc/modules", "ext4 1003520 1 - Live 0x0000000000000000\n");
        Files.createDirectories(root.resolve("run/systemd/system"));
        Path bin = Files.createDirectories(tmp.resolve(name + "-bin"));
        Path systemctl = file(bin, "systemctl", "#!/bin/sh\nprintf '%s\\n' 'ssh.service loaded active running OpenSSH"
                + " server' 'cron.service loaded active running cron daemon'\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    private static Path file(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private void machine(String id, String name, Path root) {
        aws.linux("eu-west-1", id, name)
                .agentEnv(id, "OSBASELINE_ROOT", root.toString())
                .agentEnv(id, "OSBASELINE_COMMANDS", tmp.resolve(name + "-bin").toString());
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void fromTheEc2ListingToAReportThroughTheCollectorAndTheEngine() throws Exception {
        machine("i-0aaaaaaaaaaaaaaa1", "web-hardened", ubuntu("web-hardened", "no", false));
        machine("i-0aaaaaaaaaaaaaaa2", "web-legacy", ubuntu("web-legacy", "yes", true));

        Report report;
        try (AwsProvider provider = aws.provider(Region.EU_WEST_1).build()) {
            report = FleetScan.of(provider, TestEngine.get()).parallelism(2).report();
        }

        assertThat(report.assessments()).hasSize(2);
        Assessment hardened = report.assessments().stream()
                .filter(a -> a.machine().id().equals("i-0aaaaaaaaaaaaaaa1")).findFirst().orElseThrow();
        Assessment legacy = report.assessments().stream()
                .filter(a -> a.machine().id().equals("i-0aaaaaaaaaaaaaaa2")).findFirst().orElseThrow();

        // the machine stays the one the inventory listed
        assertThat(legacy.machine().cloud()).isEqualTo(Cloud.AWS);
        assertThat(legacy.machine().resourceId())
                .isEqualTo("arn:aws:ec2:eu-west-1:123456789012:instance/i-0aaaaaaaaaaaaaaa2");
        assertThat(legacy.machine().name()).isEqualTo("web-legacy");

        assertThat(finding(hardened, "109")).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.PASS, "no");
        assertThat(finding(legacy, "109")).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.FAIL, "yes");
        assertThat(finding(hardened, "73")).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.PASS, "not installed");
        assertThat(finding(legacy, "73")).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.FAIL, "telnetd 0.17-44build1 installed");
        assertThat(legacy.status()).isEqualTo(AssessmentStatus.UNHEALTHY);

        Recommendation linux = report.recommendations().stream().filter(r -> r.baselineId().equals("azure-linux"))
                .findFirst().orElseThrow();
        assertThat(linux.unhealthy()).extracting(MachineRef::id).contains("i-0aaaaaaaaaaaaaaa2");

        // what crossed: the script unpacked and run, the evidence in chunks, nothing left on the machines
        List<FakeAws.Call> sends = aws.calls("SendCommand");
        assertThat(sends).hasSizeGreaterThanOrEqualTo(2);
        String collect = sends.get(0).body().path("Parameters").path("commands").toString();
        assertThat(collect.length()).as("the collector travels packed")
                .isLessThan(io.osbaseline.local.evidence.LinuxEvidence.collectorScript().length() / 2);
        assertThat(aws.leftovers()).isEmpty();
    }
}

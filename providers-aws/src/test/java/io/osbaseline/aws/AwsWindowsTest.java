package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.aws.FakeAws.Ec2Instance;
import io.osbaseline.aws.FakeAws.Node;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Status;
import io.osbaseline.provider.SnapshotException;
import io.osbaseline.scan.FleetScan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * Windows nodes in command mode: the bundle of {@code osbaseline-collect.ps1}, read by the {@code windows-export}
 * reader and judged by the real engine; and, where PowerShell 7 is installed, the PowerShell transport run for real.
 */
class AwsWindowsTest {
    private static final String MIN_PASSWORD_LENGTH = "CCE-36534-6";

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

    /** A bundle as osbaseline-collect.ps1 zips it: the manifest, a secedit export, an auditpol backup. */
    static byte[] bundle(int minimumPasswordLength) throws IOException {
        String manifest = "{\"format\": \"osbaseline-windows-export\", \"version\": 1, \"machine\": {\"id\": \"WEB-7\","
                + " \"name\": \"WEB-7\", \"osName\": \"Microsoft Windows Server 2022 Datacenter\", \"osVersion\":"
                + " \"10.0.20348\"}, \"domainRole\": 3, \"collectedAt\": \"2026-11-28T10:00:00Z\","
                + " \"securityTemplate\": \"secedit.inf\", \"auditPolicy\": \"auditpol.csv\", \"registryKeys\": [],"
                + " \"deviceSecurity\": {}, \"errors\": []}";
        ByteArrayOutputStream inf = new ByteArrayOutputStream();
        inf.write(0xff);
        inf.write(0xfe);
        inf.writeBytes(("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordLength = " + minimumPasswordLength
                + "\r\nPasswordComplexity = 1\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n")
                .getBytes(StandardCharsets.UTF_16LE));
        String audit = "Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,"
                + "Setting Value\r\nWEB-7,System,Credential Validation,{0cce923f-69ae-11d9-bed3-505054503030},"
                + "Success and Failure,,3\r\n";
        Map<String, byte[]> files = new TreeMap<>(Map.of("osbaseline-windows.json",
                manifest.getBytes(StandardCharsets.UTF_8), "secedit.inf", inf.toByteArray(), "auditpol.csv",
                audit.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return zip.toByteArray();
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void theBundleIsReadByTheWindowsExportReaderAndJudged() throws Exception {
        Machine machine = Machine.builder("i-0000000000000win").name("web-7").osFamily(OsFamily.WINDOWS).build();

        ConfigurationSnapshot strict = WindowsBundleCollector.INSTANCE.read(machine,
                new ByteArrayInputStream(bundle(14)));
        ConfigurationSnapshot lax = WindowsBundleCollector.INSTANCE.read(machine,
                new ByteArrayInputStream(bundle(8)));

        assertThat(strict.machine().id()).isEqualTo("i-0000000000000win");
        assertThat(finding(TestEngine.get().assess(strict), MIN_PASSWORD_LENGTH))
                .extracting(Finding::status, Finding::actual).containsExactly(Status.PASS, "14");
        assertThat(finding(TestEngine.get().assess(lax), MIN_PASSWORD_LENGTH))
                .extracting(Finding::status, Finding::actual).containsExactly(Status.FAIL, "8");
    }

    @Test
    void theDefaultWindowsCollectorIsTheLocalProvidersScriptAskedForItsBase64Zip() {
        String script = WindowsBundleCollector.INSTANCE.script();
        assertThat(script).startsWith("& ([scriptblock]::Create(@'\n")
                .contains("[switch] $Base64Zip", "osbaseline-windows-export")
                .endsWith("\n'@)) -OutputPath (Join-Path $PSScriptRoot 'bundle') -Base64Zip\n");
    }

    @Test
    void aWindowsNodeGetsPowerShellThroughTheWholeTransport() throws Exception {
        Path pwsh = FakeAws.pwsh();
        Assumptions.assumeTrue(pwsh != null, "PowerShell 7 (pwsh) is not installed here: the PowerShell commands"
                + " cannot run");
        Path zip = Files.write(tmp.resolve("bundle.zip"), bundle(8));
        aws.instance(new Ec2Instance("eu-west-1", "i-0000000000000win", "123456789012", "running", "windows",
                "Windows", Map.of("Name", "web-7")));
        aws.node(new Node("eu-west-1", "i-0000000000000win", "Online", "Windows",
                "Microsoft Windows Server 2022 Datacenter", "10.0.20348", "EC2Instance", null, Map.of()));
        // the real collector needs secedit and auditpol; this one prints the bundle it would have made
        RemoteCollector printsBundle = new RemoteCollector() {
            @Override
            public String script() {
                return "[Console]::Out.Write([Convert]::ToBase64String([IO.File]::ReadAllBytes('" + zip + "')))\n";
            }

            @Override
            public ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException {
                return WindowsBundleCollector.INSTANCE.read(machine, evidence);
            }
        };

        Assessment a;
        try (AwsProvider provider = aws.provider(Region.EU_WEST_1).windowsCollector(printsBundle).chunkSize(400)
                .build()) {
            a = FleetScan.of(provider, TestEngine.get()).report().assessments().get(0);
        }

        assertThat(finding(a, MIN_PASSWORD_LENGTH)).extracting(Finding::status, Finding::actual)
                .containsExactly(Status.FAIL, "8");
        assertThat(aws.calls("SendCommand")).hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.body().path("DocumentName").asText())
                        .isEqualTo("AWS-RunPowerShellScript"));
        assertThat(aws.leftovers()).isEmpty();
    }
}

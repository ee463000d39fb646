package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.page;
import static io.osbaseline.azure.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Status;
import io.osbaseline.provider.SnapshotException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The Windows half of run-command mode. This host has no PowerShell, so the PowerShell scripts are checked as the
 * requests Azure receives, and the reading half on a bundle zip built file by file the way the collector writes it.
 */
class WindowsRunCommandTest {

    private static byte[] utf16le(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xfe);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    /** A collector bundle zip: manifest, secedit export (UTF-16LE), audit policy CSV, one registry export. */
    private static byte[] bundle(int minimumPasswordLength) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("osbaseline-windows.json"));
            z.write(("{\"format\": \"osbaseline-windows-export\", \"version\": 1, \"machine\": {\"id\": \"WIN-1\","
                    + " \"name\": \"WIN-1\", \"osName\": \"Microsoft Windows Server 2022 Datacenter\","
                    + " \"osVersion\": \"10.0.20348\"}, \"domainRole\": 3, \"collectedAt\": \"2026-11-28T10:00:00Z\","
                    + " \"securityTemplate\": \"secedit.inf\", \"auditPolicy\": \"auditpol.csv\","
                    + " \"registryKeys\": [{\"key\": \"HKLM\\\\SOFTWARE\\\\Policies\", \"file\": \"registry/001.reg\","
                    + " \"exists\": true}], \"deviceSecurity\": {}, \"errors\": []}")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("secedit.inf"));
            z.write(utf16le("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordLength = "
                    + minimumPasswordLength + "\r\nPasswordComplexity = 1\r\n[Version]\r\n"
                    + "signature=\"$CHICAGO$\"\r\nRevision=1\r\n"));
            z.putNextEntry(new ZipEntry("auditpol.csv"));
            z.write(("Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,"
                    + "Setting Value\r\nWIN-1,System,Audit Logon,{0cce9215-69ae-11d9-bed3-505054503030},"
                    + "Success and Failure,,3\r\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("registry/001.reg"));
            z.write(utf16le("Windows Registry Editor Version 5.00\r\n\r\n"
                    + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\System]\r\n"
                    + "\"EnableSmartScreen\"=dword:00000001\r\n"));
        }
        return zip.toByteArray();
    }

    private static Machine win1() {
        String id = Fixtures.vmId(SUB, "rg", "win-1");
        return Machine.builder(id).name("win-1").osFamily(OsFamily.WINDOWS).cloud(Cloud.AZURE).region("westeurope")
                .resourceId(id).build();
    }

    @Test
    void theBundleTheCollectorPrintsIsReadByTheLocalReaderAndJudgedByTheWindowsPack() throws Exception {
        WindowsEvidenceCollector collector = new WindowsEvidenceCollector();

        ConfigurationSnapshot snapshot = collector.read(win1(), new ByteArrayInputStream(bundle(8)));
        Assessment assessment = TestEngine.get().assess(snapshot);

        assertThat(snapshot.machine().osName()).isEqualTo("Microsoft Windows Server 2022 Datacenter");
        Finding length = assessment.findings().stream().filter(f -> f.ruleId().equals("CCE-36534-6")).findFirst()
                .orElseThrow();
        assertThat(length.status()).isEqualTo(Status.FAIL);
        assertThat(length.actual()).contains("8");
        Finding compliant = TestEngine.get().assess(collector.read(win1(), new ByteArrayInputStream(bundle(14))))
                .findings().stream().filter(f -> f.ruleId().equals("CCE-36534-6")).findFirst().orElseThrow();
        assertThat(compliant.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aBundleThatIsNotAZipIsAnErrorFromTheReader() {
        WindowsEvidenceCollector collector = new WindowsEvidenceCollector();
        assertThatThrownBy(() -> collector.read(win1(), new ByteArrayInputStream("not a zip".getBytes())))
                .isInstanceOf(SnapshotException.class);
    }

    @Test
    void aWindowsVmIsSentThePowerShellProtocolThroughRunPowerShellScript() throws Exception {
        try (FakeArm arm = new FakeArm()) {
            new FakeMachines(arm);
            arm.json("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines", page(null,
                    vm(SUB, "rg", "win-1", "Windows", "running", "Windows Server 2022 Datacenter", "10.0.20348",
                            "{}")));
            try (AzureProvider p = AzureProvider.builder().credential(FakeArm.credential()).profile(arm.profile())
                    .httpClient(FakeArm.httpClient()).retryPolicy(Fixtures.fastRetries())
                    .pollInterval(Duration.ofMillis(5)).subscriptions(List.of(SUB)).includeArc(false)
                    .mode(SnapshotMode.RUN_COMMAND).build()) {
                Machine m = p.machines().findFirst().orElseThrow();
                assertThatThrownBy(() -> p.collect(m)).isInstanceOf(SnapshotException.class)
                        .hasMessageContaining("cannot run PowerShell");
            }
            List<FakeArm.Call> posts = arm.calls("POST", ".*/virtualMachines/win-1/runCommand");
            assertThat(posts).isNotEmpty().allSatisfy(c ->
                    assertThat(c.json().path("commandId").asText()).isEqualTo("RunPowerShellScript"));
            StringBuilder script = new StringBuilder();
            posts.get(0).json().path("script").forEach(l -> script.append(l.asText()).append('\n'));
            assertThat(script.toString())
                    .contains("$f = Join-Path $env:SystemRoot 'Temp\\osbaseline-")
                    .contains("$collector = {")
                    .contains("& $collector -Base64Zip -OutputPath $bundle")
                    .contains("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $c")
                    .contains("'OSBASELINE-EVIDENCE v1 rc={0} bytes={1} sha256={2}' -f $rc, $n, $h");
            assertThat(posts.get(posts.size() - 1).json().path("script").toString())
                    .as("the evidence file is deleted even after a failure").contains("Remove-Item -LiteralPath $f");
        }
    }
}

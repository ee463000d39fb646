package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.AzureWindowsRulesTest.compliant;
import static io.osbaseline.drl.windows.AzureWindowsRulesTest.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.drl.SharedEngines;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Status;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Windows rules make of what was and was not captured: a GPO backup (policy intent) against a live
 * machine's bundle (effective state), delete markers, the machine's role, and the Azure Stack HCI checks.
 */
class WindowsCoverageTest {
    private static final String SYSTEM_POLICIES = "Software\\Policies\\Microsoft\\Windows\\System";

    /** A GPO backup with a GptTmpl.inf and a Registry.pol built byte by byte. */
    private static Assessment assessGpo(Path dir, Map<String, String> options, byte[] registryPol, String... inf)
            throws Exception {
        Path machine = Files.createDirectories(dir.resolve("{AAAAAAAA-0000-0000-0000-000000000000}/DomainSysvol/GPO/Machine"));
        Path secedit = Files.createDirectories(machine.resolve("microsoft/windows nt/SecEdit"));
        Files.write(secedit.resolve("GptTmpl.inf"), WindowsBundle.utf16le("[Unicode]\r\nUnicode=yes\r\n"
                + String.join("\r\n", inf) + "\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n"));
        Files.write(machine.resolve("Registry.pol"), registryPol);
        Map<String, String> all = new HashMap<>(options);
        all.put("path", dir.toString());
        try (Provider p = Providers.create("windows-export", all)) {
            return SharedEngines.windows().assess(p.collect(p.machines().findFirst().orElseThrow()));
        }
    }

    private static byte[] pol(Object... keyNameTypeValue) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0});
        for (int i = 0; i < keyNameTypeValue.length; i += 3) {
            Object v = keyNameTypeValue[i + 2];
            byte[] data = v instanceof Integer n ? ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array()
                    : (v + "\0").getBytes(StandardCharsets.UTF_16LE);
            int type = v instanceof Integer ? 4 : 1;
            out.write(("[" + keyNameTypeValue[i] + "\0;" + keyNameTypeValue[i + 1] + "\0;").getBytes(StandardCharsets.UTF_16LE));
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(type).array());
            out.write(";".getBytes(StandardCharsets.UTF_16LE));
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
            out.write(";".getBytes(StandardCharsets.UTF_16LE));
            out.write(data);
            out.write("]".getBytes(StandardCharsets.UTF_16LE));
        }
        return out.toByteArray();
    }

    @Test
    void aGpoBackupJudgesWhatItConfiguresAndLeavesTheRestUnknown(@TempDir Path dir) throws Exception {
        Assessment a = assessGpo(dir, Map.of(), pol(SYSTEM_POLICIES, "EnableSmartScreen", 1),
                "[System Access]", "MinimumPasswordLength = 8", "[Privilege Rights]", "SeTcbPrivilege =");
        Finding tcb = finding(a, "CCE-36876-1");
        assertThat(tcb.status()).isEqualTo(Status.PASS);
        assertThat(tcb.actual()).isEqualTo("No One");
        assertThat(finding(a, "CCE-35859-8").status()).isEqualTo(Status.PASS);
        Finding length = finding(a, "CCE-36534-6");
        assertThat(length.status()).isEqualTo(Status.FAIL);
        assertThat(length.actual()).isEqualTo("8");
        // "doesn't exist or = 0": the GPO does not configure it, which says nothing about the machine
        Finding pin = finding(a, "CCE-37528-7");
        assertThat(pin.status()).isEqualTo(Status.UNKNOWN);
        assertThat(pin.reason()).isEqualTo("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System\\AllowDomainPINLogon"
                + " is not in the exports: a policy export holds only what it configures, and no export of the "
                + "machine's registry captured this key");
        Finding right = finding(a, "AZ-WIN-73755");
        assertThat(right.status()).isEqualTo(Status.UNKNOWN);
        assertThat(right.reason()).isEqualTo("SeDebugPrivilege is not in the exported [Privilege Rights]: the "
                + "policy does not configure it");
        Finding audit = finding(a, "CCE-38036-0");
        assertThat(audit.status()).isEqualTo(Status.UNKNOWN);
        assertThat(audit.reason()).isEqualTo("collector 'audit-policy' unavailable: the GPO backup holds no advanced "
                + "audit policy (no audit.csv or auditpol /backup file)");
    }

    @Test
    void aGpoThatDeletesAValueMakesItAbsentByPolicy(@TempDir Path dir) throws Exception {
        Assessment a = assessGpo(dir, Map.of(), pol(SYSTEM_POLICIES, "**del.AllowDomainPINLogon", " ",
                "Software\\Policies\\Microsoft\\Windows\\DataCollection", "**del.AllowTelemetry", " "));
        Finding pin = finding(a, "CCE-37528-7");
        assertThat(pin.status()).isEqualTo(Status.PASS);
        assertThat(pin.actual()).isEqualTo("not set");
        Finding telemetry = finding(a, "AZ-WIN-00169");
        assertThat(telemetry.status()).isEqualTo(Status.FAIL);
        assertThat(telemetry.actual()).isEqualTo("not set");
    }

    @Test
    void aGpoOfUnknownRoleIsJudgedOnEveryRuleAndTheRoleOptionAppliesApplicability(@TempDir Path dir) throws Exception {
        byte[] pol = pol("Software\\Policies\\Microsoft\\Windows\\LanmanWorkstation", "AllowInsecureGuestAuth", 0);
        Assessment unknownRole = assessGpo(dir.resolve("a"), Map.of(), pol);
        assertThat(finding(unknownRole, "AZ-WIN-00171").status()).isEqualTo(Status.PASS);
        Assessment dc = assessGpo(dir.resolve("b"), Map.of("role", "domain-controller"), pol);
        Finding f = finding(dc, "AZ-WIN-00171");
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("applies to domain members and workgroup members only; this machine is a "
                + "domain controller");
    }

    @Test
    void onALiveMachineAnAbsentValueOfACapturedKeyIsNotSet(@TempDir Path dir) {
        WindowsBundle b = compliant(dir, RuleCase.MEMBER)
                .delete("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System", "AllowDomainPINLogon")
                .delete("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System", "EnableSmartScreen");
        Assessment a = SharedEngines.windows().assess(b.snapshot());
        Finding pin = finding(a, "CCE-37528-7");
        assertThat(pin.status()).isEqualTo(Status.PASS);
        assertThat(pin.actual()).isEqualTo("not set");
        Finding smartScreen = finding(a, "CCE-35859-8");
        assertThat(smartScreen.status()).isEqualTo(Status.FAIL);
        assertThat(smartScreen.actual()).isEqualTo("not set");
    }

    @Test
    void domainControllerOnlyRulesAreNotApplicableOnAMemberServer(@TempDir Path dir) {
        Assessment a = SharedEngines.windows().assess(compliant(dir, RuleCase.MEMBER).snapshot());
        Finding f = finding(a, "CCE-37433-0");
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("applies to domain controllers only; this machine is a domain member");
    }

    @Test
    void securedCoreChecksAreNotApplicableOutsideAzureStackHciAndUnknownWithoutAnOs(@TempDir Path dir)
            throws Exception {
        Assessment server = SharedEngines.windows().assess(compliant(Files.createDirectories(dir.resolve("a")),
                RuleCase.MEMBER)
                .osName("Microsoft Windows Server 2022 Datacenter").snapshot());
        Finding na = finding(server, "AZ-WIN-202248");
        assertThat(na.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(na.reason()).isEqualTo("a Secured-core check for Azure Stack HCI only; this machine runs "
                + "Microsoft Windows Server 2022 Datacenter");
        Assessment gpo = assessGpo(dir.resolve("b"), Map.of(), pol());
        Finding unknown = finding(gpo, "AZ-WIN-202248");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.reason()).startsWith("a Secured-core check for Azure Stack HCI only, and the exports do "
                + "not say which OS");
    }

    @Test
    void userRightsCompareThePrincipalsNotTheirSpelling(@TempDir Path dir) {
        WindowsBundle b = compliant(dir, RuleCase.MEMBER)
                .right("SeNetworkLogonRight", java.util.List.of("BUILTIN\\Administrators", "Authenticated Users"))
                .right("SeDebugPrivilege", java.util.List.of("*S-1-5-32-544", "Jacob"));
        Assessment a = SharedEngines.windows().assess(b.snapshot());
        Finding network = finding(a, "CCE-35818-4");
        assertThat(network.status()).isEqualTo(Status.PASS);
        assertThat(network.actual()).isEqualTo("Administrators, Authenticated Users");
        Finding debug = finding(a, "AZ-WIN-73755");
        assertThat(debug.status()).isEqualTo(Status.FAIL);
        assertThat(debug.actual()).isEqualTo("Administrators, Jacob");
        assertThat(debug.reason()).isEqualTo("also granted to Jacob");
    }
}

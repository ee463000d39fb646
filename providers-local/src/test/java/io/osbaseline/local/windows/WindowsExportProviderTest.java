package io.osbaseline.local.windows;

import static io.osbaseline.local.windows.ExportFixtures.utf16le;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserRight;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The windows-export provider on GPO backups, collector bundles and loose exports built in a temporary folder. */
class WindowsExportProviderTest {
    private static final String GUID = "{11111111-2222-3333-4444-555555555555}";

    /** A GPO backup the way GPMC writes it: bkupInfo.xml, DomainSysvol/GPO/Machine/... */
    static Path gpo(Path root, byte[] gptTmpl, byte[] registryPol, String auditCsv) throws IOException {
        Path g = Files.createDirectories(root.resolve(GUID));
        Files.writeString(g.resolve("bkupInfo.xml"), "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\">"
                + "<GPODisplayName><![CDATA[Contoso Member Servers]]></GPODisplayName></BackupInst>");
        Path machine = Files.createDirectories(g.resolve("DomainSysvol/GPO/Machine"));
        Path secedit = Files.createDirectories(machine.resolve("microsoft/windows nt/SecEdit"));
        Files.write(secedit.resolve("GptTmpl.inf"), gptTmpl);
        Files.write(machine.resolve("registry.pol"), registryPol);
        Path audit = Files.createDirectories(machine.resolve("microsoft/windows nt/Audit"));
        Files.writeString(audit.resolve("audit.csv"), auditCsv, StandardCharsets.US_ASCII);
        Files.createDirectories(g.resolve("DomainSysvol/GPO/User"));
        Files.write(g.resolve("DomainSysvol/GPO/User/registry.pol"), new ExportFixtures.Pol().bytes());
        return g;
    }

    static byte[] template(String... lines) {
        return utf16le("[Unicode]\r\nUnicode=yes\r\n" + String.join("\r\n", lines) + "\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n");
    }

    static final String AUDIT = "Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,"
            + "Exclusion Setting,Setting Value\r\n,System,Audit Logon,{0cce9215-69ae-11d9-bed3-505054503030},"
            + "Success and Failure,,3\r\n";

    static ConfigurationSnapshot only(Provider p) throws Exception {
        List<Machine> machines = p.machines().toList();
        assertThat(machines).hasSize(1);
        return p.collect(machines.get(0));
    }

    static CollectorRun run(ConfigurationSnapshot s, String collector) {
        return s.coverage().run(collector).orElseThrow();
    }

    @Test
    void aGpoBackupIsOneMachineNamedAfterTheGpoWhoseStateIsPolicy(@TempDir Path dir) throws Exception {
        gpo(dir, template("[System Access]", "MinimumPasswordLength = 14", "[Privilege Rights]",
                        "SeDebugPrivilege = *S-1-5-32-544"),
                new ExportFixtures.Pol().dword("Software\\Policies\\Microsoft\\Windows\\System", "EnableSmartScreen", 1)
                        .string("Software\\Policies\\Microsoft\\Windows\\System", "**del.AllowDomainPINLogon", " ")
                        .bytes(), AUDIT);
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            Machine m = p.machines().findFirst().orElseThrow();
            assertThat(m.name()).isEqualTo("Contoso Member Servers");
            assertThat(m.osFamily()).isEqualTo(OsFamily.WINDOWS);
            assertThat(m.tags()).containsEntry("export", "GPO backup");
            ConfigurationSnapshot s = p.collect(m);
            assertThat(s.coverage().gaps()).isEmpty();
            assertThat(s.facts(SecurityPolicy.class).map(SecurityPolicy::value)).containsExactly("14");
            // a policy lists only the rights it configures: nothing is filled in for the others
            assertThat(s.facts(UserRight.class).map(UserRight::right)).containsExactly("SeDebugPrivilege");
            assertThat(s.facts(RegistryValue.class).map(RegistryValue::name)).containsExactly("enablesmartscreen");
            assertThat(s.facts(RegistryScope.class)).singleElement().satisfies(sc ->
                    assertThat(sc.covers("HKLM\\software\\policies\\microsoft\\windows\\system", "allowdomainpinlogon"))
                            .isTrue());
            assertThat(s.facts(MachineRole.class)).isEmpty();
            assertThat(run(s, WindowsCollectors.MACHINE_ROLE).status()).isEqualTo(CollectorStatus.UNAVAILABLE);
            assertThat(run(s, WindowsCollectors.AUDIT_POLICY).status()).isEqualTo(CollectorStatus.COLLECTED);
            assertThat(run(s, WindowsCollectors.DEVICE_SECURITY).status()).isEqualTo(CollectorStatus.UNAVAILABLE);
        }
    }

    @Test
    void theRoleOptionGivesAGpoBackupItsRole(@TempDir Path dir) throws Exception {
        gpo(dir, template("[System Access]", "MinimumPasswordLength = 14"), new ExportFixtures.Pol().bytes(), AUDIT);
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString(), "role", "domain-controller"))) {
            ConfigurationSnapshot s = only(p);
            assertThat(s.facts(MachineRole.class)).containsExactly(
                    new MachineRole(MachineRole.DOMAIN_CONTROLLER, "provider option role"));
        }
    }

    @Test
    void aMalformedFileIsAGapNamingTheFileAndLineAndTheOtherFilesAreStillRead(@TempDir Path dir) throws Exception {
        Path g = gpo(dir, template("[System Access]", "MinimumPasswordLength = 14"),
                new ExportFixtures.Pol().dword("Software\\Policies\\X", "Y", 1).bytes(),
                AUDIT + ",System,Audit Logoff,{0cce9216-69ae-11d9-bed3-505054503030},Success,,nine\r\n");
        Files.write(g.resolve("DomainSysvol/GPO/Machine/registry.pol"), "not a policy".getBytes(StandardCharsets.UTF_8));
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            ConfigurationSnapshot s = only(p);
            String pol = g.resolve("DomainSysvol/GPO/Machine/registry.pol").toString();
            String csv = g.resolve("DomainSysvol/GPO/Machine/microsoft/windows nt/Audit/audit.csv").toString();
            assertThat(s.coverage().gaps()).containsExactlyInAnyOrder(
                    new CoverageGap(WindowsCollectors.AUDIT_POLICY, csv + ":3", "Setting Value of Audit Logoff must be "
                            + "0 (no auditing), 1 (success), 2 (failure) or 3 (success and failure), got: nine"),
                    new CoverageGap(WindowsCollectors.REGISTRY, pol, "not a Registry.pol file: it must start with "
                            + "the signature 'PReg' and version 1"));
            assertThat(run(s, WindowsCollectors.AUDIT_POLICY).status()).isEqualTo(CollectorStatus.PARTIAL);
            assertThat(s.facts(SecurityPolicy.class)).hasSize(1);
            assertThat(s.facts(io.osbaseline.model.fact.AuditPolicy.class)).hasSize(1);
            // only the User part's empty Registry.pol could be read: nothing, so the registry collector failed
            assertThat(run(s, WindowsCollectors.REGISTRY).status()).isEqualTo(CollectorStatus.FAILED);
        }
    }

    static void bundle(Path dir, String manifest) throws IOException {
        Files.writeString(dir.resolve(WindowsExportReader.MANIFEST), manifest);
        Files.write(dir.resolve("secedit.inf"), template("[System Access]", "MinimumPasswordLength = 14",
                "[Privilege Rights]", "SeNetworkLogonRight = *S-1-5-11,*S-1-5-32-544"));
        Files.createDirectories(dir.resolve("registry"));
        Files.write(dir.resolve("registry/001.reg"), utf16le("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\System]\r\n\"EnableSmartScreen\"=dword:00000001\r\n"));
        Files.writeString(dir.resolve("auditpol.csv"), AUDIT);
    }

    static final String MANIFEST = "{\"format\": \"osbaseline-windows-export\", \"version\": 1,"
            + " \"machine\": {\"id\": \"web-7\", \"name\": \"WEB-7\", \"osName\": \"Microsoft Windows Server 2022 Datacenter\","
            + " \"osVersion\": \"10.0.20348\"}, \"domainRole\": 3, \"collectedAt\": \"2026-11-28T10:00:00Z\","
            + " \"registryKeys\": [{\"key\": \"HKLM\\\\SOFTWARE\\\\Policies\", \"file\": \"registry/001.reg\", \"exists\": true},"
            + " {\"key\": \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Microsoft Antimalware\", \"file\": null, \"exists\": false}],"
            + " \"deviceSecurity\": {\"SecureBootState\": \"1\", \"TPMVersion\": \"2.0, 0, 1.38\"},"
            + " \"errors\": [{\"collector\": \"audit-policy\", \"command\": \"auditpol /backup\", \"message\": \"access denied\"}]}";

    @Test
    void aCollectorBundleStatesTheMachinesEffectiveConfiguration(@TempDir Path dir) throws Exception {
        bundle(dir, MANIFEST);
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            ConfigurationSnapshot s = only(p);
            assertThat(s.machine().osName()).isEqualTo("Microsoft Windows Server 2022 Datacenter");
            assertThat(s.machine().osVersion()).isEqualTo("10.0.20348");
            assertThat(s.collectedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
            assertThat(s.facts(MachineRole.class).map(MachineRole::role)).containsExactly(MachineRole.DOMAIN_MEMBER);
            // effective: a right the export leaves out is held by no one
            assertThat(s.facts(UserRight.class).filter(r -> r.right().equals("SeTcbPrivilege")).map(UserRight::display))
                    .containsExactly("No One");
            assertThat(s.facts(RegistryScope.class).map(RegistryScope::path)).containsExactlyInAnyOrder(
                    "HKLM\\software\\microsoft\\microsoft antimalware",
                    "HKLM\\software\\policies\\microsoft\\windows\\system");
            assertThat(s.facts(Setting.class).filter(x -> x.namespace().equals("device-security")))
                    .containsExactly(new Setting("device-security", "SecureBootState", "1"),
                            new Setting("device-security", "TPMVersion", "2.0, 0, 1.38"));
            assertThat(run(s, WindowsCollectors.AUDIT_POLICY).status()).isEqualTo(CollectorStatus.PARTIAL);
            assertThat(s.coverage().gaps(WindowsCollectors.AUDIT_POLICY)).containsExactly(new CoverageGap(
                    WindowsCollectors.AUDIT_POLICY, "auditpol /backup", "the collector script failed: access denied"));
        }
    }

    @Test
    void aZippedBundleReadsTheSame(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("unpacked"));
        bundle(folder, MANIFEST);
        Path zip = dir.resolve("web-7.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            try (var files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    // Windows PowerShell 5.1's Compress-Archive names entries with backslashes
                    out.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('/', '\\')));
                    Files.copy(f, (OutputStream) out);
                    out.closeEntry();
                }
            }
        }
        try (Provider p = Providers.create("windows-export", Map.of("path", zip.toString()))) {
            ConfigurationSnapshot s = only(p);
            assertThat(s.facts(RegistryValue.class).map(RegistryValue::source))
                    .containsExactly(zip + "!registry/001.reg:4");
            assertThat(s.facts(MachineRole.class)).hasSize(1);
        }
    }

    @Test
    void aMalformedManifestIsAnErrorNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        bundle(dir, "{\n  \"format\": \"osbaseline-windows-export\",\n  \"version\": 1,\n  \"domainRole\": ,\n}");
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            Machine m = p.machines().findFirst().orElseThrow();
            assertThatThrownBy(() -> p.collect(m)).isInstanceOf(SnapshotException.class)
                    .hasMessageStartingWith(dir.resolve(WindowsExportReader.MANIFEST) + ":4: not valid JSON");
        }
    }

    @Test
    void aDomainRoleOutOfRangeIsAnErrorNamingTheField(@TempDir Path dir) throws Exception {
        bundle(dir, MANIFEST.replace("\"domainRole\": 3", "\"domainRole\": 9"));
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            Machine m = p.machines().findFirst().orElseThrow();
            assertThatThrownBy(() -> p.collect(m)).isInstanceOf(SnapshotException.class)
                    .hasMessage(dir.resolve(WindowsExportReader.MANIFEST) + ": at $.domainRole: DomainRole must be 0 to 5, got 9");
        }
    }

    @Test
    void looseExportsStateByTheirNameAndTheStateOptionOverridesIt(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("secpol.cfg"), template("[Privilege Rights]", "SeDebugPrivilege = *S-1-5-32-544"));
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            assertThat(only(p).facts(UserRight.class).count()).isEqualTo(SecurityTemplateReader.RIGHTS.size());
        }
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString(), "state", "policy"))) {
            assertThat(only(p).facts(UserRight.class).count()).isEqualTo(1);
        }
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.resolve("secpol.cfg").toString()))) {
            Machine m = p.machines().findFirst().orElseThrow();
            assertThat(m.tags()).containsEntry("export", "export file");
            assertThat(p.collect(m).facts(UserRight.class).count()).isEqualTo(SecurityTemplateReader.RIGHTS.size());
        }
    }

    @Test
    void badOptionsSayWhatIsAccepted(@TempDir Path dir) {
        assertThatThrownBy(() -> Providers.create("windows-export", Map.of("path", dir.resolve("nope").toString())))
                .isInstanceOf(InvalidOptionException.class).hasMessageEndingWith("nope does not exist");
        assertThatThrownBy(() -> Providers.create("windows-export", Map.of("path", dir.toString(), "state", "live")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'state' of provider 'windows-export' must be effective or policy, got 'live'");
        assertThatThrownBy(() -> Providers.create("windows-export", Map.of("path", dir.toString(), "role", "member")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("must be domain-controller, domain-member or workgroup-member, got 'member'");
    }

    @Test
    void aFolderWithoutExportsIsAnErrorThatSaysWhatWasExpected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "nothing");
        try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
            assertThatThrownBy(p::machines).hasMessageContaining("holds no Windows export");
        }
    }
}

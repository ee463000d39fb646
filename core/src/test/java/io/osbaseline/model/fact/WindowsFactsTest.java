package io.osbaseline.model.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.json.Json;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Windows fact types: canonical spellings, principals, and their JSON form. */
class WindowsFactsTest {

    @Test
    void everySpellingOfAKeyPathHasOneCanonicalForm() {
        String canonical = "HKLM\\software\\policies\\microsoft\\windows nt\\terminal services";
        assertThat(List.of("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services",
                "HKLM:\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\\",
                "MACHINE\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services",
                "hklm\\\\software\\policies\\microsoft\\windows nt\\terminal services",
                "HKLM/SOFTWARE/Policies/Microsoft/Windows NT/Terminal Services"))
                .allSatisfy(p -> assertThat(RegistryValue.canonicalPath(p)).isEqualTo(canonical));
        assertThat(RegistryValue.canonicalPath("HKEY_CURRENT_USER\\Software\\X")).isEqualTo("HKCU\\software\\x");
        assertThat(new RegistryValue("MACHINE\\System\\CurrentControlSet\\Control\\Lsa", "NoLMHash",
                RegistryValueType.DWORD, "1", "x").name()).isEqualTo("nolmhash");
    }

    @Test
    void aScopeCoversItsKeyItsSubtreeOrOneValue() {
        RegistryScope tree = new RegistryScope("HKLM\\SOFTWARE\\Policies", null, true, "a.reg:3");
        assertThat(tree.covers("HKLM\\software\\policies", "x")).isTrue();
        assertThat(tree.covers("HKLM\\software\\policies\\microsoft", "x")).isTrue();
        assertThat(tree.covers("HKLM\\software\\policiesandmore", "x")).isFalse();
        RegistryScope key = new RegistryScope("HKLM\\SOFTWARE\\Policies", null, false, "Registry.pol entry 2");
        assertThat(key.covers("HKLM\\software\\policies\\microsoft", "x")).isFalse();
        RegistryScope value = new RegistryScope("HKLM\\SOFTWARE\\Policies", "AllowX", false, "Registry.pol entry 3");
        assertThat(value.covers("HKLM\\software\\policies", "allowx")).isTrue();
        assertThat(value.covers("HKLM\\software\\policies", "allowy")).isFalse();
    }

    @Test
    void principalsAreComparedAsSids() {
        assertThat(List.of("*S-1-5-32-544", "S-1-5-32-544", "Administrators", "BUILTIN\\Administrators",
                "administrators")).allSatisfy(p -> assertThat(WellKnownSids.canonical(p)).isEqualTo("S-1-5-32-544"));
        assertThat(WellKnownSids.canonical("Local Service")).isEqualTo("S-1-5-19");
        assertThat(WellKnownSids.canonical("NT SERVICE\\WdiServiceHost"))
                .isEqualTo("S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420");
        assertThat(WellKnownSids.canonical(" Gast ")).isEqualTo("Gast");
        assertThat(WellKnownSids.displayName("S-1-5-83-0")).isEqualTo("NT VIRTUAL MACHINE\\Virtual Machines");
        assertThat(WellKnownSids.displayName("S-1-5-21-1-2-3-512")).isEqualTo("Domain Admins (S-1-5-21-1-2-3-512)");
        assertThat(new UserRight("SeBackupPrivilege", List.of("*S-1-5-32-551", "Administrators", "*S-1-5-32-544"),
                "x").display()).isEqualTo("Administrators, Backup Operators");
        assertThat(new UserRight("SeTcbPrivilege", List.of(), "x").display()).isEqualTo("No One");
    }

    @Test
    void auditSettingsAndRoles() {
        AuditPolicy p = new AuditPolicy("0CCE923F-69AE-11D9-BED3-505054503030", "Audit Credential Validation", true,
                false, "x");
        assertThat(p.guid()).isEqualTo("{0cce923f-69ae-11d9-bed3-505054503030}");
        assertThat(p.setting()).isEqualTo("Success");
        assertThat(p.code()).isEqualTo("1");
        assertThat(MachineRole.ofDomainRole(1)).isEqualTo(MachineRole.WORKGROUP_MEMBER);
        assertThat(MachineRole.ofDomainRole(3)).isEqualTo(MachineRole.DOMAIN_MEMBER);
        assertThat(MachineRole.ofDomainRole(5)).isEqualTo(MachineRole.DOMAIN_CONTROLLER);
        assertThatThrownBy(() -> new MachineRole("member", "x")).hasMessageContaining("unknown machine role 'member'");
    }

    @Test
    void windowsFactsReadBackEqualFromJson() throws Exception {
        ConfigurationSnapshot s = new ConfigurationSnapshot(
                Machine.builder("web-7").osFamily(OsFamily.WINDOWS).build(), Instant.parse("2026-11-28T10:00:00Z"),
                List.of(new RegistryValue("HKLM\\SOFTWARE\\Policies\\X", "Multi", RegistryValueType.MULTI_SZ, "a\nb",
                                "a.reg:4"),
                        new RegistryScope("HKLM\\SOFTWARE\\Policies", null, true, "a.reg:3"),
                        new SecurityPolicy(SecurityPolicy.SYSTEM_ACCESS, "MinimumPasswordLength", "14", "s.inf:4"),
                        new AuditPolicy("{0cce9215-69ae-11d9-bed3-505054503030}", "Audit Logon", true, true, "a.csv:2"),
                        new UserRight("SeDebugPrivilege", List.of("S-1-5-32-544"), "s.inf:20"),
                        new MachineRole(MachineRole.DOMAIN_MEMBER, "manifest")),
                Coverage.EMPTY);
        String json = Json.write(s);
        assertThat(json).contains("\"type\" : \"registry-value\"").contains("\"valueType\" : \"MULTI_SZ\"")
                .doesNotContain("\"display\"").doesNotContain("\"code\"");
        assertThat(Json.readSnapshot(json, "test")).isEqualTo(s);
    }
}

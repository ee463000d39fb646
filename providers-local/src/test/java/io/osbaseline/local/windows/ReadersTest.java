package io.osbaseline.local.windows;

import static io.osbaseline.local.windows.ExportFixtures.utf16le;
import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.RegistryValueType;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserRight;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each reader on files built here the way Windows tools write them, edge cases and malformed input included. */
class ReadersTest {

    private static <T extends Fact> List<T> facts(ExportSink sink, String collector, Class<T> type) {
        return sink.facts(collector).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Nested
    class SecurityTemplates {
        private static final String INF = String.join("\r\n",
                "[Unicode]", "Unicode=yes",
                "[System Access]",
                "MinimumPasswordLength = 14",
                "NewGuestName = \"Visitor\"",
                "[Event Audit]", "AuditLogonEvents = 3",
                "[Registry Values]",
                "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel=4,5",
                "MACHINE\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\CachedLogonsCount=1,\"4\"",
                "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\RestrictRemoteSAM=1,\"O:BAG:BAD:(A;;RC;;;BA)\"",
                "MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\LegalNoticeText=7,First line,"
                        + "Second\",\" with a comma",
                "MACHINE\\System\\CurrentControlSet\\Services\\LanManServer\\Parameters\\NullSessionShares=7,",
                "[Privilege Rights]",
                "SeNetworkLogonRight = *S-1-5-11,*S-1-5-32-544",
                "SeDenyNetworkLogonRight = ADD YOUR DOMAIN ADMINS,Guests",
                "SeTcbPrivilege =",
                "[Version]", "signature=\"$CHICAGO$\"", "Revision=1", "");

        @Test
        void readsEverySectionOfAUtf16Template() {
            ExportSink sink = new ExportSink();
            SecurityTemplateReader.read("GptTmpl.inf", utf16le(INF), false, sink);
            assertThat(sink.allProblems()).isEmpty();
            assertThat(facts(sink, WindowsCollectors.SECURITY_POLICY, SecurityPolicy.class)).containsExactly(
                    new SecurityPolicy("System Access", "MinimumPasswordLength", "14", "GptTmpl.inf:4"),
                    new SecurityPolicy("System Access", "NewGuestName", "Visitor", "GptTmpl.inf:5"),
                    new SecurityPolicy("Event Audit", "AuditLogonEvents", "3", "GptTmpl.inf:7"));
            List<RegistryValue> values = facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class);
            assertThat(values).extracting(RegistryValue::path, RegistryValue::name, RegistryValue::valueType,
                    RegistryValue::data).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("HKLM\\system\\currentcontrolset\\control\\lsa",
                            "lmcompatibilitylevel", RegistryValueType.DWORD, "5"),
                    org.assertj.core.groups.Tuple.tuple("HKLM\\software\\microsoft\\windows nt\\currentversion\\winlogon",
                            "cachedlogonscount", RegistryValueType.SZ, "4"),
                    org.assertj.core.groups.Tuple.tuple("HKLM\\system\\currentcontrolset\\control\\lsa",
                            "restrictremotesam", RegistryValueType.SZ, "O:BAG:BAD:(A;;RC;;;BA)"),
                    org.assertj.core.groups.Tuple.tuple(
                            "HKLM\\software\\microsoft\\windows\\currentversion\\policies\\system", "legalnoticetext",
                            RegistryValueType.MULTI_SZ, "First line\nSecond, with a comma"),
                    org.assertj.core.groups.Tuple.tuple("HKLM\\system\\currentcontrolset\\services\\lanmanserver\\parameters",
                            "nullsessionshares", RegistryValueType.MULTI_SZ, ""));
            assertThat(values.get(3).display()).isEqualTo("First line, Second, with a comma");
            assertThat(facts(sink, WindowsCollectors.USER_RIGHTS, UserRight.class)).containsExactly(
                    new UserRight("SeNetworkLogonRight", List.of("S-1-5-11", "S-1-5-32-544"), "GptTmpl.inf:15"),
                    new UserRight("SeDenyNetworkLogonRight", List.of("ADD YOUR DOMAIN ADMINS", "S-1-5-32-546"),
                            "GptTmpl.inf:16"),
                    new UserRight("SeTcbPrivilege", List.of(), "GptTmpl.inf:17"));
        }

        @Test
        void readsUtf8WithoutAByteOrderMark() {
            ExportSink sink = new ExportSink();
            SecurityTemplateReader.read("secpol.inf", INF.getBytes(StandardCharsets.UTF_8), false, sink);
            assertThat(sink.allProblems()).isEmpty();
            assertThat(facts(sink, WindowsCollectors.SECURITY_POLICY, SecurityPolicy.class)).hasSize(3);
        }

        @Test
        void anEffectiveExportGrantsTheRightsItLeavesOutToNoOne() {
            ExportSink sink = new ExportSink();
            SecurityTemplateReader.read("secedit.inf", utf16le(INF), true, sink);
            List<UserRight> rights = facts(sink, WindowsCollectors.USER_RIGHTS, UserRight.class);
            assertThat(rights).hasSize(SecurityTemplateReader.RIGHTS.size());
            assertThat(rights).filteredOn(r -> r.right().equals("SeDebugPrivilege")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.principals()).isEmpty();
                        assertThat(r.display()).isEqualTo("No One");
                        assertThat(r.source()).isEqualTo("secedit.inf: not listed, so held by no one");
                    });
        }

        @Test
        void aMalformedLineIsAProblemNamingTheFileAndLineAndTheRestIsStillRead() {
            String broken = INF.replace("MinimumPasswordLength = 14", "MinimumPasswordLength 14")
                    .replace("LmCompatibilityLevel=4,5", "LmCompatibilityLevel=4,five");
            ExportSink sink = new ExportSink();
            SecurityTemplateReader.read("GptTmpl.inf", utf16le(broken), false, sink);
            assertThat(sink.allProblems()).extracting(ExportProblem::toString).containsExactlyInAnyOrder(
                    "GptTmpl.inf:4: expected Key = value in [System Access], got: MinimumPasswordLength 14",
                    "GptTmpl.inf:9: a DWORD value must be a decimal number, got: five");
            assertThat(facts(sink, WindowsCollectors.SECURITY_POLICY, SecurityPolicy.class)).hasSize(2);
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class)).hasSize(4);
        }
    }

    @Nested
    class AuditCsv {
        private static final String HEADER = "Machine Name,Policy Target,Subcategory,Subcategory GUID,"
                + "Inclusion Setting,Exclusion Setting,Setting Value\r\n";

        @Test
        void readsSubcategoriesByTheirSettingValueAndKeepsTheOtherRowsAsOptions() {
            String csv = HEADER
                    + "WIN-1,System,Audit Credential Validation,{0CCE923F-69AE-11D9-BED3-505054503030},"
                    + "Success and Failure,,3\r\n"
                    + ",System,Audit Logoff,{0cce9216-69ae-11d9-bed3-505054503030},Erfolg,,1\r\n"
                    + ",System,Audit DPAPI Activity,{0cce922d-69ae-11d9-bed3-505054503030},No Auditing,,0\r\n"
                    + ",,RegistryGlobalSacl,,,,\"S:(AU;FA;KA;;;WD)\"\r\n"
                    + ",,Option:CrashOnAuditFail,,Disabled,,0\r\n";
            ExportSink sink = new ExportSink();
            AuditCsvReader.read("audit.csv", csv.getBytes(StandardCharsets.US_ASCII), sink);
            assertThat(sink.allProblems()).isEmpty();
            List<AuditPolicy> policies = facts(sink, WindowsCollectors.AUDIT_POLICY, AuditPolicy.class);
            assertThat(policies).extracting(AuditPolicy::guid, AuditPolicy::setting, AuditPolicy::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("{0cce923f-69ae-11d9-bed3-505054503030}", "Success and Failure", "3"),
                    org.assertj.core.groups.Tuple.tuple("{0cce9216-69ae-11d9-bed3-505054503030}", "Success", "1"),
                    org.assertj.core.groups.Tuple.tuple("{0cce922d-69ae-11d9-bed3-505054503030}", "No Auditing", "0"));
            assertThat(facts(sink, WindowsCollectors.AUDIT_POLICY, Setting.class)).containsExactly(
                    new Setting(AuditCsvReader.OPTIONS_NAMESPACE, "RegistryGlobalSacl", "S:(AU;FA;KA;;;WD)"),
                    new Setting(AuditCsvReader.OPTIONS_NAMESPACE, "Option:CrashOnAuditFail", "0"));
        }

        @Test
        void badRowsAreProblemsWithTheirLine() {
            String csv = HEADER + ",System,Audit Logon,{0cce9215-69ae-11d9-bed3-505054503030},Success,,7\r\n"
                    + ",System,Audit Logoff\r\n"
                    + ",System,Audit Special Logon,{0cce921b-69ae-11d9-bed3-505054503030},Success,,1\r\n";
            ExportSink sink = new ExportSink();
            AuditCsvReader.read("auditpol.csv", csv.getBytes(StandardCharsets.US_ASCII), sink);
            assertThat(sink.allProblems()).extracting(ExportProblem::toString).containsExactly(
                    "auditpol.csv:2: Setting Value of Audit Logon must be 0 (no auditing), 1 (success), 2 (failure) "
                            + "or 3 (success and failure), got: 7",
                    "auditpol.csv:3: expected 7 columns, got 3: ,System,Audit Logoff");
            assertThat(facts(sink, WindowsCollectors.AUDIT_POLICY, AuditPolicy.class)).hasSize(1);
        }

        @Test
        void aFileWithoutTheHeaderIsAProblemOfItsFirstLine() {
            ExportSink sink = new ExportSink();
            AuditCsvReader.read("x.csv", "a,b,c\r\n".getBytes(StandardCharsets.US_ASCII), sink);
            assertThat(sink.allProblems()).singleElement().extracting(ExportProblem::line).isEqualTo(1);
        }
    }

    @Nested
    class RegExports {
        @Test
        void readsEveryValueTypeOfAVersion5Export() {
            String reg = String.join("\r\n",
                    "Windows Registry Editor Version 5.00", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Test]",
                    "@=\"default\"",
                    "\"Text\"=\"a \\\"quoted\\\" C:\\\\path\"",
                    "\"Number\"=dword:0000000f",
                    "\"Binary\"=hex:01,ff",
                    "\"Expand\"=hex(2):25,00,53,00,79,00,73,00,25,00,00,00",
                    "\"Multi\"=hex(7):61,00,00,00,62,00,2c,00,63,00,00,00,\\",
                    "  00,00",
                    "\"Quad\"=hex(b):00,00,00,00,01,00,00,00",
                    "\"Big\"=hex(5):00,00,01,00",
                    "\"None\"=hex(0):",
                    "\"Gone\"=-", "",
                    "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Test\\Removed]", "");
            ExportSink sink = new ExportSink();
            RegExportReader.read("policies.reg", utf16le(reg), false, sink);
            assertThat(sink.allProblems()).isEmpty();
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class))
                    .extracting(RegistryValue::name, RegistryValue::valueType, RegistryValue::data).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("", RegistryValueType.SZ, "default"),
                    org.assertj.core.groups.Tuple.tuple("text", RegistryValueType.SZ, "a \"quoted\" C:\\path"),
                    org.assertj.core.groups.Tuple.tuple("number", RegistryValueType.DWORD, "15"),
                    org.assertj.core.groups.Tuple.tuple("binary", RegistryValueType.BINARY, "01ff"),
                    org.assertj.core.groups.Tuple.tuple("expand", RegistryValueType.EXPAND_SZ, "%Sys%"),
                    org.assertj.core.groups.Tuple.tuple("multi", RegistryValueType.MULTI_SZ, "a\nb,c"),
                    org.assertj.core.groups.Tuple.tuple("quad", RegistryValueType.QWORD, "4294967296"),
                    org.assertj.core.groups.Tuple.tuple("big", RegistryValueType.DWORD_BIG_ENDIAN, "256"),
                    org.assertj.core.groups.Tuple.tuple("none", RegistryValueType.NONE, ""));
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryScope.class)).containsExactly(
                    new RegistryScope("HKLM\\software\\policies\\test", "Gone", false, "policies.reg:14"),
                    new RegistryScope("HKLM\\software\\policies\\test\\removed", null, true, "policies.reg:16"));
        }

        @Test
        void aRegedit4ExportIsAnsiAndItsStringsDecodeAsAnsi() {
            String reg = "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]\r\n\"Caf\u00e9\"=\"\u00e9t\u00e9\"\r\n"
                    + "\"Multi\"=hex(7):61,00,62,00,00\r\n";
            ExportSink sink = new ExportSink();
            RegExportReader.read("old.reg", reg.getBytes(java.nio.charset.Charset.forName("windows-1252")), false,
                    sink);
            assertThat(sink.allProblems()).isEmpty();
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class))
                    .extracting(RegistryValue::name, RegistryValue::data)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("caf\u00e9", "\u00e9t\u00e9"),
                            org.assertj.core.groups.Tuple.tuple("multi", "a\nb"));
        }

        @Test
        void anEffectiveExportCapturesItsTopKeysWhole() {
            String reg = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies]\r\n\r\n"
                    + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft]\r\n\"A\"=dword:00000001\r\n\r\n"
                    + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa]\r\n";
            ExportSink sink = new ExportSink();
            RegExportReader.read("live.reg", utf16le(reg), true, sink);
            List<RegistryScope> scopes = facts(sink, WindowsCollectors.REGISTRY, RegistryScope.class);
            assertThat(scopes).extracting(RegistryScope::path).containsExactly("HKLM\\software\\policies",
                    "HKLM\\system\\currentcontrolset\\control\\lsa");
            assertThat(scopes.get(0).covers("HKLM\\software\\policies\\microsoft\\windows", "x")).isTrue();
            assertThat(scopes.get(0).covers("HKLM\\software\\policiesx", "x")).isFalse();
        }

        @Test
        void badLinesAreProblemsAndTheOtherValuesAreStillRead() {
            String reg = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]\r\n"
                    + "\"A\"=dword:xyz\r\n\"B\"=dword:00000002\r\n\"C\"=hex(b):01,02\r\nnot a value\r\n";
            ExportSink sink = new ExportSink();
            RegExportReader.read("t.reg", utf16le(reg), false, sink);
            assertThat(sink.allProblems()).extracting(ExportProblem::toString).containsExactly(
                    "t.reg:4: dword: needs up to 8 hex digits, got: dword:xyz",
                    "t.reg:6: QWORD needs 8 bytes, got 2",
                    "t.reg:7: expected \"name\"=value or @=value, got: not a value");
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class)).extracting(RegistryValue::data)
                    .containsExactly("2");
        }

        @Test
        void aFileThatIsNotAnExportIsOneProblem() {
            ExportSink sink = new ExportSink();
            RegExportReader.read("notes.reg", utf16le("hello\r\n"), false, sink);
            assertThat(sink.allProblems()).extracting(ExportProblem::toString).containsExactly(
                    "notes.reg:1: not a registry export: the first line must be 'Windows Registry Editor Version "
                            + "5.00' or 'REGEDIT4', got: hello");
        }
    }

    @Nested
    class RegistryPol {
        @Test
        void readsValuesAndHonoursDeleteMarkers() {
            byte[] pol = new ExportFixtures.Pol()
                    .dword("Software\\Policies\\Microsoft\\Windows\\System", "EnableSmartScreen", 1)
                    .string("Software\\Policies\\Microsoft\\Windows\\NetworkProvider\\HardenedPaths", "\\\\*\\SYSVOL",
                            "RequireMutualAuthentication=1, RequireIntegrity=1")
                    .entry("Software\\Policies\\Test", "Multi", 7,
                            "a\0b\0\0".getBytes(StandardCharsets.UTF_16LE))
                    .dword("Software\\Policies\\Test", "Old", 5)
                    .string("Software\\Policies\\Test", "**del.Old", " ")
                    .dword("Software\\Policies\\Other", "X", 1)
                    .string("Software\\Policies\\Other", "**delvals.", " ")
                    .dword("Software\\Policies\\Other", "Y", 2)
                    .bytes();
            ExportSink sink = new ExportSink();
            RegistryPolReader.read("Registry.pol", pol, "HKLM", sink);
            assertThat(sink.allProblems()).isEmpty();
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class))
                    .extracting(RegistryValue::path, RegistryValue::name, RegistryValue::data).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("HKLM\\software\\policies\\microsoft\\windows\\system",
                            "enablesmartscreen", "1"),
                    org.assertj.core.groups.Tuple.tuple(
                            "HKLM\\software\\policies\\microsoft\\windows\\networkprovider\\hardenedpaths",
                            "\\\\*\\sysvol", "RequireMutualAuthentication=1, RequireIntegrity=1"),
                    org.assertj.core.groups.Tuple.tuple("HKLM\\software\\policies\\test", "multi", "a\nb"),
                    org.assertj.core.groups.Tuple.tuple("HKLM\\software\\policies\\other", "y", "2"));
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryScope.class)).containsExactly(
                    new RegistryScope("HKLM\\software\\policies\\test", "Old", false, "Registry.pol entry 5"),
                    new RegistryScope("HKLM\\software\\policies\\other", null, false, "Registry.pol entry 7"));
        }

        @Test
        void aTruncatedEntryIsAProblemNamingItsOffsetAndTheEntriesBeforeItAreKept() {
            byte[] whole = new ExportFixtures.Pol().dword("Software\\A", "One", 1).dword("Software\\A", "Two", 2).bytes();
            byte[] cut = Arrays.copyOf(whole, whole.length - 6);
            ExportSink sink = new ExportSink();
            RegistryPolReader.read("Registry.pol", cut, "HKLM", sink);
            assertThat(facts(sink, WindowsCollectors.REGISTRY, RegistryValue.class)).extracting(RegistryValue::name)
                    .containsExactly("one");
            assertThat(sink.allProblems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.message()).startsWith("entry 2 at byte ").contains("runs past the end of the file");
            });
        }

        @Test
        void aFileWithoutTheSignatureIsOneProblem() {
            ExportSink sink = new ExportSink();
            RegistryPolReader.read("Registry.pol", "garbage!".getBytes(StandardCharsets.US_ASCII), "HKLM", sink);
            assertThat(sink.allProblems()).extracting(ExportProblem::toString).containsExactly(
                    "Registry.pol: not a Registry.pol file: it must start with the signature 'PReg' and version 1");
        }
    }
}

package io.osbaseline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.AuditRule;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileKind;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.HomeDirectory;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.PasswordState;
import io.osbaseline.model.fact.ReportedVerdict;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class JsonSnapshotTest {

    static ConfigurationSnapshot everyFactType() {
        Machine machine = Machine.builder("/subscriptions/0000/resourceGroups/rg-web/providers/"
                        + "Microsoft.Compute/virtualMachines/web-1")
                .name("web-1").osFamily(OsFamily.LINUX).osName("Debian GNU/Linux").osVersion("12")
                .cloud(Cloud.AZURE).region("westeurope")
                .resourceId("/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1")
                .tag("owner", "platform").tag("env", "prod").tag("cost-center", "42").build();
        List<Fact> facts = List.of(
                new OsRelease("debian", List.of(), "12", "Debian GNU/Linux", "Debian GNU/Linux 12 (bookworm)"),
                new FileInfo("/etc/passwd", true, FileKind.FILE, 0644, "root", "root", 0, 0),
                FileInfo.absent("/etc/hosts.equiv"),
                new FileInfo("/usr/bin/sudo", true, FileKind.FILE, 04755, "root", "root", 0, 0),
                new FileLines("/etc/issue.net", List.of("Authorized uses only.", "All activity may be monitored.")),
                new Setting("login.defs", "PASS_MAX_DAYS", "365"),
                new Sysctl("net.ipv4.ip_forward", "0", "/etc/sysctl.d/99-hardening.conf"),
                new InstalledPackage("openssh-server", "1:9.2p1-2+deb12u3", "dpkg"),
                new SystemService("rsyslog.service", "enabled", "active"),
                new Mount("/tmp", "tmpfs", "tmpfs", List.of("rw", "nosuid", "nodev", "noexec"), "fstab"),
                new KernelModule("cramfs", "/bin/true", true, false, "/etc/modprobe.d/cis.conf"),
                new SshdOption("permitrootlogin", "no", "/etc/ssh/sshd_config:33"),
                new UserAccount("alice", 1000, 1000, "/home/alice", "/bin/bash", PasswordState.SET,
                        LocalDate.of(2024, 11, 3), 1, 365, 7, 30),
                new UserGroup("sudo", 27, List.of("alice", "bob")),
                new PamEntry("common-password", "password", "[success=1 default=ignore]", "pam_unix.so",
                        List.of("obscure", "yescrypt", "remember=5")),
                new AuditRule("-w /etc/sudoers -p wa -k scope", "/etc/audit/rules.d/50-scope.rules"),
                new HomeDirectory("alice", 1000, "/home/alice", true, FileKind.DIRECTORY, 0750, 1000, "alice",
                        List.of(".bashrc"), List.of(".netrc")),
                new io.osbaseline.model.fact.RegistryValue("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System",
                        "EnableSmartScreen", io.osbaseline.model.fact.RegistryValueType.DWORD, "1", "policies.reg:4"),
                new io.osbaseline.model.fact.RegistryScope("HKLM\\SOFTWARE\\Policies", null, true, "policies.reg:3"),
                new io.osbaseline.model.fact.SecurityPolicy("System Access", "MinimumPasswordLength", "14",
                        "secedit.inf:4"),
                new io.osbaseline.model.fact.AuditPolicy("{0cce9215-69ae-11d9-bed3-505054503030}", "Audit Logon", true,
                        true, "auditpol.csv:2"),
                new io.osbaseline.model.fact.UserRight("SeDebugPrivilege", List.of("S-1-5-32-544"), "secedit.inf:30"),
                new io.osbaseline.model.fact.MachineRole("domain-member", "osbaseline-windows.json"),
                new ReportedVerdict("azure-guest-configuration", "azure-linux", "109",
                        "Ensure SSH root login is disabled", Status.FAIL, List.of("PermitRootLogin is set to yes"),
                        Instant.parse("2025-03-01T07:00:00Z")));
        Coverage coverage = new Coverage(
                List.of(CollectorRun.collected("sysctl", "runtime values"), CollectorRun.collected("files", null),
                        new CollectorRun("pam", io.osbaseline.model.CollectorStatus.PARTIAL, "2 of 3 files read"),
                        CollectorRun.failed("audit", "auditctl: permission denied"),
                        CollectorRun.unavailable("kernel-modules", "offline root: no runtime state")),
                List.of(new CoverageGap("pam", "/etc/pam.d/sshd", "permission denied")));
        return new ConfigurationSnapshot(machine, Instant.parse("2025-03-01T08:15:30Z"), facts, coverage);
    }

    @Test
    void aSnapshotWithEveryFactTypeReadsBackEqual() throws Exception {
        ConfigurationSnapshot snapshot = everyFactType();

        ConfigurationSnapshot read = Json.readSnapshot(Json.write(snapshot), "roundtrip.json");

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.facts()).hasSize(snapshot.facts().size());
    }

    @Test
    void theRoundTripCoversEveryDeclaredFactType() {
        List<Class<?>> declared = Arrays.stream(Fact.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value).collect(Collectors.toList());
        List<Class<?>> covered = everyFactType().facts().stream().map(Object::getClass).distinct()
                .collect(Collectors.toList());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theJsonFormIsStableAndReadable() throws Exception {
        String json = Json.write(everyFactType());
        JsonNode tree = Json.mapper().readTree(json);

        assertThat(json).contains("\"type\" : \"sshd-option\"").contains("\"mode\" : \"0644\"")
                .contains("\"mode\" : \"4755\"").contains("\"collectedAt\" : \"2025-03-01T08:15:30Z\"")
                .contains("\n  \"machine\" : {");
        assertThat(tree.get("collectedAt").asText()).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(tree.at("/machine/osFamily").asText()).isEqualTo("LINUX");
        assertThat(tree.at("/machine/cloud").asText()).isEqualTo("AZURE");
        List<String> tagKeys = new ArrayList<>();
        tree.at("/machine/tags").fieldNames().forEachRemaining(tagKeys::add);
        assertThat(tagKeys).containsExactly("cost-center", "env", "owner");

        List<String> types = new ArrayList<>();
        tree.get("facts").forEach(f -> types.add(f.get("type").asText()));
        assertThat(types).containsExactly("os-release", "file", "file", "file", "file-lines", "setting", "sysctl",
                "package", "service", "mount", "kernel-module", "sshd-option", "user", "group", "pam", "audit-rule",
                "home-directory", "registry-value", "registry-scope", "security-policy", "audit-policy", "user-right",
                "machine-role", "reported-verdict");

        JsonNode passwd = tree.get("facts").get(1);
        assertThat(passwd.get("mode").isTextual()).isTrue();
        assertThat(passwd.get("mode").asText()).isEqualTo("0644");
        assertThat(passwd.get("kind").asText()).isEqualTo("FILE");
        JsonNode absent = tree.get("facts").get(2);
        assertThat(absent.has("mode")).as("absent file carries no null fields").isFalse();
        assertThat(absent.get("exists").asBoolean()).isFalse();
        assertThat(tree.get("facts").get(12).get("lastChange").asText()).isEqualTo("2024-11-03");
        assertThat(tree.get("facts").get(12).get("password").asText()).isEqualTo("SET");
        assertThat(tree.get("facts").get(16).get("mode").asText()).isEqualTo("0750");
        assertThat(tree.get("facts").get(16).get("presentFiles").get(0).asText()).isEqualTo(".netrc");
        assertThat(tree.at("/coverage/collectors/3/status").asText()).isEqualTo("FAILED");
        assertThat(tree.at("/coverage/collectors/1").has("detail")).isFalse();
        assertThat(tree.at("/coverage/gaps/0/path").asText()).isEqualTo("/etc/pam.d/sshd");
    }

    @Test
    void noFactWritesADuplicateKey() throws Exception {
        // A fact field named like the "type" discriminator would write the key twice, and readers in other
        // languages keep the last one.
        ObjectMapper strict = Json.mapper().copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (Fact fact : everyFactType().facts()) {
            String json = Json.mapper().writerFor(Fact.class).writeValueAsString(fact);
            assertThat(strict.readTree(json).get("type").asText()).as(json).isNotBlank();
        }
    }

    @Test
    void aPamEntryReadsWhateverTheOrderOfItsFields() throws Exception {
        PamEntry su = new PamEntry("su", "auth", "required", "pam_wheel.so", List.of("use_uid"));
        String typeLast = """
                {"service": "su", "moduleType": "auth", "control": "required", "module": "pam_wheel.so",
                 "arguments": ["use_uid"], "type": "pam"}""";

        assertThat(Json.mapper().readValue(typeLast, Fact.class)).isEqualTo(su);
        assertThat(Json.mapper().readTree(Json.mapper().writerFor(Fact.class).writeValueAsString(su)).get("type")
                .asText()).isEqualTo("pam");
    }

    @Test
    void writingToAStreamLeavesItOpenAndMatchesTheStringForm() throws Exception {
        ConfigurationSnapshot snapshot = everyFactType();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("Json.write closed the caller's stream");
            }
        };

        Json.write(snapshot, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Json.write(snapshot));
    }

    @Test
    void aHandWrittenMinimalSnapshotReadsWithDefaults() throws Exception {
        ConfigurationSnapshot s = Json.readSnapshot("""
                {"machine": {"id": "host-1"}, "collectedAt": "2025-03-01T08:00:00Z"}
                """, "minimal.json");

        assertThat(s.machine().name()).isEqualTo("host-1");
        assertThat(s.machine().osFamily()).isEqualTo(OsFamily.UNKNOWN);
        assertThat(s.machine().tags()).isEmpty();
        assertThat(s.facts()).isEmpty();
        assertThat(s.coverage()).isEqualTo(Coverage.EMPTY);
    }

    @Test
    void aSnapshotFileReadsBackAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("web-1.json");
        Files.writeString(good, Json.write(everyFactType()));
        assertThat(Json.readSnapshot(good)).isEqualTo(everyFactType());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, VALID.replace("\"0644\"", "\"rw-r--r--\""));
        assertThatThrownBy(() -> Json.readSnapshot(bad))
                .isInstanceOf(MalformedSnapshotException.class)
                .hasMessageStartingWith(bad + ":13: at $.facts[2].mode: ");
    }

    // Line numbers matter below: the facts are on lines 11, 12 and 13.
    public static final String VALID = """
            {
              "machine": {
                "id": "vm-1",
                "name": "web-1",
                "osFamily": "LINUX",
                "cloud": "AZURE",
                "tags": {"env": "prod"}
              },
              "collectedAt": "2025-03-01T08:00:00Z",
              "facts": [
                {"type": "sysctl", "key": "net.ipv4.ip_forward", "value": "0", "source": "runtime"},
                {"type": "sshd-option", "key": "permitrootlogin", "value": "no", "source": "/etc/ssh/sshd_config:33"},
                {"type": "file", "path": "/etc/passwd", "exists": true, "kind": "FILE", "mode": "0644", "owner": "root", "group": "root", "uid": 0, "gid": 0}
              ],
              "coverage": {"collectors": [{"collector": "sysctl", "status": "COLLECTED"}], "gaps": []}
            }
            """;

    @Test
    void theValidDocumentReads() throws Exception {
        ConfigurationSnapshot s = Json.readSnapshot(VALID, "valid.json");

        assertThat(s.facts()).containsExactly(
                new Sysctl("net.ipv4.ip_forward", "0", "runtime"),
                new SshdOption("permitrootlogin", "no", "/etc/ssh/sshd_config:33"),
                new FileInfo("/etc/passwd", true, FileKind.FILE, 0644, "root", "root", 0, 0));
        assertThat(s.machine().tags()).isEqualTo(Map.of("env", "prod"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            syntax error          | "value": "no",                     | "value": "no"                 | 12 | $.facts[1]        | was expecting comma to separate Object entries
            unknown field         | "value": "no",                     | "value": "no", "colour": "x", | 12 | $.facts[1].colour | unknown field 'colour'; known fields: key, source, value
            unknown fact type     | "type": "sshd-option",             | "type": "sshd-opt",           | 12 | $.facts[1]        | unknown fact type 'sshd-opt'
            fact without type     | "type": "sysctl",                  | ''                            | 11 | $.facts[0]        | the fact has no 'type'
            bad octal mode        | "mode": "0644",                    | "mode": "0948",               | 13 | $.facts[2].mode   | expected an octal file mode such as "0644"
            mode as a number      | "mode": "0644",                    | "mode": 420,                  | 13 | $.facts[2].mode   | ''
            sysctl without key    | "key": "net.ipv4.ip_forward",      | ''                            | 11 | $.facts[0]        | missing or invalid field: key
            unknown os family     | "osFamily": "LINUX",               | "osFamily": "BSD",            | 5  | $.machine.osFamily | ''
            bad instant           | "2025-03-01T08:00:00Z"             | "yesterday"                   | 9  | $.collectedAt     | ''
            bad collector status  | "COLLECTED"                        | "DONE"                        | 15 | $.coverage.collectors[0].status | ''
            """)
    void malformedInputNamesTheSourceLineAndPath(String what, String from, String to, int line, String path,
            String problem) {
        String json = VALID.replace(from, to);
        assertThat(json).as("the test edits the document").isNotEqualTo(VALID);

        assertThatThrownBy(() -> Json.readSnapshot(json, "fleet/web-1.json"))
                .isInstanceOfSatisfying(MalformedSnapshotException.class, e -> {
                    assertThat(e.source()).isEqualTo("fleet/web-1.json");
                    assertThat(e.jsonPath()).isEqualTo(path);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("fleet/web-1.json:" + line + ": at " + path + ": ");
                    if (problem != null) {
                        assertThat(e.getMessage()).contains(problem);
                    }
                });
    }

    @Test
    void aMissingRequiredTopLevelFieldIsNamed() {
        String json = VALID.replace("\"collectedAt\": \"2025-03-01T08:00:00Z\",", "");

        assertThatThrownBy(() -> Json.readSnapshot(json, "no-time.json"))
                .isInstanceOf(MalformedSnapshotException.class)
                .hasMessageStartingWith("no-time.json:")
                .hasMessageContaining("collectedAt");
    }

    @Test
    void aDocumentThatIsNotJsonFailsAtItsRoot() {
        assertThatThrownBy(() -> Json.readSnapshot("machine: vm-1\n", "vm-1.yaml"))
                .isInstanceOfSatisfying(MalformedSnapshotException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e).hasMessageStartingWith("vm-1.yaml:1: at $: Unrecognized token 'machine'");
                });
    }

    @Test
    void aTruncatedDocumentNamesWhereItEnds() {
        String truncated = VALID.substring(0, VALID.indexOf("\"collectedAt\": \"") + 15);

        assertThatThrownBy(() -> Json.readSnapshot(truncated, "cut.json"))
                .isInstanceOfSatisfying(MalformedSnapshotException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.collectedAt");
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e).hasMessageContaining("end-of-input");
                });
    }

    @Test
    void anEmptyDocumentIsMalformed() {
        assertThatThrownBy(() -> Json.readSnapshot("", "empty.json"))
                .isInstanceOfSatisfying(MalformedSnapshotException.class, e -> {
                    assertThat(e.source()).isEqualTo("empty.json");
                    assertThat(e.jsonPath()).isEqualTo("$");
                });
    }
}

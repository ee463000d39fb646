package io.osbaseline.local.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.json.Json;
import io.osbaseline.json.MalformedSnapshotException;
import io.osbaseline.local.Fixtures;
import io.osbaseline.local.TestRoot;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import io.osbaseline.scan.FleetScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesProviderTest {
    /** A snapshot whose second fact has a mode that is not octal, on line 13. */
    private static final String MALFORMED = """
            {
              "machine" : { "id" : "web-02", "name" : "web-02", "osFamily" : "LINUX", "cloud" : "AZURE" },
              "collectedAt" : "2024-06-01T10:00:00Z",
              "facts" : [ {
                "type" : "os-release",
                "id" : "ubuntu",
                "versionId" : "22.04"
              }, {
                "type" : "file",
                "path" : "/etc/shadow",
                "exists" : true,
                "kind" : "FILE",
                "mode" : "rw-r-----"
              } ],
              "coverage" : { "collectors" : [ ], "gaps" : [ ] }
            }
            """;

    @TempDir
    Path tmp;
    Path fleet;
    Path good;
    Path broken;
    ConfigurationSnapshot snapshot;

    @BeforeEach
    void setUp() throws Exception {
        TestRoot r = Fixtures.debian12(new TestRoot(Files.createDirectory(tmp.resolve("deb12"))));
        try (Provider local = Providers.create("local", Map.of("root", r.dir().toString()))) {
            snapshot = local.collect(local.machines().findFirst().orElseThrow());
        }
        fleet = Files.createDirectory(tmp.resolve("fleet"));
        good = Files.createDirectories(fleet.resolve("west")).resolve("deb12-web01.json");
        Files.writeString(good, Json.write(snapshot));
        broken = Files.createDirectories(fleet.resolve("east")).resolve("web-02.json");
        Files.writeString(broken, MALFORMED);
        Files.writeString(fleet.resolve("README.txt"), "snapshots of the fleet, one per machine");
    }

    @Test
    void inventoryListsJsonFilesRecursivelyInPathOrderWithoutReadingThem() throws Exception {
        try (Provider files = Providers.create("files", Map.of("path", fleet.toString()))) {
            assertThat(files.machines().toList()).containsExactly(
                    Machine.builder(broken.toString()).name("web-02.json").build(),
                    Machine.builder(good.toString()).name("deb12-web01.json").build());
            assertThat(files.machines().toList()).allMatch(m -> m.osFamily() == OsFamily.UNKNOWN);
        }
    }

    @Test
    void collectReturnsTheSnapshotWithTheMachineItDescribes() throws Exception {
        try (Provider files = Providers.create("files", Map.of("path", fleet.toString()))) {
            ConfigurationSnapshot read = files.collect(Machine.builder(good.toString()).build());

            assertThat(read).isEqualTo(snapshot);
            assertThat(read.machine().id()).isEqualTo("deb12-web01");
        }
    }

    @Test
    void aMalformedFileIsAnErrorThatNamesTheFileTheLineAndTheJsonPath() throws Exception {
        try (Provider files = Providers.create("files", Map.of("path", fleet.toString()))) {
            assertThatThrownBy(() -> files.collect(Machine.builder(broken.toString()).build()))
                    .isInstanceOfSatisfying(MalformedSnapshotException.class, e -> {
                        assertThat(e.source()).isEqualTo(broken.toString());
                        assertThat(e.line()).isEqualTo(13);
                        assertThat(e.jsonPath()).isEqualTo("$.facts[1].mode");
                        assertThat(e.getMessage()).startsWith(broken + ":13: at $.facts[1].mode: ");
                    });
        }
    }

    @Test
    void aFleetScanReportsTheMalformedFileAsAnErrorAndAssessesTheOthers() throws Exception {
        List<Assessment> assessments = new ArrayList<>();
        try (Provider files = Providers.create("files", Map.of("path", fleet.toString()))) {
            FleetScan.of(files, new NoRules()).run(assessments::add);
        }

        assertThat(assessments).hasSize(2);
        Assessment error = assessments.get(0);
        assertThat(error.status()).isEqualTo(AssessmentStatus.ERROR);
        assertThat(error.machine().id()).isEqualTo(broken.toString());
        assertThat(error.reason()).startsWith(broken + ":13: at $.facts[1].mode: ");
        Assessment assessed = assessments.get(1);
        assertThat(assessed.status()).isNotEqualTo(AssessmentStatus.ERROR);
        assertThat(assessed.machine()).isEqualTo(snapshot.machine());
    }

    @Test
    void aSingleFileIsOneMachine() throws Exception {
        try (Provider files = Providers.create("files", Map.of("path", good.toString()))) {
            List<Machine> machines = files.machines().toList();
            assertThat(machines).extracting(Machine::id).containsExactly(good.toString());
            assertThat(files.collect(machines.get(0))).isEqualTo(snapshot);
        }
    }

    @Test
    void aPathThatDoesNotExistIsAnInvalidOption() {
        Path missing = tmp.resolve("no-such-fleet");

        assertThatThrownBy(() -> Providers.create("files", Map.of("path", missing.toString())))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'path' of provider 'files': " + missing + " does not exist");
        assertThatThrownBy(() -> Providers.create("files", Map.of()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("needs the option 'path'");
    }

    @Test
    void aFileOutsideThePathIsNotRead() throws Exception {
        try (Provider files = Providers.create("files", Map.of("path", fleet.resolve("west").toString()))) {
            assertThatThrownBy(() -> files.collect(Machine.builder(broken.toString()).build()))
                    .hasMessageContaining("is not a snapshot file under");
        }
    }

    @Test
    void aFileThatDisappearedIsAnErrorNamingIt() throws Exception {
        try (Provider files = Providers.create("files", Map.of("path", fleet.toString()))) {
            List<Machine> machines = files.machines().toList();
            Files.delete(good);

            assertThatThrownBy(() -> files.collect(machines.get(1)))
                    .hasMessage(good + ": cannot read the snapshot file: no such file");
        }
    }

    /** An engine with no rule: enough to drive a fleet scan. */
    private static final class NoRules implements BaselineEngine {
        @Override
        public List<Baseline> baselines() {
            return List.of();
        }

        @Override
        public List<RuleInfo> rules() {
            return List.of();
        }

        @Override
        public Assessment assess(ConfigurationSnapshot snapshot) {
            return Assessment.of(snapshot.machine(), List.of());
        }
    }
}

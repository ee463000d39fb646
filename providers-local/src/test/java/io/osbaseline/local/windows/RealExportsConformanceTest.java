package io.osbaseline.local.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every real, tool-written export under {@code ../shared/testdata/windows} (Microsoft and DISA GPO backups,
 * secedit exports, an auditpol CSV, a regedit export) with no problem. Skipped where that folder does not exist.
 */
class RealExportsConformanceTest {
    private static final Path TESTDATA = locate();

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/testdata/windows");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/testdata/windows");
    }

    static Stream<Path> exportFiles() throws IOException {
        if (!Files.isDirectory(TESTDATA)) {
            return Stream.of();
        }
        try (Stream<Path> s = Files.walk(TESTDATA)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".inf") || n.endsWith(".cfg") || n.endsWith(".csv") || n.endsWith(".reg")
                        || n.endsWith(".pol");
            }).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exportFiles")
    void everyRealExportFileParsesWithoutAProblem(Path file) throws Exception {
        ConfigurationSnapshot s = WindowsExportReader.read(WindowsExportReader.Kind.FILE, file,
                Machine.builder(file.toString()).build(), null, null, java.time.Instant.now());
        assertThat(s.coverage().gaps()).as("problems reading %s", file).isEmpty();
    }

    @Test
    void theRegistryPolFilesHoldEveryEntryTheirProvenanceCounts() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(TESTDATA), "no shared test data at " + TESTDATA);
        Map<String, Integer> entries = Map.of(
                "disa-stig-gpo-2023-10/winsvr2022-ms-v1r4/{0868DCD3-069B-4027-89A9-995435DC3064}", 71,
                "disa-stig-gpo-2023-10/defender-firewall-v2r2/{EB82B913-90A2-4599-A554-90B3A116B382}", 21,
                "ms-security-baseline/ws1909-member-server/{3657C7A2-3FF3-4C21-9439-8FDF549F1D68}", 63);
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            Path pol = TESTDATA.resolve(e.getKey()).resolve("DomainSysvol/GPO/Machine/registry.pol");
            ExportSink sink = new ExportSink();
            RegistryPolReader.read(pol.toString(), Files.readAllBytes(pol), "HKLM", sink);
            assertThat(sink.facts(WindowsCollectors.REGISTRY)).as(pol.toString()).hasSize(e.getValue());
            assertThat(sink.allProblems()).isEmpty();
        }
    }

    @Test
    void theTestDataHasExportsWhenItExists() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(TESTDATA), "no shared test data at " + TESTDATA);
        assertThat(exportFiles().toList()).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void everyGpoBackupReadsAsOneMachineWithoutAProblem() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(TESTDATA), "no shared test data at " + TESTDATA);
        try (Provider p = Providers.create("windows-export", Map.of("path", TESTDATA.toString()))) {
            List<Machine> machines = p.machines().toList();
            assertThat(machines.stream().filter(m -> "GPO backup".equals(m.tags().get("export"))).map(Machine::name))
                    .containsExactlyInAnyOrder("DoD Windows Defender Firewall STIG v2r2",
                            "DoD WinSvr 2022 MS STIG Comp v1r4",
                            "MSFT Windows 10 1909 and Server 1909 - Domain Security",
                            "MSFT Windows Server 1909 - Member Server");
            for (Machine m : machines) {
                ConfigurationSnapshot s = p.collect(m);
                assertThat(s.coverage().gaps()).as("problems reading %s", m.id()).isEmpty();
            }
        }
    }
}

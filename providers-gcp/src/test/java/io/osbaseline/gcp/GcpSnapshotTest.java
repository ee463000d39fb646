package io.osbaseline.gcp;

import static io.osbaseline.gcp.GcpJson.aggregatedPage;
import static io.osbaseline.gcp.GcpJson.aggregatedPath;
import static io.osbaseline.gcp.GcpJson.apt;
import static io.osbaseline.gcp.GcpJson.debian12;
import static io.osbaseline.gcp.GcpJson.installed;
import static io.osbaseline.gcp.GcpJson.inventoriesPage;
import static io.osbaseline.gcp.GcpJson.inventoriesPath;
import static io.osbaseline.gcp.GcpJson.inventory;
import static io.osbaseline.gcp.GcpJson.inventoryPath;
import static io.osbaseline.gcp.GcpJson.versioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.gcp.GcpJson.Vm;
import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.CollectorStatus;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.SnapshotException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Snapshots from the OS Config inventory, through the real OsConfigZonalServiceClient against a local REST server. */
class GcpSnapshotTest {
    private static final String PROJECT = "shop-prod";
    /** The service names inventories with the project number, whatever the request said. */
    private static final String NUMBER = "731944201882";
    private static final String ZONE = "europe-west1-b";

    private FakeGcp gcp;
    private GcpProvider provider;
    private Map<String, Machine> machines;

    @BeforeEach
    void start() throws Exception {
        gcp = new FakeGcp();
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        gcp.close();
    }

    /** Lists {@code vms} (zone, then its instances) through the provider; the machines by name. */
    private void list(Object... zoneAndVms) throws Exception {
        Map<String, List<Vm>> byZone = new LinkedHashMap<>();
        for (int i = 0; i < zoneAndVms.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Vm> vms = (List<Vm>) zoneAndVms[i + 1];
            byZone.put((String) zoneAndVms[i], vms);
        }
        gcp.on(aggregatedPath(PROJECT), 200, aggregatedPage(PROJECT, byZone, List.of(), null));
        provider = gcp.provider(PROJECT).build();
        machines = new LinkedHashMap<>();
        try (Stream<Machine> listed = provider.machines()) {
            listed.forEach(m -> machines.put(m.name(), m));
        }
    }

    private ConfigurationSnapshot collect(String name) throws SnapshotException {
        return provider.collect(machines.get(name));
    }

    private List<String> packageNames(String machine) throws SnapshotException {
        return collect(machine).facts(InstalledPackage.class).map(InstalledPackage::name).toList();
    }

    private static CollectorRun run(ConfigurationSnapshot snapshot, String collector) {
        return snapshot.coverage().run(collector).orElseThrow();
    }

    @Test
    void aLinuxSnapshotHasTheOsAndThePackagesAndSaysWhatTheInventoryCannotTell() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null, inventory(NUMBER, ZONE, "1001", debian12(),
                apt("openssh-server", "1:9.2p1-2+deb12u2"), apt("telnetd", "0.17+2.4-2+deb12u1"),
                GcpJson.available("aptPackage", versioned("openssh-server", "amd64", "1:9.2p1-2+deb12u3")))));
        list(ZONE, List.of(Vm.debian("web-1", 1001)));

        ConfigurationSnapshot snapshot = collect("web-1");

        Machine machine = snapshot.machine();
        assertThat(machine.id()).isEqualTo("projects/shop-prod/zones/europe-west1-b/instances/web-1");
        assertThat(machine.osFamily()).isEqualTo(OsFamily.LINUX);
        assertThat(machine.osName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(machine.osVersion()).isEqualTo("12");
        assertThat(snapshot.collectedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(snapshot.facts(OsRelease.class)).containsExactly(
                new OsRelease("debian", List.of(), "12", null, "Debian GNU/Linux 12 (bookworm)"));
        assertThat(snapshot.facts(InstalledPackage.class)).containsExactlyInAnyOrder(
                new InstalledPackage("openssh-server", "1:9.2p1-2+deb12u2", "dpkg"),
                new InstalledPackage("telnetd", "0.17+2.4-2+deb12u1", "dpkg"));

        assertThat(run(snapshot, "os-release")).isEqualTo(CollectorRun.collected("os-release", "ID, VERSION_ID and "
                + "PRETTY_NAME from the GCP OS Config inventory, reported 2024-05-01T10:00:00.123Z (it does not "
                + "report NAME or ID_LIKE)"));
        assertThat(run(snapshot, "packages")).isEqualTo(CollectorRun.collected("packages", "2 packages (dpkg 2) "
                + "from the GCP OS Config inventory, reported 2024-05-01T10:00:00.123Z"));
        List<String> others = LinuxSnapshotter.COLLECTOR_NAMES.stream()
                .filter(c -> !c.equals("os-release") && !c.equals("packages")).toList();
        assertThat(others).contains("sshd", "sysctl", "files", "accounts");
        for (String collector : others) {
            assertThat(run(snapshot, collector)).isEqualTo(CollectorRun.unavailable(collector, "the GCP OS Config "
                    + "inventory reports only the OS and the installed packages, and GCP has no run-command API to "
                    + "collect more"));
        }
        assertThat(snapshot.coverage().collectors()).hasSize(LinuxSnapshotter.COLLECTOR_NAMES.size());
        assertThat(gcp.requests(inventoriesPath(PROJECT, ZONE)).get(0).param("view")).isEqualTo("2"); // FULL
    }

    @Test
    void everyPackageKindKeepsItsManagersNameAndVersion() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null,
                inventory(NUMBER, ZONE, "1", GcpJson.osInfo("rhel", "Red Hat Enterprise Linux 9.4 (Plow)", "9.4"),
                        installed("yumPackage", versioned("openssh-server", "x86_64", "8.7p1-38.el9"))),
                inventory(NUMBER, ZONE, "2", GcpJson.osInfo("sles", "SUSE Linux Enterprise Server 15 SP5", "15.5"),
                        installed("zypperPackage", versioned("openssh", "x86_64", "9.6p1-150600.6.3.1")),
                        installed("zypperPatch", "{\"patchName\":\"SUSE-SLE-Module-Basesystem-15-SP5-2024-1234\","
                                + "\"category\":\"security\",\"severity\":\"important\",\"summary\":\"openssh\"}")),
                inventory(NUMBER, ZONE, "3", GcpJson.osInfo("cos", "Container-Optimized OS from Google", "109"),
                        installed("cosPackage", versioned("app-admin/google-guest-agent", "x86_64", "20240314"))),
                inventory(NUMBER, ZONE, "4", GcpJson.windows2022(),
                        installed("googetPackage", versioned("google-compute-engine-windows", "x86_64",
                                "20240109.00.0@1")),
                        installed("wuaPackage", "{\"title\":\"2024-05 Cumulative Update for Microsoft server "
                                + "operating system version 21H2 for x64-based Systems (KB5037782)\","
                                + "\"kbArticleIds\":[\"5037782\"],"
                                + "\"updateId\":\"0a7d8c4e-1b2f-4f3c-9a8e-1d2c3b4a5f6e\","
                                + "\"revisionNumber\":1}"),
                        installed("qfePackage", "{\"caption\":\"http://support.microsoft.com/?kbid=5037782\","
                                + "\"description\":\"Security Update\",\"hotFixId\":\"KB5037782\","
                                + "\"installTime\":\"2024-05-15T00:00:00Z\"}"),
                        installed("windowsApplication", "{\"displayName\":\"Google Cloud SDK\","
                                + "\"displayVersion\":\"474.0.0\",\"publisher\":\"Google LLC\"}"))));
        list(ZONE, List.of(Vm.debian("rhel", 1).withLicenses(GcpJson.RHEL_9), Vm.debian("sles", 2),
                Vm.debian("cos", 3), Vm.debian("win", 4).withLicenses(GcpJson.WINDOWS_2022)));

        assertThat(collect("rhel").facts(InstalledPackage.class)).containsExactly(
                new InstalledPackage("openssh-server", "8.7p1-38.el9", "rpm"));
        ConfigurationSnapshot sles = collect("sles");
        assertThat(sles.facts(InstalledPackage.class)).containsExactly(
                new InstalledPackage("openssh", "9.6p1-150600.6.3.1", "rpm"));
        assertThat(run(sles, "packages").detail()).isEqualTo("1 package (rpm 1) from the GCP OS Config inventory, "
                + "reported 2024-05-01T10:00:00.123Z; 1 zypper patch is not a package and was left out");
        assertThat(collect("cos").facts(InstalledPackage.class)).containsExactly(
                new InstalledPackage("app-admin/google-guest-agent", "20240314", "cos"));

        ConfigurationSnapshot windows = collect("win");
        assertThat(windows.machine().osFamily()).isEqualTo(OsFamily.WINDOWS);
        assertThat(windows.machine().osName()).isEqualTo("Microsoft Windows Server 2022 Datacenter");
        assertThat(windows.machine().osVersion()).isEqualTo("10.0.20348");
        assertThat(windows.facts(OsRelease.class)).isEmpty();
        assertThat(windows.facts(InstalledPackage.class)).containsExactlyInAnyOrder(
                new InstalledPackage("google-compute-engine-windows", "20240109.00.0@1", "googet"),
                new InstalledPackage("2024-05 Cumulative Update for Microsoft server operating system version 21H2 "
                        + "for x64-based Systems (KB5037782)", "1", "wua"),
                new InstalledPackage("KB5037782", "", "qfe"),
                new InstalledPackage("Google Cloud SDK", "474.0.0", "windows-application"));
        assertThat(windows.coverage().collectors()).extracting(CollectorRun::collector).containsExactly("packages");
        assertThat(run(windows, "packages").detail()).startsWith("4 packages (googet 1, qfe 1, "
                + "windows-application 1, wua 1) from the GCP OS Config inventory");
    }

    @Test
    void theInventoryDecidesTheOsFamilyOfACustomImage() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null, inventory(NUMBER, ZONE, "9",
                GcpJson.osInfo("ubuntu", "Ubuntu 22.04.4 LTS", "22.04"), apt("bash", "5.1-6ubuntu1.1"))));
        list(ZONE, List.of(Vm.debian("golden", 9).withLicenses(GcpJson.API
                + "projects/acme-images/global/licenses/acme-golden")));
        assertThat(machines.get("golden").osFamily()).isEqualTo(OsFamily.UNKNOWN);

        ConfigurationSnapshot snapshot = collect("golden");

        assertThat(snapshot.machine().osFamily()).isEqualTo(OsFamily.LINUX);
        assertThat(snapshot.facts(OsRelease.class)).extracting(OsRelease::id, OsRelease::versionId)
                .containsExactly(Tuple.tuple("ubuntu", "22.04"));
    }

    @Test
    void oneListingPerZoneFollowsItsPagesAndServesEveryInstanceOfTheZone() throws Exception {
        String west = "europe-west1-b";
        String east = "us-east1-c";
        gcp.on(inventoriesPath(PROJECT, west), 200, inventoriesPage("inv-2",
                        inventory(NUMBER, west, "1", debian12(), apt("a", "1")),
                        inventory(NUMBER, west, "2", debian12(), apt("b", "2"))))
                .on(inventoriesPath(PROJECT, west), "inv-2", 200, inventoriesPage(null,
                        inventory(NUMBER, west, "3", debian12(), apt("c", "3"))))
                .on(inventoriesPath(PROJECT, east), 200, inventoriesPage(null,
                        inventory(NUMBER, east, "4", debian12(), apt("d", "4"))));
        list(west, List.of(Vm.debian("one", 1), Vm.debian("two", 2), Vm.debian("three", 3)),
                east, List.of(Vm.debian("four", 4)));

        assertThat(packageNames("one")).containsExactly("a");
        assertThat(packageNames("three")).containsExactly("c");
        assertThat(packageNames("two")).containsExactly("b");
        assertThat(packageNames("four")).containsExactly("d");

        List<FakeGcp.Request> westCalls = gcp.requests(inventoriesPath(PROJECT, west));
        assertThat(westCalls).extracting(r -> r.param("pageToken")).containsExactly("", "inv-2");
        assertThat(gcp.requests(inventoriesPath(PROJECT, east))).hasSize(1);
        assertThat(gcp.requests()).allMatch(r -> !r.path().endsWith("/inventory"), "no single-instance calls");
    }

    @Test
    void anInstanceThatIsNotRunningIsNotApplicableWithoutAnyCall() throws Exception {
        list(ZONE, List.of(Vm.debian("parked", 5).withStatus("TERMINATED"), Vm.debian("asleep", 6)
                .withStatus("SUSPENDED")));

        assertThatThrownBy(() -> collect("parked")).isExactlyInstanceOf(MachineNotApplicableException.class)
                .hasMessage("the instance is TERMINATED, not RUNNING: its OS Config inventory is only current while "
                        + "it runs; start it to assess it");
        assertThatThrownBy(() -> collect("asleep")).isExactlyInstanceOf(MachineNotApplicableException.class)
                .hasMessageStartingWith("the instance is SUSPENDED, not RUNNING");
        assertThat(gcp.requests()).hasSize(1); // the listing
    }

    @Test
    void anInstanceWithoutInventoryIsNotApplicableOnceTheServiceConfirmsIt() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null))
                .on(inventoryPath(PROJECT, ZONE, "77"), 404, GcpJson.error(404,
                        "Resource 'projects/shop-prod/locations/europe-west1-b/instances/77/inventory' not found",
                        "NOT_FOUND"));
        list(ZONE, List.of(Vm.debian("no-agent", 77)));

        assertThatThrownBy(() -> collect("no-agent")).isExactlyInstanceOf(MachineNotApplicableException.class)
                .hasMessage("no OS Config inventory for this instance: the OS Config agent is not installed, not "
                        + "enabled (instance or project metadata enable-osconfig=TRUE) or has not reported yet");
        assertThat(gcp.requests(inventoryPath(PROJECT, ZONE, "77")).get(0).param("view")).isEqualTo("2");
    }

    @Test
    void anInstanceWhoseInventoryCannotBeFetchedIsAnErrorAndTheOthersAreStillCollected() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null,
                        inventory(NUMBER, ZONE, "1", debian12(), apt("bash", "5.2.15-2+b2"))))
                .on(inventoryPath(PROJECT, ZONE, "2"), 500, GcpJson.error(500, "Internal error encountered.",
                        "INTERNAL"));
        list(ZONE, List.of(Vm.debian("fine", 1), Vm.debian("unlucky", 2)));

        assertThatThrownBy(() -> collect("unlucky")).isExactlyInstanceOf(SnapshotException.class)
                .hasMessage("cannot read the OS Config inventory projects/shop-prod/locations/europe-west1-b/"
                        + "instances/2/inventory: INTERNAL: Internal error encountered.");
        assertThat(collect("fine").facts(InstalledPackage.class)).hasSize(1);
    }

    @Test
    void aZoneWhoseInventoriesCannotBeListedFailsItsInstancesWithOneCall() throws Exception {
        gcp.on(inventoriesPath(PROJECT, "asia-east1-a"), 403, GcpJson.error(403, "OS Config API has not been "
                        + "used in project 731944201882 before or it is disabled.", "PERMISSION_DENIED"))
                .on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null,
                        inventory(NUMBER, ZONE, "3", debian12(), apt("bash", "5.2.15-2+b2"))));
        list("asia-east1-a", List.of(Vm.debian("x", 1), Vm.debian("y", 2)), ZONE, List.of(Vm.debian("z", 3)));

        String reason = "cannot list the OS Config inventories of zone asia-east1-a in project shop-prod: "
                + "PERMISSION_DENIED: OS Config API has not been used in project 731944201882 before or it is "
                + "disabled. (the credentials need osconfig.inventories.list in the project "
                + "(roles/osconfig.inventoryViewer))";
        assertThatThrownBy(() -> collect("x")).isExactlyInstanceOf(SnapshotException.class).hasMessage(reason);
        assertThatThrownBy(() -> collect("y")).isExactlyInstanceOf(SnapshotException.class).hasMessage(reason);
        assertThat(collect("z").facts(InstalledPackage.class)).hasSize(1);
        assertThat(gcp.requests(inventoriesPath(PROJECT, "asia-east1-a"))).hasSize(1);
    }

    @Test
    void aMalformedInventoryBodyIsAnErrorThatSaysWhere() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, "{\"inventories\":[{\"name\":\"projects/1/locations/"
                + ZONE + "/instances/1/inventory\",\"updateTime\":\"yesterday\"}]}");
        list(ZONE, List.of(Vm.debian("garbled", 1)));

        assertThatThrownBy(() -> collect("garbled")).isExactlyInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("cannot list the OS Config inventories of zone europe-west1-b in project "
                        + "shop-prod: unreadable response: ")
                .hasMessageEndingWith("Failed to parse timestamp: \"yesterday\"");
    }

    @Test
    void anInventoryWithoutPackagesOrOsInformationSaysSoInsteadOfClaimingNone() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null, inventory(NUMBER, ZONE, "8", null)));
        list(ZONE, List.of(Vm.debian("fresh", 8)));

        ConfigurationSnapshot snapshot = collect("fresh");

        assertThat(snapshot.facts()).isEmpty();
        assertThat(snapshot.machine().osFamily()).isEqualTo(OsFamily.LINUX); // from the listing
        assertThat(run(snapshot, "packages")).isEqualTo(CollectorRun.failed("packages", "the GCP OS Config inventory "
                + "lists no installed packages, reported 2024-05-01T10:00:00.123Z (the agent may not have reported "
                + "them yet)"));
        assertThat(run(snapshot, "os-release").status()).isEqualTo(CollectorStatus.FAILED);
        assertThat(run(snapshot, "os-release").detail()).isEqualTo("the GCP OS Config inventory has no OS "
                + "information, reported 2024-05-01T10:00:00.123Z");
    }

    @Test
    void anInventoryWithoutReportTimeIsStampedWithTheProvidersClock() throws Exception {
        String undated = inventory(NUMBER, ZONE, "6", debian12(), apt("bash", "5.2.15-2+b2"))
                .replace(",\"updateTime\":\"2024-05-01T10:00:00.123Z\"", "");
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null, undated))
                .on(aggregatedPath(PROJECT), 200,
                        aggregatedPage(PROJECT, Map.of(ZONE, List.of(Vm.debian("undated", 6))), List.of(), null));
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        provider = gcp.provider(PROJECT).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        Machine machine;
        try (Stream<Machine> listed = provider.machines()) {
            machine = listed.findFirst().orElseThrow();
        }

        ConfigurationSnapshot snapshot = provider.collect(machine);

        assertThat(snapshot.collectedAt()).isEqualTo(now);
        assertThat(run(snapshot, "packages").detail()).isEqualTo("1 package (dpkg 1) from the GCP OS Config "
                + "inventory");
    }

    @Test
    void throttledInventoryCallsAreRetriedByTheSdk() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 429, GcpJson.error(429, "Quota exceeded for quota metric "
                        + "'Inventory requests' and limit 'Inventory requests per minute'", "RESOURCE_EXHAUSTED"))
                .on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null))
                .on(inventoryPath(PROJECT, ZONE, "5"), 503, GcpJson.error(503, "The service is currently "
                        + "unavailable.", "UNAVAILABLE"))
                .on(inventoryPath(PROJECT, ZONE, "5"), 200, inventory(NUMBER, ZONE, "5", debian12(),
                        apt("bash", "5.2.15-2+b2")));
        list(ZONE, List.of(Vm.debian("late", 5)));

        assertThat(collect("late").facts(InstalledPackage.class)).hasSize(1);
        assertThat(gcp.requests(inventoriesPath(PROJECT, ZONE))).hasSize(2);
        assertThat(gcp.requests(inventoryPath(PROJECT, ZONE, "5"))).hasSize(2);
    }

    @Test
    void collectingAMachineAgainAsksForItsInventoryAlone() throws Exception {
        gcp.on(inventoriesPath(PROJECT, ZONE), 200, inventoriesPage(null,
                        inventory(NUMBER, ZONE, "4", debian12(), apt("bash", "5.2.15-2+b2"))))
                .on(inventoryPath(PROJECT, ZONE, "4"), 200, inventory(NUMBER, ZONE, "4", debian12(),
                        apt("bash", "5.2.15-2+b2"), apt("telnetd", "0.17+2.4-2+deb12u1")));
        list(ZONE, List.of(Vm.debian("twice", 4)));

        assertThat(collect("twice").facts(InstalledPackage.class)).hasSize(1);
        assertThat(collect("twice").facts(InstalledPackage.class)).hasSize(2);
        assertThat(gcp.requests(inventoriesPath(PROJECT, ZONE))).hasSize(1);
        assertThat(gcp.requests(inventoryPath(PROJECT, ZONE, "4"))).hasSize(1);
    }
}

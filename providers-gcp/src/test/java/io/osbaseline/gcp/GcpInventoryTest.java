package io.osbaseline.gcp;

import static io.osbaseline.gcp.GcpJson.aggregatedPage;
import static io.osbaseline.gcp.GcpJson.aggregatedPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.gcp.GcpJson.Vm;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.SnapshotException;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.groups.Tuple;

/** The Compute Engine listing, through the real InstancesClient against a local REST server. */
class GcpInventoryTest {
    private FakeGcp gcp;

    @BeforeEach
    void start() throws Exception {
        gcp = new FakeGcp();
    }

    @AfterEach
    void stop() {
        gcp.close();
    }

    private static Map<String, List<Vm>> zones(Object... zoneAndVms) {
        Map<String, List<Vm>> byZone = new LinkedHashMap<>();
        for (int i = 0; i < zoneAndVms.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Vm> vms = (List<Vm>) zoneAndVms[i + 1];
            byZone.put((String) zoneAndVms[i], vms);
        }
        return byZone;
    }

    private List<Machine> list(GcpProvider provider) {
        try (Stream<Machine> machines = provider.machines()) {
            return machines.toList();
        }
    }

    @Test
    void listsTheInstancesOfEveryPageAndZone() throws Exception {
        gcp.on(aggregatedPath("prod-proj"), 200, aggregatedPage("prod-proj",
                        zones("europe-west1-b", List.of(Vm.debian("web-1", 1111).withLabels(Map.of("env", "prod")))),
                        List.of("us-east1-b"), "page-2"))
                .on(aggregatedPath("prod-proj"), "page-2", 200, aggregatedPage("prod-proj",
                        zones("us-central1-a", List.of(Vm.debian("win-1", 2222).withLicenses(GcpJson.WINDOWS_2022)
                                .withStatus("TERMINATED"))), List.of(), null));

        try (GcpProvider provider = gcp.provider("prod-proj").build()) {
            List<Machine> machines = list(provider);

            assertThat(machines).extracting(Machine::id).containsExactly(
                    "projects/prod-proj/zones/europe-west1-b/instances/web-1",
                    "projects/prod-proj/zones/us-central1-a/instances/win-1");
            Machine web = machines.get(0);
            assertThat(web.name()).isEqualTo("web-1");
            assertThat(web.osFamily()).isEqualTo(OsFamily.LINUX);
            assertThat(web.cloud()).isEqualTo(Cloud.GCP);
            assertThat(web.region()).isEqualTo("europe-west1");
            assertThat(web.resourceId()).isEqualTo(
                    GcpJson.API + "projects/prod-proj/zones/europe-west1-b/instances/web-1");
            assertThat(web.tags()).containsExactly(Map.entry("env", "prod"));
            assertThat(web.osName()).isNull();
            assertThat(machines.get(1).osFamily()).isEqualTo(OsFamily.WINDOWS);
            assertThat(machines.get(1).region()).isEqualTo("us-central1");
        }
        List<FakeGcp.Request> requests = gcp.requests(aggregatedPath("prod-proj"));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).param("pageToken")).isNull();
        assertThat(requests.get(0).param("maxResults")).isEqualTo("500");
        assertThat(requests.get(0).param("returnPartialSuccess")).isEqualTo("true");
        assertThat(requests.get(1).param("pageToken")).isEqualTo("page-2");
    }

    @Test
    void fetchesAPageOnlyWhenTheMachinesOfThePreviousOneAreTaken() throws Exception {
        gcp.on(aggregatedPath("p-lazy1"), 200, aggregatedPage("p-lazy1",
                        zones("europe-west1-b", List.of(Vm.debian("a", 1), Vm.debian("b", 2))), List.of(), "next"))
                .on(aggregatedPath("p-lazy1"), "next", 200, aggregatedPage("p-lazy1",
                        zones("europe-west1-c", List.of(Vm.debian("c", 3))), List.of(), null));

        try (GcpProvider provider = gcp.provider("p-lazy1").build(); Stream<Machine> machines = provider.machines()) {
            assertThat(gcp.requests()).isEmpty();
            Iterator<Machine> it = machines.iterator();
            assertThat(it.next().name()).isEqualTo("a");
            assertThat(it.next().name()).isEqualTo("b");
            assertThat(gcp.requests()).hasSize(1);
            assertThat(it.next().name()).isEqualTo("c");
            assertThat(gcp.requests()).hasSize(2);
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void osFamilyComesFromTheBootDiskLicensesAndGuestOsFeatures() throws Exception {
        gcp.on(aggregatedPath("p-family"), 200, aggregatedPage("p-family", zones("asia-east1-a", List.of(
                Vm.debian("deb", 1),
                Vm.debian("rhel", 2).withLicenses(GcpJson.RHEL_9),
                Vm.debian("win-feature", 3).withLicenses().withFeatures("MULTI_IP_SUBNET", "WINDOWS"),
                Vm.debian("custom", 4).withLicenses(GcpJson.API + "projects/acme-images/global/licenses/acme-os")
                        .withFeatures("UEFI_COMPATIBLE"),
                Vm.debian("bare", 5).withLicenses().withFeatures())), List.of(), null));

        try (GcpProvider provider = gcp.provider("p-family").build()) {
            assertThat(list(provider)).extracting(Machine::name, Machine::osFamily).containsExactly(
                    Tuple.tuple("deb", OsFamily.LINUX),
                    Tuple.tuple("rhel", OsFamily.LINUX),
                    Tuple.tuple("win-feature", OsFamily.WINDOWS),
                    Tuple.tuple("custom", OsFamily.UNKNOWN),
                    Tuple.tuple("bare", OsFamily.UNKNOWN));
        }
    }

    @Test
    void listsEveryProjectWithTheFilter() throws Exception {
        gcp.on(aggregatedPath("alpha-1"), 200, aggregatedPage("alpha-1",
                        zones("europe-west4-a", List.of(Vm.debian("a", 1))), List.of(), null))
                .on(aggregatedPath("beta-2"), 200, aggregatedPage("beta-2",
                        zones("europe-west4-a", List.of(Vm.debian("a", 7))), List.of(), null));

        try (GcpProvider provider = gcp.provider("alpha-1", "beta-2").filter("labels.env = prod").build()) {
            assertThat(list(provider)).extracting(Machine::id).containsExactly(
                    "projects/alpha-1/zones/europe-west4-a/instances/a",
                    "projects/beta-2/zones/europe-west4-a/instances/a");
        }
        assertThat(gcp.requests()).extracting(r -> r.param("filter")).containsOnly("labels.env = prod");
    }

    @Test
    void aProjectThatCannotBeListedIsAMachineInErrorAndTheNextProjectIsStillListed() throws Exception {
        gcp.on(aggregatedPath("denied-1"), 403, GcpJson.error(403,
                        "Required 'compute.instances.list' permission for 'projects/denied-1'", "PERMISSION_DENIED"))
                .on(aggregatedPath("open-2"), 200, aggregatedPage("open-2",
                        zones("us-west1-a", List.of(Vm.debian("ok", 1))), List.of(), null));

        try (GcpProvider provider = gcp.provider("denied-1", "open-2").build()) {
            List<Machine> machines = list(provider);

            assertThat(machines).extracting(Machine::id)
                    .containsExactly("projects/denied-1", "projects/open-2/zones/us-west1-a/instances/ok");
            assertThat(machines.get(0).cloud()).isEqualTo(Cloud.GCP);
            assertThatThrownBy(() -> provider.collect(machines.get(0)))
                    .isExactlyInstanceOf(SnapshotException.class)
                    .hasMessageStartingWith("cannot list the Compute Engine instances of project denied-1: "
                            + "PERMISSION_DENIED: ")
                    .hasMessageContaining("Required 'compute.instances.list' permission")
                    .hasMessageEndingWith("(the credentials need compute.instances.list on the project "
                            + "(roles/compute.viewer))");
        }
        assertThat(gcp.requests(aggregatedPath("denied-1"))).hasSize(1); // 403 is not retried
    }

    @Test
    void aListingThatBreaksOffKeepsTheMachinesListedAndSaysWhereItStopped() throws Exception {
        gcp.on(aggregatedPath("p-broken"), 200, aggregatedPage("p-broken",
                        zones("europe-west1-b", List.of(Vm.debian("first", 1))), List.of(), "two"))
                .on(aggregatedPath("p-broken"), "two", 500, GcpJson.error(500, "Internal error", "INTERNAL"));

        try (GcpProvider provider = gcp.provider("p-broken").build()) {
            List<Machine> machines = list(provider);

            assertThat(machines).extracting(Machine::id).containsExactly(
                    "projects/p-broken/zones/europe-west1-b/instances/first", "projects/p-broken");
            assertThatThrownBy(() -> provider.collect(machines.get(1))).hasMessageStartingWith(
                    "cannot list the Compute Engine instances of project p-broken beyond the first 1: INTERNAL: ");
        }
    }

    @Test
    void aMalformedBodyIsAMachineInErrorThatSaysSo() throws Exception {
        gcp.on(aggregatedPath("p-garbled"), 200, "{\"items\": {\"zones/europe-west1-b\": {\"instances\": [{\"id\": ");

        try (GcpProvider provider = gcp.provider("p-garbled").build()) {
            List<Machine> machines = list(provider);

            assertThat(machines).extracting(Machine::id).containsExactly("projects/p-garbled");
            assertThatThrownBy(() -> provider.collect(machines.get(0))).hasMessageStartingWith(
                    "cannot list the Compute Engine instances of project p-garbled: unreadable response: ")
                    .hasMessageContaining("line 1 column 58 path $.items.zones/europe-west1-b.instances[0].id");
        }
    }

    @Test
    void anUnreachableZoneIsAMachineInErrorOnce() throws Exception {
        gcp.on(aggregatedPath("p-partial"), 200, aggregatedPage("p-partial",
                        zones("europe-west1-b", List.of(Vm.debian("a", 1))), List.of(), "two", "zones/asia-south2-c"))
                .on(aggregatedPath("p-partial"), "two", 200, aggregatedPage("p-partial",
                        zones("europe-west1-c", List.of(Vm.debian("b", 2))), List.of(), null, "zones/asia-south2-c"));

        try (GcpProvider provider = gcp.provider("p-partial").build()) {
            List<Machine> machines = list(provider);

            assertThat(machines).extracting(Machine::id).containsExactly(
                    "projects/p-partial/zones/europe-west1-b/instances/a", "projects/p-partial/zones/asia-south2-c",
                    "projects/p-partial/zones/europe-west1-c/instances/b");
            assertThatThrownBy(() -> provider.collect(machines.get(1))).hasMessage(
                    "the Compute Engine listing of project p-partial could not reach zones/asia-south2-c; "
                            + "its instances, if any, are not listed");
        }
    }

    @Test
    void throttlingIsRetriedByTheSdk() throws Exception {
        gcp.on(aggregatedPath("p-busy"), 429, GcpJson.error(429, "Rate Limit Exceeded", "RESOURCE_EXHAUSTED"))
                .on(aggregatedPath("p-busy"), 503, GcpJson.error(503, "The service is unavailable", "UNAVAILABLE"))
                .on(aggregatedPath("p-busy"), 200, aggregatedPage("p-busy",
                        zones("europe-west1-b", List.of(Vm.debian("patient", 1))), List.of(), null));

        try (GcpProvider provider = gcp.provider("p-busy").build()) {
            assertThat(list(provider)).extracting(Machine::name).containsExactly("patient");
        }
        assertThat(gcp.requests(aggregatedPath("p-busy"))).hasSize(3);
    }

    @Test
    void anInjectedTransportCarriesTheCalls() throws Exception {
        gcp.on(aggregatedPath("p-transport"), 200, aggregatedPage("p-transport",
                zones("europe-west1-b", List.of(Vm.debian("a", 1))), List.of(), null));
        AtomicInteger connections = new AtomicInteger();
        NetHttpTransport transport = new NetHttpTransport.Builder().setConnectionFactory(url -> {
            connections.incrementAndGet();
            return (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        }).build();

        try (GcpProvider provider = gcp.provider("p-transport").transport(transport).build()) {
            assertThat(list(provider)).hasSize(1);
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void collectRefusesAMachineItDidNotList() throws Exception {
        try (GcpProvider provider = gcp.provider("p-none").build()) {
            Machine stranger = Machine.builder("projects/p-none/zones/europe-west1-b/instances/x").build();

            assertThatThrownBy(() -> provider.collect(stranger)).isExactlyInstanceOf(SnapshotException.class)
                    .hasMessage("machine 'projects/p-none/zones/europe-west1-b/instances/x' was not listed by this "
                            + "gcp provider; collect the machines its machines() lists");
        }
    }
}

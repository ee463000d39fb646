package io.osbaseline.azure;

import static io.osbaseline.azure.Fixtures.SUB;
import static io.osbaseline.azure.Fixtures.SUB2;
import static io.osbaseline.azure.Fixtures.arc;
import static io.osbaseline.azure.Fixtures.page;
import static io.osbaseline.azure.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.UncheckedProviderException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureInventoryTest {
    private static final String VMS = "/subscriptions/%s/providers/Microsoft.Compute/virtualMachines";
    private static final String ARCS = "/subscriptions/%s/providers/Microsoft.HybridCompute/machines";

    private FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private void twoSubscriptions() {
        arm.on("GET", VMS.formatted(SUB), r -> r.call().query().containsKey("$skiptoken")
                ? FakeArm.Reply.json(200, page(null,
                        vm(SUB, "rg-web", "vm-c", "Linux", "running", "rhel", "9.4", "{\"env\":\"dev\"}")))
                : FakeArm.Reply.json(200, page(arm.base() + VMS.formatted(SUB).substring(1)
                        + "?api-version=2025-04-01&$expand=instanceView&$skiptoken=p2",
                        vm(SUB, "rg-web", "vm-a", "Linux", "running", "ubuntu", "22.04", "{\"env\":\"prod\"}"),
                        vm(SUB, "rg-dc", "vm-b", "Windows", "deallocated", "Windows Server 2022 Datacenter",
                                "10.0.20348", "{\"Env\":\"prod\",\"role\":\"dc\"}"))));
        arm.on("GET", ARCS.formatted(SUB), r -> "2".equals(r.call().query().get("page"))
                ? FakeArm.Reply.json(200, page(null,
                        arc(SUB, "rg-arc", "onprem-2", "windows", "Disconnected", "Windows Server 2019 Standard",
                                "10.0.17763.5458", "{}")))
                : FakeArm.Reply.json(200, page(arm.base() + ARCS.formatted(SUB).substring(1)
                        + "?api-version=2024-07-10&page=2",
                        arc(SUB, "rg-arc", "onprem-1", "linux", "Connected", "Ubuntu 22.04.4 LTS",
                                "5.15.0-1051-azure", "{\"env\":\"prod\"}"))));
        arm.json("GET", VMS.formatted(SUB2), page(null,
                vm(SUB2, "rg-x", "vm-d", "Linux", "stopped", "debian", "12", "null")));
        arm.json("GET", ARCS.formatted(SUB2), page(null));
    }

    private AzureInventory inventory(InventoryFilter filter) {
        AzureClients clients = Fixtures.clients(arm);
        return new AzureInventory(clients::compute, clients.arm(), filter);
    }

    @Test
    void listsVmsAndArcMachinesOfEverySubscriptionAcrossPages() {
        twoSubscriptions();
        List<Machine> machines = inventory(new InventoryFilter(List.of(SUB, SUB2), null, Map.of(), true))
                .machines().toList();

        assertThat(machines).extracting(Machine::name)
                .containsExactly("vm-a", "vm-b", "vm-c", "onprem-1", "onprem-2", "vm-d");
        Machine a = machines.get(0);
        assertThat(a.id()).isEqualTo(Fixtures.vmId(SUB, "rg-web", "vm-a"));
        assertThat(a.resourceId()).isEqualTo(a.id());
        assertThat(a.osFamily()).isEqualTo(OsFamily.LINUX);
        assertThat(a.osName()).isEqualTo("ubuntu");
        assertThat(a.osVersion()).isEqualTo("22.04");
        assertThat(a.cloud()).isEqualTo(Cloud.AZURE);
        assertThat(a.region()).isEqualTo("westeurope");
        assertThat(a.tags()).containsExactly(Map.entry("env", "prod"));
        Machine b = machines.get(1);
        assertThat(b.osFamily()).isEqualTo(OsFamily.WINDOWS);
        assertThat(b.osName()).isEqualTo("Windows Server 2022 Datacenter");
        Machine arc1 = machines.get(3);
        assertThat(arc1.id()).isEqualTo(Fixtures.arcId(SUB, "rg-arc", "onprem-1"));
        assertThat(arc1.osFamily()).isEqualTo(OsFamily.LINUX);
        assertThat(arc1.osName()).isEqualTo("Ubuntu 22.04.4 LTS");
        assertThat(arc1.osVersion()).isEqualTo("5.15.0-1051-azure");
        assertThat(machines.get(4).osFamily()).isEqualTo(OsFamily.WINDOWS);
        assertThat(machines.get(5).tags()).isEmpty();

        assertThat(arm.calls()).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer test-token"));
        assertThat(arm.calls("GET", VMS.formatted(SUB))).hasSize(2)
                .allSatisfy(c -> assertThat(c.query()).containsEntry("$expand", "instanceView"));
        assertThat(arm.calls("GET", ARCS.formatted(SUB))).hasSize(2);
    }

    @Test
    void fetchesTheNextPageOnlyWhenTheStreamGetsThere() {
        twoSubscriptions();
        try (Stream<Machine> machines = inventory(new InventoryFilter(List.of(SUB, SUB2), null, Map.of(), true))
                .machines()) {
            Iterator<Machine> it = machines.iterator();
            assertThat(it.next().name()).isEqualTo("vm-a");
            assertThat(arm.calls()).hasSize(1);
            assertThat(it.next().name()).isEqualTo("vm-b");
            assertThat(it.next().name()).isEqualTo("vm-c");
            assertThat(arm.calls()).hasSize(2);
            assertThat(arm.calls("GET", ARCS.formatted(SUB))).isEmpty();
        }
    }

    @Test
    void filtersOnTagsCaseInsensitivelyByNameAndLeavesArcOutWhenAsked() {
        twoSubscriptions();
        List<Machine> prod = inventory(new InventoryFilter(List.of(SUB), null, Map.of("env", "prod"), true))
                .machines().toList();
        assertThat(prod).extracting(Machine::name).containsExactly("vm-a", "vm-b", "onprem-1");

        java.util.Map<String, String> anyRole = new java.util.HashMap<>();
        anyRole.put("role", null);
        List<Machine> vmsOnly = inventory(new InventoryFilter(List.of(SUB), null, anyRole, false)).machines().toList();
        assertThat(vmsOnly).extracting(Machine::name).containsExactly("vm-b");
    }

    @Test
    void listsOneResourceGroupThroughItsOwnListApis() {
        String rgVms = "/subscriptions/" + SUB + "/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines";
        String rgArcs = "/subscriptions/" + SUB + "/resourceGroups/rg-web/providers/Microsoft.HybridCompute/machines";
        arm.json("GET", rgVms, page(null, vm(SUB, "rg-web", "vm-a", "Linux", "running", "ubuntu", "22.04", "{}")));
        arm.json("GET", rgArcs, page(null));

        List<Machine> machines = inventory(new InventoryFilter(List.of(SUB), "rg-web", Map.of(), true))
                .machines().toList();

        assertThat(machines).extracting(Machine::name).containsExactly("vm-a");
        assertThat(arm.calls("GET", rgVms).get(0).query()).containsEntry("$expand", "instanceView");
        assertThat(arm.calls("GET", rgArcs)).hasSize(1);
    }

    @Test
    void aPageThatFailsMidwayEndsTheStreamWithTheListingNamed() {
        arm.json("GET", VMS.formatted(SUB), page(null, vm(SUB, "rg", "vm-a", "Linux", "running", "ubuntu", "22.04",
                "{}")));
        arm.on("GET", ARCS.formatted(SUB), r -> FakeArm.Reply.json(403, """
                {"error":{"code":"AuthorizationFailed","message":"The client does not have authorization to perform \
                action 'Microsoft.HybridCompute/machines/read'"}}"""));

        Iterator<Machine> it = inventory(new InventoryFilter(List.of(SUB), null, Map.of(), true)).machines()
                .iterator();
        assertThat(it.next().name()).isEqualTo("vm-a");
        assertThatThrownBy(it::hasNext).isInstanceOf(UncheckedProviderException.class)
                .hasMessageContaining("cannot list the Arc machines of subscription " + SUB)
                .hasMessageContaining("HTTP 403: AuthorizationFailed")
                .hasMessageContaining("Microsoft.HybridCompute/machines/read");
    }

    @Test
    void aMalformedPageNamesTheRequestAndShowsTheBody() {
        arm.json("GET", VMS.formatted(SUB), page(null));
        arm.on("GET", ARCS.formatted(SUB), r -> FakeArm.Reply.json(200, "<html>gateway error</html>"));

        assertThatThrownBy(() -> inventory(new InventoryFilter(List.of(SUB), null, Map.of(), true)).machines()
                .toList()).isInstanceOf(UncheckedProviderException.class)
                .hasMessageContaining("malformed JSON from GET https://127.0.0.1:" + arm.port())
                .hasMessageContaining("<html>gateway error</html>");
    }

    @Test
    void aVmListingErrorNamesTheSubscriptionAndAzuresCode() {
        arm.on("GET", VMS.formatted(SUB), r -> FakeArm.Reply.json(404, """
                {"error":{"code":"SubscriptionNotFound","message":"The subscription could not be found."}}"""));

        assertThatThrownBy(() -> inventory(new InventoryFilter(List.of(SUB), null, Map.of(), false)).machines()
                .toList()).isInstanceOf(UncheckedProviderException.class)
                .hasMessageContaining("cannot list the VMs of subscription " + SUB)
                .hasMessageContaining("SubscriptionNotFound");
    }
}

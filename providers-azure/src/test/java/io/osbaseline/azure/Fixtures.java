package io.osbaseline.azure;

import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.RetryPolicy;
import java.time.Duration;

/** Response bodies shaped like ARM's, and client settings that keep tests fast. */
final class Fixtures {
    static final String SUB = FakeArm.SUB;
    static final String SUB2 = "00000000-0000-0000-0000-000000000002";

    private Fixtures() {
    }

    /** Two retries, 10 ms apart (a Retry-After header still wins). */
    static RetryPolicy fastRetries() {
        return new RetryPolicy(new FixedDelay(2, Duration.ofMillis(10)));
    }

    static AzureClients clients(FakeArm arm) {
        return new AzureClients(FakeArm.credential(), arm.profile(), FakeArm.httpClient(), fastRetries(),
                Duration.ofMillis(5));
    }

    static String vmId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Compute/virtualMachines/" + name;
    }

    static String arcId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.HybridCompute/machines/" + name;
    }

    /** A VM list item with its instance view, as {@code $expand=instanceView} returns it. */
    static String vm(String sub, String rg, String name, String osType, String power, String osName,
            String osVersion, String tagsJson) {
        return """
            {"id":"%s","name":"%s","type":"Microsoft.Compute/virtualMachines","location":"westeurope","tags":%s,
             "properties":{"vmId":"11111111-2222-3333-4444-%012d","hardwareProfile":{"vmSize":"Standard_B2s"},
              "storageProfile":{"imageReference":{"publisher":"Canonical","offer":"0001-com-ubuntu-server-jammy",
                 "sku":"22_04-lts-gen2","version":"latest"},
               "osDisk":{"osType":"%s","name":"%s-os","createOption":"FromImage"}},
              "osProfile":{"computerName":"%s","adminUsername":"azureuser"},"provisioningState":"Succeeded",
              "instanceView":{"computerName":"%s","osName":"%s","osVersion":"%s",
               "statuses":[{"code":"ProvisioningState/succeeded","level":"Info"},
                           {"code":"PowerState/%s","level":"Info","displayStatus":"VM %s"}]}}}
            """.formatted(vmId(sub, rg, name), name, tagsJson, Math.abs(name.hashCode()), osType, name, name, name,
                osName, osVersion, power, power);
    }

    static String arc(String sub, String rg, String name, String osType, String status, String osSku,
            String osVersion, String tagsJson) {
        return """
            {"id":"%s","name":"%s","type":"Microsoft.HybridCompute/machines","location":"westeurope","tags":%s,
             "properties":{"status":"%s","lastStatusChange":"2026-11-27T08:00:00Z","osName":"%s","osType":"%s",
              "osVersion":"%s","osSku":"%s","vmId":"aaaaaaaa-bbbb-cccc-dddd-%012d","machineFqdn":"%s.contoso.local",
              "agentVersion":"1.40.02664.1629","provisioningState":"Succeeded"}}
            """.formatted(arcId(sub, rg, name), name, tagsJson, status, osType, osType, osVersion, osSku,
                Math.abs(name.hashCode()), name);
    }

    /** A list page: {@code {"value":[items],"nextLink":next}}. */
    static String page(String nextLink, String... items) {
        return "{\"value\":[" + String.join(",", items) + "]"
                + (nextLink == null ? "" : ",\"nextLink\":\"" + nextLink + "\"") + "}";
    }
}

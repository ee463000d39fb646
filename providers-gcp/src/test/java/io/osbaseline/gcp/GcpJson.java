package io.osbaseline.gcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Response bodies shaped like Compute Engine's and OS Config's REST JSON, and the paths the SDK requests. */
final class GcpJson {
    static final String API = "https://www.googleapis.com/compute/v1/";
    static final String DEBIAN_12 = API + "projects/debian-cloud/global/licenses/debian-12-bookworm";
    static final String RHEL_9 = API + "projects/rhel-cloud/global/licenses/rhel-9-server";
    static final String WINDOWS_2022 = API + "projects/windows-cloud/global/licenses/windows-server-2022-dc";

    private GcpJson() {
    }

    /** An instance as the listing shows it; change it with the withers. */
    record Vm(String name, long id, String status, List<String> licenses, List<String> guestOsFeatures,
            Map<String, String> labels) {
        static Vm debian(String name, long id) {
            return new Vm(name, id, "RUNNING", List.of(DEBIAN_12), List.of("UEFI_COMPATIBLE", "GVNIC"), Map.of());
        }

        Vm withStatus(String status) {
            return new Vm(name, id, status, licenses, guestOsFeatures, labels);
        }

        Vm withLicenses(String... licenses) {
            return new Vm(name, id, status, List.of(licenses), guestOsFeatures, labels);
        }

        Vm withFeatures(String... features) {
            return new Vm(name, id, status, licenses, List.of(features), labels);
        }

        Vm withLabels(Map<String, String> labels) {
            return new Vm(name, id, status, licenses, guestOsFeatures, labels);
        }
    }

    static String aggregatedPath(String project) {
        return "/compute/v1/projects/" + project + "/aggregated/instances";
    }

    static String inventoriesPath(String project, String zone) {
        return "/v1/projects/" + project + "/locations/" + zone + "/instances/-/inventories";
    }

    static String inventoryPath(String project, String zone, String instance) {
        return "/v1/projects/" + project + "/locations/" + zone + "/instances/" + instance + "/inventory";
    }

    static String instance(String project, String zone, Vm vm) {
        String zoneUrl = API + "projects/" + project + "/zones/" + zone;
        String licenses = vm.licenses().stream().map(GcpJson::q).collect(Collectors.joining(","));
        String features = vm.guestOsFeatures().stream().map(f -> "{\"type\":" + q(f) + "}")
                .collect(Collectors.joining(","));
        return """
                {"kind":"compute#instance","id":"%d","name":%s,"status":%s,"zone":%s,"selfLink":%s,
                 "machineType":%s,"labels":%s,"labelFingerprint":"42WmSpB8rSM=",
                 "disks":[{"kind":"compute#attachedDisk","type":"PERSISTENT","mode":"READ_WRITE","boot":true,
                   "deviceName":"persistent-disk-0","index":0,"architecture":"X86_64","diskSizeGb":"10",
                   "source":%s,"licenses":[%s],"guestOsFeatures":[%s]}]}"""
                .formatted(vm.id(), q(vm.name()), q(vm.status()), q(zoneUrl), q(zoneUrl + "/instances/" + vm.name()),
                        q(zoneUrl + "/machineTypes/e2-medium"), object(vm.labels()), q(zoneUrl + "/disks/" + vm.name()),
                        licenses, features);
    }

    /**
     * One page of {@code aggregatedList}: the instances by zone, {@code emptyZones} with the warning the API gives
     * them, and the next page token (null on the last page).
     */
    static String aggregatedPage(String project, Map<String, List<Vm>> byZone, List<String> emptyZones,
            String nextPageToken, String... unreachables) {
        List<String> items = new ArrayList<>();
        byZone.forEach((zone, vms) -> items.add(q("zones/" + zone) + ":{\"instances\":["
                + vms.stream().map(vm -> instance(project, zone, vm)).collect(Collectors.joining(",")) + "]}"));
        for (String zone : emptyZones) {
            items.add(q("zones/" + zone) + ":{\"warning\":{\"code\":\"NO_RESULTS_ON_PAGE\",\"message\":"
                    + q("There are no results for scope 'zones/" + zone + "' on this page.")
                    + ",\"data\":[{\"key\":\"scope\",\"value\":" + q("zones/" + zone) + "}]}}");
        }
        String unreachable = List.of(unreachables).stream().map(GcpJson::q).collect(Collectors.joining(","));
        return "{\"kind\":\"compute#instanceAggregatedList\",\"id\":" + q("projects/" + project
                + "/aggregated/instances") + ",\"items\":{" + String.join(",", items) + "},"
                + "\"selfLink\":" + q(API + "projects/" + project + "/aggregated/instances")
                + (unreachables.length > 0 ? ",\"unreachables\":[" + unreachable + "]" : "")
                + (nextPageToken == null ? "" : ",\"nextPageToken\":" + q(nextPageToken)) + "}";
    }

    static String osInfo(String shortName, String longName, String version) {
        return """
                {"hostname":"host","longName":%s,"shortName":%s,"version":%s,"architecture":"x86_64",
                 "kernelVersion":"#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1","kernelRelease":"6.1.0-18-cloud-amd64",
                 "osconfigAgentVersion":"20240320.00-g1"}""".formatted(q(longName), q(shortName), q(version));
    }

    static String debian12() {
        return osInfo("debian", "Debian GNU/Linux 12 (bookworm)", "12");
    }

    static String windows2022() {
        return osInfo("windows", "Microsoft Windows Server 2022 Datacenter", "10.0.20348");
    }

    /** An inventory of instance {@code instanceId}, named with the project number as the service names it. */
    static String inventory(String projectNumber, String zone, String instanceId, String osInfo, String... items) {
        return "{\"name\":" + q("projects/" + projectNumber + "/locations/" + zone + "/instances/" + instanceId
                + "/inventory") + (osInfo == null ? "" : ",\"osInfo\":" + osInfo)
                + ",\"items\":{" + String.join(",", items) + "},\"updateTime\":\"2024-05-01T10:00:00.123Z\"}";
    }

    static String inventoriesPage(String nextPageToken, String... inventories) {
        return "{\"inventories\":[" + String.join(",", inventories) + "]"
                + (nextPageToken == null ? "" : ",\"nextPageToken\":" + q(nextPageToken)) + "}";
    }

    /** An installed package item; {@code kind} is the package field, for example {@code aptPackage}. */
    static String installed(String kind, String packageJson) {
        return item("INSTALLED_PACKAGE", "installedPackage", kind, packageJson);
    }

    /** An update the package manager offers, not installed. */
    static String available(String kind, String packageJson) {
        return item("AVAILABLE_PACKAGE", "availablePackage", kind, packageJson);
    }

    private static String item(String type, String field, String kind, String packageJson) {
        String id = field + "-" + kind + "-" + Integer.toHexString(packageJson.hashCode());
        return q(id) + ":{\"id\":" + q(id) + ",\"originType\":\"INVENTORY_REPORT\",\"type\":" + q(type)
                + ",\"createTime\":\"2024-05-01T10:00:00Z\",\"updateTime\":\"2024-05-01T10:00:00Z\","
                + q(field) + ":{" + q(kind) + ":" + packageJson + "}}";
    }

    static String apt(String name, String version) {
        return installed("aptPackage", versioned(name, "amd64", version));
    }

    static String versioned(String name, String architecture, String version) {
        return "{\"packageName\":" + q(name) + ",\"architecture\":" + q(architecture) + ",\"version\":" + q(version)
                + "}";
    }

    static String error(int code, String message, String status) {
        return "{\"error\":{\"code\":" + code + ",\"message\":" + q(message) + ",\"errors\":[{\"message\":"
                + q(message) + ",\"domain\":\"global\",\"reason\":\"" + status.toLowerCase() + "\"}],\"status\":"
                + q(status) + "}}";
    }

    static String object(Map<String, String> map) {
        return map.entrySet().stream().map(e -> q(e.getKey()) + ":" + q(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A JSON string. */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

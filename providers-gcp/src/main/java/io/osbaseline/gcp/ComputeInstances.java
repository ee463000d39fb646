package io.osbaseline.gcp;

import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.GuestOsFeature;
import com.google.cloud.compute.v1.Instance;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import java.util.List;
import java.util.Set;
import javax.annotation.CheckForNull;

/** Maps Compute Engine instances to machines. Compute Engine has no OS field: the boot disk tells what it can. */
final class ComputeInstances {
    /** The projects that publish Google's Windows images; their licenses mark a Windows boot disk. */
    static final Set<String> WINDOWS_IMAGE_PROJECTS = Set.of("windows-cloud", "windows-sql-cloud");

    /** The projects that publish the public Linux images; their licenses mark a Linux boot disk. */
    static final Set<String> LINUX_IMAGE_PROJECTS = Set.of("almalinux-cloud", "centos-cloud", "cos-cloud",
            "debian-cloud", "fedora-cloud", "fedora-coreos-cloud", "opensuse-cloud", "oracle-linux-cloud",
            "rhel-cloud", "rhel-sap-cloud", "rocky-linux-cloud", "suse-byos-cloud", "suse-cloud", "suse-sap-cloud",
            "ubuntu-os-cloud", "ubuntu-os-pro-cloud");

    private ComputeInstances() {
    }

    /** The id of a machine: {@code projects/P/zones/Z/instances/NAME}, readable and unique across projects. */
    static String machineId(String project, String zone, String name) {
        return "projects/" + project + "/zones/" + zone + "/instances/" + name;
    }

    /** The zone of an aggregatedList scope such as {@code zones/europe-west1-b}; null for other scopes. */
    @CheckForNull
    static String zoneOfScope(String scope) {
        return scope.startsWith("zones/") && scope.length() > "zones/".length() ? scope.substring("zones/".length())
                : null;
    }

    /** {@code europe-west1-b} -> {@code europe-west1}. */
    static String regionOfZone(String zone) {
        int dash = zone.lastIndexOf('-');
        return dash > 0 ? zone.substring(0, dash) : zone;
    }

    static Machine machine(String project, String zone, Instance instance) {
        String id = machineId(project, zone, instance.getName());
        return Machine.builder(id)
                .name(instance.getName())
                .osFamily(osFamily(instance))
                .cloud(Cloud.GCP)
                .region(regionOfZone(zone))
                .resourceId(instance.getSelfLink().isEmpty() ? id : instance.getSelfLink())
                .tags(instance.getLabelsMap())
                .build();
    }

    static ListedInstance listed(String project, String zone, Instance instance) {
        return new ListedInstance(project, zone, instance.getName(), Long.toUnsignedString(instance.getId()),
                instance.getStatus());
    }

    /**
     * WINDOWS when the boot disk has a license from a Windows image project or the WINDOWS guest OS feature, LINUX
     * when it has a license from a public Linux image project, UNKNOWN otherwise (custom images): the OS Config
     * inventory then tells at collection time.
     */
    static OsFamily osFamily(Instance instance) {
        AttachedDisk boot = instance.getDisksList().stream().filter(AttachedDisk::getBoot).findFirst().orElse(null);
        if (boot == null) {
            return OsFamily.UNKNOWN;
        }
        List<String> licenseProjects = boot.getLicensesList().stream().map(ComputeInstances::licenseProject).toList();
        boolean windowsFeature = boot.getGuestOsFeaturesList().stream().map(GuestOsFeature::getType)
                .anyMatch("WINDOWS"::equals);
        if (windowsFeature || licenseProjects.stream().anyMatch(WINDOWS_IMAGE_PROJECTS::contains)) {
            return OsFamily.WINDOWS;
        }
        if (licenseProjects.stream().anyMatch(LINUX_IMAGE_PROJECTS::contains)) {
            return OsFamily.LINUX;
        }
        return OsFamily.UNKNOWN;
    }

    /** The project of a license URL ({@code .../projects/debian-cloud/global/licenses/debian-12-bookworm}). */
    static String licenseProject(String license) {
        String[] parts = license.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("projects")) {
                return parts[i + 1];
            }
        }
        return "";
    }
}

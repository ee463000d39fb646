package io.osbaseline.azure;

import java.util.Locale;

/**
 * The parts of an ARM resource id this provider needs:
 * {@code /subscriptions/S/resourceGroups/RG/providers/NAMESPACE/TYPE/NAME}.
 *
 * @param id the id as Azure returned it
 * @param subscription the subscription id
 * @param resourceGroup the resource group
 * @param type {@code NAMESPACE/TYPE}, for example {@code Microsoft.Compute/virtualMachines}
 * @param name the resource's name
 */
record AzureResourceId(String id, String subscription, String resourceGroup, String type, String name) {
    static final String VIRTUAL_MACHINE = "Microsoft.Compute/virtualMachines";
    static final String ARC_MACHINE = "Microsoft.HybridCompute/machines";

    /**
     * Parses a top-level resource id.
     *
     * @throws IllegalArgumentException when {@code id} is not one
     */
    static AzureResourceId parse(String id) {
        String[] p = id.startsWith("/") ? id.substring(1).split("/") : id.split("/");
        if (p.length != 8 || !p[0].equalsIgnoreCase("subscriptions") || !p[2].equalsIgnoreCase("resourceGroups")
                || !p[4].equalsIgnoreCase("providers")) {
            throw new IllegalArgumentException("not an Azure resource id of the form "
                    + "/subscriptions/S/resourceGroups/RG/providers/NAMESPACE/TYPE/NAME: " + id);
        }
        return new AzureResourceId(id, p[1], p[3], p[5] + "/" + p[6], p[7]);
    }

    boolean isVirtualMachine() {
        return type.equalsIgnoreCase(VIRTUAL_MACHINE);
    }

    boolean isArcMachine() {
        return type.equalsIgnoreCase(ARC_MACHINE);
    }

    /** "VM" or "Arc machine", for messages. */
    String kind() {
        return isArcMachine() ? "Arc machine" : isVirtualMachine() ? "VM" : type.toLowerCase(Locale.ROOT);
    }
}

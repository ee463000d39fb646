package io.osbaseline.azure;

import java.util.List;
import java.util.Map;
import javax.annotation.CheckForNull;

/**
 * Which machines the inventory lists.
 *
 * @param subscriptions the subscriptions to list, in order
 * @param resourceGroup only this resource group, or all
 * @param tags tags a machine must all carry; a null value means any value
 * @param includeArc whether Azure Arc machines are listed along with the VMs
 */
record InventoryFilter(List<String> subscriptions, @CheckForNull String resourceGroup, Map<String, String> tags,
        boolean includeArc) {
    InventoryFilter {
        subscriptions = List.copyOf(subscriptions);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("at least one subscription is needed");
        }
    }

    /** Whether a machine with these tags passes the tag filter; tag names compare case-insensitively, as in Azure. */
    boolean matches(@CheckForNull Map<String, String> machineTags) {
        for (Map.Entry<String, String> wanted : tags.entrySet()) {
            String value = null;
            boolean present = false;
            if (machineTags != null) {
                for (Map.Entry<String, String> t : machineTags.entrySet()) {
                    if (t.getKey().equalsIgnoreCase(wanted.getKey())) {
                        present = true;
                        value = t.getValue();
                    }
                }
            }
            if (!present || (wanted.getValue() != null && !wanted.getValue().equals(value))) {
                return false;
            }
        }
        return true;
    }
}

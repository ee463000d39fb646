package io.osbaseline.gcp;

import com.google.cloud.osconfig.v1.Inventory;
import com.google.cloud.osconfig.v1.InventoryView;
import com.google.cloud.osconfig.v1.ListInventoriesRequest;
import com.google.cloud.osconfig.v1.OsConfigZonalServiceClient;
import io.osbaseline.provider.SnapshotException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS Config inventories of one zone, listed once with one paged {@code listInventories} call (the {@code -}
 * wildcard stands for every instance of the zone; there is none for zones) on the first instance collected there.
 * Each inventory is read into facts at once and handed out once: {@link #take} removes it, so the zone's memory
 * shrinks as its instances are assessed. A listing that fails is remembered, so the zone's other instances fail
 * with the same reason without calling the service again.
 */
final class ZoneInventories {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneInventories.class);
    static final String INVENTORY_VIEWER = "osconfig.inventories.list in the project (roles/osconfig.inventoryViewer)";

    private final OsConfigZonalServiceClient client;
    private final String project;
    private final String zone;
    @Nullable
    private Map<String, InventoryContent> byInstance;
    @Nullable
    private String failure;

    ZoneInventories(OsConfigZonalServiceClient client, String project, String zone) {
        this.client = client;
        this.project = project;
        this.zone = zone;
    }

    /**
     * The inventory of {@code instance}, removed from the zone's; empty when the zone's listing has none for it (or it
     * was taken before).
     *
     * @throws SnapshotException when the zone's inventories cannot be listed
     */
    synchronized Optional<InventoryContent> take(ListedInstance instance) throws SnapshotException {
        if (byInstance == null && failure == null) {
            load();
        }
        if (failure != null) {
            throw new SnapshotException(failure);
        }
        InventoryContent found = byInstance.remove(instance.instanceId());
        return Optional.ofNullable(found != null ? found : byInstance.remove(instance.name()));
    }

    private void load() {
        ListInventoriesRequest request = ListInventoriesRequest.newBuilder()
                .setParent("projects/" + project + "/locations/" + zone + "/instances/-")
                .setView(InventoryView.FULL)
                .build();
        Map<String, InventoryContent> read = new HashMap<>();
        try {
            for (Inventory inventory : client.listInventories(request).iterateAll()) {
                String instance = instanceOf(inventory.getName());
                if (instance == null) {
                    LOG.warn("zone {} of project {}: skipped an inventory with an unexpected name '{}'", zone, project,
                            inventory.getName());
                } else {
                    read.put(instance, InventoryContent.of(inventory));
                }
            }
        } catch (RuntimeException e) { // ApiException, or a body the SDK cannot parse
            failure = "cannot list the OS Config inventories of zone " + zone + " in project " + project + ": "
                    + ApiErrors.describe(e, INVENTORY_VIEWER);
            LOG.warn(failure);
            return;
        }
        LOG.debug("zone {} of project {}: {} inventories", zone, project, read.size());
        byInstance = read;
    }

    /** The instance segment of {@code projects/P/locations/Z/instances/I/inventory}, or null. */
    @CheckForNull
    static String instanceOf(String inventoryName) {
        String[] parts = inventoryName.split("/");
        return parts.length == 7 && parts[4].equals("instances") && parts[6].equals("inventory") && !parts[5].isEmpty()
                ? parts[5] : null;
    }
}

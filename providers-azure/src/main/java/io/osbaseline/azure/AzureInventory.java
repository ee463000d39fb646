package io.osbaseline.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.VirtualMachinesClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInstanceViewInner;
import com.azure.resourcemanager.compute.models.ExpandTypeForListVMs;
import com.azure.resourcemanager.compute.models.ExpandTypesForListVMs;
import com.azure.resourcemanager.compute.models.ImageReference;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.UncheckedProviderException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * Lists VMs (through azure-resourcemanager's compute client, with their instance view for the OS name and version) and Arc machines
 * (raw REST through the same pipeline), subscription after subscription, one page at a time.
 */
final class AzureInventory {
    static final String ARC_API_VERSION = "2024-07-10";

    private final Function<String, ComputeManagementClient> compute;
    private final ArmRest arm;
    private final InventoryFilter filter;

    AzureInventory(Function<String, ComputeManagementClient> compute, ArmRest arm, InventoryFilter filter) {
        this.compute = compute;
        this.arm = arm;
        this.filter = filter;
    }

    /** The machines, lazily: a page is fetched when the previous one is used up. */
    Stream<Machine> machines() {
        Iterator<Iterator<Machine>> sources = filter.subscriptions().stream()
                .flatMap(s -> filter.includeArc() ? Stream.of(vms(s), arcMachines(s)) : Stream.of(vms(s)))
                .iterator();
        Iterator<Machine> all = new Concat(sources);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    private Iterator<Machine> vms(String subscription) {
        Supplier<Iterator<VirtualMachineInner>> items = () -> {
            VirtualMachinesClient client = compute.apply(subscription).getVirtualMachines();
            return filter.resourceGroup() == null
                    ? client.list(null, null, ExpandTypesForListVMs.INSTANCE_VIEW, Context.NONE).iterator()
                    : client.listByResourceGroup(filter.resourceGroup(), null, ExpandTypeForListVMs.INSTANCE_VIEW,
                            Context.NONE).iterator();
        };
        String what = "VMs of subscription " + subscription
                + (filter.resourceGroup() == null ? "" : " resource group " + filter.resourceGroup());
        return new Mapped<>(items, what, vm -> filter.matches(vm.tags()) ? vmMachine(vm) : null);
    }

    private Iterator<Machine> arcMachines(String subscription) {
        String path = "/subscriptions/" + subscription
                + (filter.resourceGroup() == null ? "" : "/resourceGroups/" + filter.resourceGroup())
                + "/providers/" + AzureResourceId.ARC_MACHINE + "?api-version=" + ARC_API_VERSION;
        String what = "Arc machines of subscription " + subscription
                + (filter.resourceGroup() == null ? "" : " resource group " + filter.resourceGroup());
        return new Mapped<>(() -> arm.list(arm.url(path)), what, node -> {
            Map<String, String> tags = tags(node.path("tags"));
            return filter.matches(tags) ? arcMachine(node, tags) : null;
        });
    }

    static Machine vmMachine(VirtualMachineInner vm) {
        OsFamily family = OsFamily.UNKNOWN;
        ImageReference image = null;
        if (vm.storageProfile() != null) {
            image = vm.storageProfile().imageReference();
            if (vm.storageProfile().osDisk() != null) {
                OperatingSystemTypes os = vm.storageProfile().osDisk().osType();
                family = os == OperatingSystemTypes.LINUX ? OsFamily.LINUX
                        : os == OperatingSystemTypes.WINDOWS ? OsFamily.WINDOWS : OsFamily.UNKNOWN;
            }
        }
        VirtualMachineInstanceViewInner view = vm.instanceView();
        String osName = view != null && view.osName() != null ? view.osName()
                : image != null && image.offer() != null ? image.offer() : null;
        String osVersion = view != null && view.osVersion() != null ? view.osVersion()
                : image != null && image.sku() != null ? image.sku() : null;
        return Machine.builder(vm.id()).name(vm.name()).osFamily(family).osName(osName).osVersion(osVersion)
                .cloud(Cloud.AZURE).region(vm.location()).resourceId(vm.id())
                .tags(vm.tags() == null ? Map.of() : vm.tags()).build();
    }

    static Machine arcMachine(JsonNode node, Map<String, String> tags) {
        String id = text(node, "id");
        if (id == null) {
            throw new IllegalArgumentException("an Arc machine without \"id\": " + ArmRest.shorten(node.toString()));
        }
        JsonNode p = node.path("properties");
        String osType = text(p, "osType");
        OsFamily family = osType == null ? OsFamily.UNKNOWN
                : switch (osType.toLowerCase(Locale.ROOT)) {
                    case "linux" -> OsFamily.LINUX;
                    case "windows" -> OsFamily.WINDOWS;
                    default -> OsFamily.UNKNOWN;
                };
        String osName = text(p, "osSku") != null ? text(p, "osSku") : text(p, "osName");
        return Machine.builder(id).name(text(node, "name")).osFamily(family).osName(osName)
                .osVersion(text(p, "osVersion")).cloud(Cloud.AZURE).region(text(node, "location")).resourceId(id)
                .tags(tags).build();
    }

    static Map<String, String> tags(JsonNode tags) {
        if (!tags.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        tags.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @CheckForNull
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? v.asText() : null;
    }

    /**
     * Maps items to machines, skipping those the mapper filters out (null), and names the listing in failures. The
     * listing starts when the first machine is asked for, so that a subscription is listed only when reached.
     */
    private static final class Mapped<T> implements Iterator<Machine> {
        private final Supplier<Iterator<T>> listing;
        private @Nullable Iterator<T> items;
        private final String what;
        private final Function<T, Machine> mapper;
        private @Nullable Machine next;

        Mapped(Supplier<Iterator<T>> listing, String what, Function<T, Machine> mapper) {
            this.listing = listing;
            this.what = what;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            try {
                if (items == null) {
                    items = listing.get();
                }
                while (next == null && items.hasNext()) {
                    next = mapper.apply(items.next());
                }
            } catch (ArmRest.PageFailure e) {
                throw new UncheckedProviderException(new ProviderException("cannot list the " + what + ": "
                        + e.getCause().getMessage(), e.getCause()));
            } catch (RuntimeException e) {
                throw new UncheckedProviderException(new ProviderException("cannot list the " + what + ": "
                        + AzureErrors.describe(e), e));
            }
            return next != null;
        }

        @Override
        public Machine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Machine m = next;
            next = null;
            return m;
        }
    }

    /** Iterates over the iterators one after the other. */
    private static final class Concat implements Iterator<Machine> {
        private final Iterator<Iterator<Machine>> sources;
        private Iterator<Machine> current = Collections.emptyIterator();

        Concat(Iterator<Iterator<Machine>> sources) {
            this.sources = sources;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && sources.hasNext()) {
                current = sources.next();
            }
            return current.hasNext();
        }

        @Override
        public Machine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}

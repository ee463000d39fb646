package io.osbaseline.aws;

import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.UncheckedProviderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.PlatformType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * Lists the machines of the selected regions, page by page: the EC2 instances (DescribeInstances), each enriched with
 * what SSM knows of it (DescribeInstanceInformation, looked up for the ids of one page at a time), then, when asked,
 * the SSM hybrid nodes ({@code mi-...}: servers outside EC2 registered with Systems Manager).
 */
final class Inventory {
    /** EC2 instances per page; the SSM look-up of one page takes two calls. */
    static final int EC2_PAGE_SIZE = 100;
    /** Ids per DescribeInstanceInformation filter. */
    static final int SSM_BATCH = 50;
    static final String HYBRID_PREFIX = "mi-";

    private final AwsClients clients;
    private final Selection selection;

    Inventory(AwsClients clients, Selection selection) {
        this.clients = clients;
        this.selection = selection;
    }

    /** The machines of {@code regions}, EC2 instances first, then hybrid nodes, region by region. */
    Stream<Machine> machines(List<Region> regions) {
        return regions.stream().flatMap(region -> Stream.concat(
                selection.listsEc2() ? ec2Machines(region) : Stream.empty(),
                selection.listsHybrid() ? hybridMachines(region) : Stream.empty()));
    }

    private Stream<Machine> ec2Machines(Region region) {
        DescribeInstancesRequest.Builder request = DescribeInstancesRequest.builder().maxResults(EC2_PAGE_SIZE);
        List<Filter> filters = new ArrayList<>();
        // the instance-id filter rather than InstanceIds, which EC2 refuses together with MaxResults
        if (!selection.ec2Ids().isEmpty()) {
            filters.add(Filter.builder().name("instance-id").values(selection.ec2Ids()).build());
        }
        selection.tags().forEach((k, v) -> filters.add(Filter.builder().name("tag:" + k).values(v).build()));
        if (!filters.isEmpty()) {
            request.filters(filters);
        }
        Ec2Client ec2 = clients.ec2(region);
        return guarded(() -> ec2.describeInstancesPaginator(request.build()).iterator(),
                "cannot list the EC2 instances of " + region.id())
                .flatMap(page -> ec2Page(region, page).stream());
    }

    private List<Machine> ec2Page(Region region, DescribeInstancesResponse page) {
        List<Instance> instances = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Reservation r : page.reservations()) {
            for (Instance i : r.instances()) {
                instances.add(i);
                owners.put(i.instanceId(), r.ownerId());
            }
        }
        Map<String, InstanceInformation> managed = managedNodes(region,
                instances.stream().map(Instance::instanceId).toList());
        List<Machine> machines = new ArrayList<>(instances.size());
        for (Instance i : instances) {
            machines.add(ec2Machine(region, i, owners.get(i.instanceId()), managed.get(i.instanceId())));
        }
        return machines;
    }

    static Machine ec2Machine(Region region, Instance i, @Nullable String owner, @Nullable InstanceInformation node) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : i.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        Machine.Builder b = Machine.builder(i.instanceId())
                .name(tags.get("Name"))
                .cloud(Cloud.AWS)
                .region(region.id())
                .resourceId(arn(region, "ec2", owner, "instance/" + i.instanceId()))
                .tags(tags);
        if (node != null && node.platformType() != null && node.platformType() != PlatformType.UNKNOWN_TO_SDK_VERSION) {
            b.osFamily(family(node.platformType())).osName(node.platformName()).osVersion(node.platformVersion());
        } else {
            // EC2 only tells Windows from everything else ("Linux/UNIX", or the licensed distribution's name)
            b.osFamily("windows".equalsIgnoreCase(i.platformAsString()) ? OsFamily.WINDOWS : OsFamily.LINUX)
                    .osName(i.platformDetails());
        }
        return b.build();
    }

    /** What SSM knows of these instance ids, by id; instances it does not manage are absent. */
    Map<String, InstanceInformation> managedNodes(Region region, List<String> ids) {
        Map<String, InstanceInformation> found = new HashMap<>();
        SsmClient ssm = clients.ssm(region);
        for (int from = 0; from < ids.size(); from += SSM_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + SSM_BATCH));
            DescribeInstanceInformationRequest request = DescribeInstanceInformationRequest.builder()
                    .filters(InstanceInformationStringFilter.builder().key("InstanceIds").values(batch).build())
                    .build();
            try {
                ssm.describeInstanceInformationPaginator(request).instanceInformationList()
                        .forEach(n -> found.put(n.instanceId(), n));
            } catch (SdkException e) {
                throw new UncheckedProviderException(new ProviderException("cannot look up the SSM managed nodes of "
                        + region.id() + ": " + AwsErrors.describe(e), e));
            }
        }
        return found;
    }

    private Stream<Machine> hybridMachines(Region region) {
        List<InstanceInformationStringFilter> filters = new ArrayList<>();
        filters.add(InstanceInformationStringFilter.builder().key("ResourceType").values("ManagedInstance").build());
        if (!selection.hybridIds().isEmpty()) {
            filters.add(InstanceInformationStringFilter.builder().key("InstanceIds").values(selection.hybridIds())
                    .build());
        }
        selection.tags().forEach((k, v) -> filters.add(
                InstanceInformationStringFilter.builder().key("tag:" + k).values(v).build()));
        SsmClient ssm = clients.ssm(region);
        DescribeInstanceInformationRequest request = DescribeInstanceInformationRequest.builder().filters(filters)
                .build();
        return guarded(() -> ssm.describeInstanceInformationPaginator(request).iterator(),
                "cannot list the SSM hybrid nodes of " + region.id())
                .flatMap(page -> page.instanceInformationList().stream())
                .filter(n -> n.instanceId() != null && n.instanceId().startsWith(HYBRID_PREFIX))
                .map(n -> hybridMachine(region, n, hybridTags(ssm, region, n.instanceId())));
    }

    private static Map<String, String> hybridTags(SsmClient ssm, Region region, String id) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE).resourceId(id))
                    .tagList().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
            return tags;
        } catch (SdkException e) {
            throw new UncheckedProviderException(new ProviderException("cannot read the tags of SSM hybrid node " + id
                    + " in " + region.id() + ": " + AwsErrors.describe(e), e));
        }
    }

    static Machine hybridMachine(Region region, InstanceInformation n, Map<String, String> tags) {
        String name = n.name() != null && !n.name().isBlank() ? n.name() : n.computerName();
        Machine.Builder b = Machine.builder(n.instanceId())
                .name(name)
                // SSM does not say what hosts a hybrid node: a data centre, another cloud, a desk
                .cloud(Cloud.UNKNOWN)
                .region(region.id())
                .tags(tags);
        if (n.platformType() != null && n.platformType() != PlatformType.UNKNOWN_TO_SDK_VERSION) {
            b.osFamily(family(n.platformType()));
        }
        return b.osName(n.platformName()).osVersion(n.platformVersion()).build();
    }

    static OsFamily family(PlatformType type) {
        return switch (type) {
            case LINUX -> OsFamily.LINUX;
            case WINDOWS -> OsFamily.WINDOWS;
            default -> OsFamily.UNKNOWN;
        };
    }

    @Nullable
    static String arn(Region region, String service, @Nullable String account, String resource) {
        if (account == null || account.isBlank()) {
            return null;
        }
        String partition = region.metadata() != null ? region.metadata().partition().id() : "aws";
        return "arn:" + partition + ":" + service + ":" + region.id() + ":" + account + ":" + resource;
    }

    /**
     * The pages of a paginator as a lazy stream, whose SDK errors (after the SDK's own retries) surface as
     * {@link UncheckedProviderException} with {@code what} and the service's reason.
     */
    static <T> Stream<T> guarded(Supplier<Iterator<T>> pages, String what) {
        Iterator<T> guarded = new Iterator<>() {
            private @Nullable Iterator<T> delegate;

            private Iterator<T> delegate() {
                if (delegate == null) {
                    delegate = pages.get();
                }
                return delegate;
            }

            @Override
            public boolean hasNext() {
                try {
                    return delegate().hasNext();
                } catch (SdkException e) {
                    throw new UncheckedProviderException(new ProviderException(what + ": " + AwsErrors.describe(e), e));
                }
            }

            @Override
            public T next() {
                try {
                    return delegate().next();
                } catch (SdkException e) {
                    throw new UncheckedProviderException(new ProviderException(what + ": " + AwsErrors.describe(e), e));
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(guarded, Spliterator.ORDERED), false);
    }

    /**
     * Which machines to list.
     *
     * @param ec2Ids EC2 instance ids to keep ({@code i-...}); empty: all
     * @param hybridIds hybrid node ids to keep ({@code mi-...}); empty: all, when hybrid nodes are listed
     * @param tags tags a machine must carry, all of them
     * @param hybrid whether to list hybrid nodes
     */
    record Selection(List<String> ec2Ids, List<String> hybridIds, Map<String, String> tags, boolean hybrid) {
        Selection {
            ec2Ids = List.copyOf(ec2Ids);
            hybridIds = List.copyOf(hybridIds);
            tags = Map.copyOf(tags);
        }

        /** Splits explicit ids into EC2 instances and hybrid nodes. */
        static Selection of(Set<String> ids, Map<String, String> tags, boolean hybrid) {
            List<String> ec2 = ids.stream().filter(id -> !id.startsWith(HYBRID_PREFIX)).sorted().toList();
            List<String> mi = ids.stream().filter(id -> id.startsWith(HYBRID_PREFIX)).sorted().toList();
            return new Selection(ec2, mi, tags, hybrid || !mi.isEmpty());
        }

        /** EC2 is listed unless the ids name hybrid nodes only. */
        boolean listsEc2() {
            return !(ec2Ids.isEmpty() && !hybridIds.isEmpty());
        }

        boolean listsHybrid() {
            return hybrid && !(hybridIds.isEmpty() && !ec2Ids.isEmpty());
        }
    }
}

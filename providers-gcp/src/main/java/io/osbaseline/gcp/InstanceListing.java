package io.osbaseline.gcp;

import com.google.cloud.compute.v1.AggregatedListInstancesRequest;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesScopedList;
import io.osbaseline.model.Cloud;
import io.osbaseline.model.Machine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of the projects, one aggregatedList page at a time: a page is fetched only when the machines of the
 * previous one have been taken. A project that cannot be listed, or whose listing breaks off, and a zone the listing
 * reports as unreachable, become machines of their own that {@link GcpProvider#collect} fails with the reason, so
 * that they end as ERROR assessments instead of silently missing from the report.
 */
final class InstanceListing implements Iterator<Machine> {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceListing.class);
    static final String COMPUTE_VIEWER = "compute.instances.list on the project (roles/compute.viewer)";

    /** Told of every machine handed out: each listed instance, and each placeholder with its reason. */
    interface Sink {
        void listed(Machine machine, ListedInstance instance);

        void unlisted(Machine placeholder, String reason);
    }

    private final InstancesClient client;
    private final Iterator<String> projects;
    @Nullable
    private final String filter;
    private final int pageSize;
    private final Sink sink;
    private final Deque<Machine> ready = new ArrayDeque<>();

    @Nullable
    private String project;
    @Nullable
    private InstancesClient.AggregatedListPage page;
    private int listedInProject;
    private final Set<String> unreachableSeen = new HashSet<>();

    InstanceListing(InstancesClient client, List<String> projects, @Nullable String filter, int pageSize, Sink sink) {
        this.client = client;
        this.projects = List.copyOf(projects).iterator();
        this.filter = filter;
        this.pageSize = pageSize;
        this.sink = sink;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (!fetchNextPage()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Machine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.removeFirst();
    }

    /** Fetches the next page of this project, or the first of the next project; false when all are listed. */
    private boolean fetchNextPage() {
        boolean samePage = page != null && page.hasNextPage();
        if (!samePage) {
            if (!projects.hasNext()) {
                return false;
            }
            startProject(projects.next());
        }
        String current = Objects.requireNonNull(project);
        try {
            page = samePage ? page.getNextPage() : client.aggregatedList(request(current)).getPage();
        } catch (RuntimeException e) { // ApiException, or a body the SDK cannot parse
            page = null;
            fail(current, e);
            return true;
        }
        read(current, page);
        return true;
    }

    private void startProject(String name) {
        project = name;
        listedInProject = 0;
        unreachableSeen.clear();
    }

    private AggregatedListInstancesRequest request(String project) {
        AggregatedListInstancesRequest.Builder request = AggregatedListInstancesRequest.newBuilder()
                .setProject(project)
                .setMaxResults(pageSize)
                .setReturnPartialSuccess(true);
        if (filter != null) {
            request.setFilter(filter);
        }
        return request.build();
    }

    private void read(String project, InstancesClient.AggregatedListPage page) {
        for (Map.Entry<String, InstancesScopedList> scope : page.getResponse().getItemsMap().entrySet()) {
            String zone = ComputeInstances.zoneOfScope(scope.getKey());
            List<Instance> instances = scope.getValue().getInstancesList();
            if (zone == null) {
                if (!instances.isEmpty()) {
                    LOG.warn("project {}: {} instances under scope '{}', which is not a zone; skipped", project,
                            instances.size(), scope.getKey());
                }
                continue;
            }
            for (Instance instance : instances) {
                Machine machine = ComputeInstances.machine(project, zone, instance);
                sink.listed(machine, ComputeInstances.listed(project, zone, instance));
                ready.add(machine);
                listedInProject++;
            }
        }
        for (String unreachable : page.getResponse().getUnreachablesList()) {
            if (unreachableSeen.add(unreachable)) {
                String id = "projects/" + project + "/" + unreachable;
                String reason = "the Compute Engine listing of project " + project + " could not reach " + unreachable
                        + "; its instances, if any, are not listed";
                LOG.warn(reason);
                unlisted(id, unreachable, reason);
            }
        }
    }

    private void fail(String project, RuntimeException e) {
        String reason = "cannot list the Compute Engine instances of project " + project
                + (listedInProject > 0 ? " beyond the first " + listedInProject : "") + ": "
                + ApiErrors.describe(e, COMPUTE_VIEWER);
        LOG.warn(reason);
        unlisted("projects/" + project, project, reason);
    }

    private void unlisted(String id, String name, String reason) {
        Machine placeholder = Machine.builder(id).name(name).cloud(Cloud.GCP).resourceId(id).build();
        sink.unlisted(placeholder, reason);
        ready.add(placeholder);
    }
}

package io.osbaseline.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesSettings;
import com.google.cloud.osconfig.v1.GetInventoryRequest;
import com.google.cloud.osconfig.v1.InventoryName;
import com.google.cloud.osconfig.v1.InventoryView;
import com.google.cloud.osconfig.v1.OsConfigZonalServiceClient;
import com.google.cloud.osconfig.v1.OsConfigZonalServiceSettings;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.Nullable;

/**
 * Compute Engine instances and their OS Config inventories.
 *
 * <p>The inventory lists the instances of each project with {@code aggregatedList}, page by page. A snapshot is read
 * from the VM Manager (OS Config) inventory: the OS and the installed packages. The first instance collected in a
 * zone lists the inventories of the whole zone in one paged call; an instance missing from it is asked for alone,
 * and has none when the OS Config agent does not run or report there (NOT_APPLICABLE). Instances that are not
 * RUNNING are NOT_APPLICABLE. Everything else the baselines look at (sshd, sysctl, files, ...) is not in that
 * inventory: the snapshot records those collectors as UNAVAILABLE, so their rules are UNKNOWN with that reason.
 *
 * <pre>{@code
 * try (GcpProvider gcp = GcpProvider.builder().projects(List.of("my-project")).build()) {
 *     Report report = FleetScan.of(gcp, engine).parallelism(4).report();
 * }
 * }</pre>
 *
 * <p>Thread-safe: a fleet scan collects in parallel.
 */
public final class GcpProvider implements Provider {
    /** Instances per aggregatedList page (the API's maximum). */
    static final int PAGE_SIZE = 500;

    private final InstancesClient instances;
    private final OsConfigZonalServiceClient osConfig;
    private final List<String> projects;
    @Nullable
    private final String filter;
    private final Clock clock;
    private final Map<String, ListedInstance> listed = new ConcurrentHashMap<>();
    private final Map<String, String> unlisted = new ConcurrentHashMap<>();
    private final Map<String, ZoneInventories> zones = new ConcurrentHashMap<>();

    private GcpProvider(InstancesClient instances, OsConfigZonalServiceClient osConfig, Builder builder) {
        this.instances = instances;
        this.osConfig = osConfig;
        this.projects = builder.projects;
        this.filter = builder.filter;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The projects listed, in order. */
    public List<String> projects() {
        return projects;
    }

    @Override
    public Stream<Machine> machines() {
        InstanceListing listing = new InstanceListing(instances, projects, filter, PAGE_SIZE,
                new InstanceListing.Sink() {
                    @Override
                    public void listed(Machine machine, ListedInstance instance) {
                        listed.put(machine.id(), instance);
                    }

                    @Override
                    public void unlisted(Machine placeholder, String reason) {
                        unlisted.put(placeholder.id(), reason);
                    }
                });
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public ConfigurationSnapshot collect(Machine machine) throws SnapshotException {
        String listingFailure = unlisted.get(machine.id());
        if (listingFailure != null) {
            throw new SnapshotException(listingFailure);
        }
        ListedInstance instance = listed.get(machine.id());
        if (instance == null) {
            throw new SnapshotException("machine '" + machine.id() + "' was not listed by this gcp provider; "
                    + "collect the machines its machines() lists");
        }
        if (!instance.running()) {
            throw new MachineNotApplicableException("the instance is " + instance.status() + ", not RUNNING: "
                    + "its OS Config inventory is only current while it runs; start it to assess it");
        }
        ZoneInventories zone = zones.computeIfAbsent(instance.project() + "/" + instance.zone(),
                key -> new ZoneInventories(osConfig, instance.project(), instance.zone()));
        InventoryContent content = zone.take(instance).orElse(null);
        if (content == null) {
            content = fetch(instance);
        }
        return content.snapshot(machine, clock);
    }

    /** One instance's inventory, for an instance the zone's listing did not have. */
    private InventoryContent fetch(ListedInstance instance) throws SnapshotException {
        String name = InventoryName.of(instance.project(), instance.zone(), instance.instanceId()).toString();
        try {
            return InventoryContent.of(osConfig.getInventory(GetInventoryRequest.newBuilder()
                    .setName(name).setView(InventoryView.FULL).build()));
        } catch (NotFoundException e) {
            throw new MachineNotApplicableException("no OS Config inventory for this instance: the OS Config agent "
                    + "is not installed, not enabled (instance or project metadata enable-osconfig=TRUE) or has not "
                    + "reported yet");
        } catch (RuntimeException e) { // ApiException, or a body the SDK cannot parse
            throw new SnapshotException("cannot read the OS Config inventory " + name + ": "
                    + ApiErrors.describe(e, ZoneInventories.INVENTORY_VIEWER));
        }
    }

    /** Closes the SDK clients and their threads. */
    @Override
    public void close() {
        instances.close();
        osConfig.close();
    }

    /**
     * Builds a provider. Without {@link #credentials}, endpoints, transport or retry settings, the SDK's defaults
     * apply: Application Default Credentials, the public endpoints over HTTPS, the SDK's retry policy.
     */
    public static final class Builder {
        private List<String> projects = List.of();
        @Nullable
        private String filter;
        @Nullable
        private CredentialsProvider credentials;
        @Nullable
        private String computeEndpoint;
        @Nullable
        private String osConfigEndpoint;
        @Nullable
        private HttpTransport transport;
        @Nullable
        private RetrySettings retrySettings;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The projects whose instances to list (ids or numbers); at least one. */
        public Builder projects(List<String> projects) {
            this.projects = List.copyOf(projects);
            return this;
        }

        /** A Compute Engine filter expression for the listing, for example {@code labels.env = prod}. */
        public Builder filter(@Nullable String filter) {
            this.filter = filter;
            return this;
        }

        /** The credentials of both clients; default: Application Default Credentials. */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        /** The Compute Engine endpoint, with its scheme, for example {@code http://127.0.0.1:8080}. */
        public Builder computeEndpoint(String endpoint) {
            this.computeEndpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** The OS Config endpoint, with its scheme. */
        public Builder osConfigEndpoint(String endpoint) {
            this.osConfigEndpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** The HTTP transport of both clients (both use REST); default: the SDK's. */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport);
            return this;
        }

        /**
         * The retry settings of the calls the provider makes (listing instances, listing and getting inventories);
         * default: the SDK's. Whatever the settings, throttling (HTTP 429, RESOURCE_EXHAUSTED) is retried too, as
         * are the codes the SDK retries (UNAVAILABLE, and DEADLINE_EXCEEDED for Compute Engine).
         */
        public Builder retrySettings(RetrySettings retrySettings) {
            this.retrySettings = Objects.requireNonNull(retrySettings);
            return this;
        }

        /** Stamps snapshots whose inventory carries no report time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Creates the SDK clients.
         *
         * @throws ProviderException when no project was given or the clients cannot be created, for example
         *     without Application Default Credentials
         */
        public GcpProvider build() throws ProviderException {
            if (projects.isEmpty()) {
                throw new ProviderException("the gcp provider needs at least one project");
            }
            InstancesClient compute = null;
            try {
                compute = InstancesClient.create(computeSettings());
                return new GcpProvider(compute, OsConfigZonalServiceClient.create(osConfigSettings()), this);
            } catch (IOException e) { // the credentials could not be loaded
                closeQuietly(compute);
                throw new ProviderException("cannot create the Google Cloud clients: " + e.getMessage()
                        + (credentials == null ? " (the gcp provider uses Application Default Credentials: run "
                        + "'gcloud auth application-default login', set GOOGLE_APPLICATION_CREDENTIALS to a key "
                        + "file, or run on Google Cloud with a service account)" : ""), e);
            } catch (RuntimeException e) {
                closeQuietly(compute);
                throw new ProviderException("cannot create the Google Cloud clients: " + e, e);
            }
        }

        private static void closeQuietly(@Nullable InstancesClient compute) {
            if (compute != null) {
                compute.close();
            }
        }

        private InstancesSettings computeSettings() throws IOException {
            InstancesSettings.Builder settings = InstancesSettings.newBuilder();
            if (credentials != null) {
                settings.setCredentialsProvider(credentials);
            }
            if (computeEndpoint != null) {
                settings.setEndpoint(computeEndpoint);
            }
            if (transport != null) {
                settings.setTransportChannelProvider(InstancesSettings.defaultHttpJsonTransportProviderBuilder()
                        .setHttpTransport(transport).build());
            }
            retry(settings.aggregatedListSettings());
            return settings.build();
        }

        private OsConfigZonalServiceSettings osConfigSettings() throws IOException {
            // newHttpJsonBuilder: REST, as for Compute Engine; newBuilder() would be gRPC
            OsConfigZonalServiceSettings.Builder settings = OsConfigZonalServiceSettings.newHttpJsonBuilder();
            if (credentials != null) {
                settings.setCredentialsProvider(credentials);
            }
            if (osConfigEndpoint != null) {
                settings.setEndpoint(osConfigEndpoint);
            }
            if (transport != null) {
                settings.setTransportChannelProvider(
                        OsConfigZonalServiceSettings.defaultHttpJsonTransportProviderBuilder()
                                .setHttpTransport(transport).build());
            }
            retry(settings.listInventoriesSettings());
            retry(settings.getInventorySettings());
            return settings.build();
        }

        private void retry(UnaryCallSettings.Builder<?, ?> call) {
            Set<StatusCode.Code> codes = EnumSet.of(StatusCode.Code.RESOURCE_EXHAUSTED);
            codes.addAll(call.getRetryableCodes());
            call.setRetryableCodes(codes);
            if (retrySettings != null) {
                call.setRetrySettings(retrySettings);
            }
        }
    }
}

package io.osbaseline.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.SnapshotException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * The {@code azure} provider: lists Azure VMs and Arc machines and collects their snapshots, from guest configuration
 * reports or through Run Command ({@link SnapshotMode}). Thread-safe: a fleet scan collects machines in parallel.
 *
 * <pre>{@code
 * try (AzureProvider azure = AzureProvider.builder()
 *         .credential(new DefaultAzureCredentialBuilder().build())
 *         .subscriptions(List.of("00000000-0000-0000-0000-000000000000"))
 *         .mode(SnapshotMode.RUN_COMMAND)
 *         .build()) {
 *     Report report = FleetScan.of(azure, engine).parallelism(8).report();
 * }
 * }</pre>
 *
 * The credential, the Azure environment (profile), the HTTP client and the retry policy are injectable; the
 * {@code azure} provider factory builds the production defaults.
 */
public final class AzureProvider implements Provider {
    private final AzureClients clients;
    private final AzureInventory inventory;
    private final MachineState state;
    private final SnapshotMode mode;
    private final @Nullable RunCommandSnapshots runCommand;
    private final GuestConfigurationSnapshots guestConfiguration;
    private final List<String> subscriptions;

    private AzureProvider(Builder b) {
        this.clients = new AzureClients(b.credential, b.profile, b.httpClient, b.retryPolicy, b.pollInterval);
        this.inventory = new AzureInventory(clients::compute, clients.arm(),
                new InventoryFilter(b.subscriptions, b.resourceGroup, b.tags, b.includeArc));
        this.state = new MachineState(clients::compute, clients.arm());
        this.mode = b.mode;
        this.subscriptions = List.copyOf(b.subscriptions);
        this.guestConfiguration = new GuestConfigurationSnapshots(clients.arm());
        if (b.mode == SnapshotMode.RUN_COMMAND) {
            EvidenceTransport transport = b.outputContainerUrl == null
                    ? new ChunkedTransport(b.chunkSize, b.runTimeout, b.chunkTimeout)
                    : new BlobTransport(b.outputContainerUrl, clients.anonymous(), b.runTimeout);
            this.runCommand = new RunCommandSnapshots(clients::compute, clients.arm(), transport, b.collectors,
                    b.pollInterval, b.evidenceDir);
        } else {
            this.runCommand = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Stream<Machine> machines() {
        return inventory.machines();
    }

    @Override
    public ConfigurationSnapshot collect(Machine machine) throws SnapshotException {
        String resourceId = machine.resourceId() != null ? machine.resourceId() : machine.id();
        AzureResourceId id;
        try {
            id = AzureResourceId.parse(resourceId);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
        state.requireRunning(id);
        if (mode == SnapshotMode.RUN_COMMAND) {
            return Objects.requireNonNull(runCommand).collect(machine, id);
        }
        return guestConfiguration.collect(machine, id);
    }

    /**
     * Defender for Cloud's sub-assessments of the baseline recommendations in this provider's subscriptions (read
     * through Azure Resource Graph, lazily paged), to set beside our verdicts with
     * {@link VerdictComparison#compare}. A page that fails surfaces as
     * {@link io.osbaseline.provider.UncheckedProviderException}.
     */
    public Stream<DefenderFinding> defenderFindings() {
        return new DefenderAssessments(clients.resourceGraph(), subscriptions).findings();
    }

    /** Builds an {@link AzureProvider}; only the credential and one subscription are required. */
    public static final class Builder {
        private @Nullable TokenCredential credential;
        private AzureProfile profile = new AzureProfile(AzureEnvironment.AZURE);
        private @Nullable HttpClient httpClient;
        private RetryPolicy retryPolicy = new RetryPolicy();
        private Duration pollInterval = Duration.ofSeconds(10);
        private final List<String> subscriptions = new ArrayList<>();
        private @Nullable String resourceGroup;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean includeArc = true;
        private SnapshotMode mode = SnapshotMode.GUEST_CONFIGURATION;
        private int chunkSize = ChunkedTransport.DEFAULT_CHUNK_SIZE;
        private String evidenceDir = "/var/tmp";
        private Duration runTimeout = Duration.ofMinutes(15);
        private Duration chunkTimeout = Duration.ofMinutes(5);
        private @Nullable String outputContainerUrl;
        private final Map<OsFamily, EvidenceCollector> collectors = new EnumMap<>(OsFamily.class);

        private Builder() {
            collectors.put(OsFamily.LINUX, new LinuxEvidenceCollector());
            collectors.put(OsFamily.WINDOWS, new WindowsEvidenceCollector());
        }

        /** The credential, for example {@code new DefaultAzureCredentialBuilder().build()}. */
        public Builder credential(TokenCredential credential) {
            this.credential = Objects.requireNonNull(credential);
            return this;
        }

        /** The Azure environment (public cloud, sovereign clouds, or another endpoint); default: public Azure. */
        public Builder profile(AzureProfile profile) {
            this.profile = Objects.requireNonNull(profile);
            return this;
        }

        /** The HTTP client; default: azure-core's Netty client. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** The retry policy; default: exponential back-off that honours Retry-After (429, 5xx). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** The wait between two polls of a run command when Azure does not say; default 10 s. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Objects.requireNonNull(pollInterval);
            return this;
        }

        /** The subscriptions to list, in order. */
        public Builder subscriptions(List<String> subscriptions) {
            this.subscriptions.addAll(subscriptions);
            return this;
        }

        /** Only this resource group. */
        public Builder resourceGroup(@CheckForNull String resourceGroup) {
            this.resourceGroup = resourceGroup;
            return this;
        }

        /** Only machines that carry this tag; a null value accepts any value. Several tags must all be present. */
        public Builder tag(String name, @CheckForNull String value) {
            this.tags.put(name, value);
            return this;
        }

        /** Whether Arc machines are listed along with VMs; default true. */
        public Builder includeArc(boolean includeArc) {
            this.includeArc = includeArc;
            return this;
        }

        /** Where snapshots come from; default {@link SnapshotMode#GUEST_CONFIGURATION}. */
        public Builder mode(SnapshotMode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** Run-command mode: the size of one evidence chunk in bytes (at most 3,584); default 3,072. */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = chunkSize;
            return this;
        }

        /** Run-command mode: the directory on the machine where the evidence waits; default /var/tmp. */
        public Builder evidenceDir(String evidenceDir) {
            this.evidenceDir = Objects.requireNonNull(evidenceDir);
            return this;
        }

        /** Run-command mode: how long the collector may run; default 15 minutes. */
        public Builder runTimeout(Duration runTimeout) {
            this.runTimeout = Objects.requireNonNull(runTimeout);
            return this;
        }

        /** Run-command mode: how long one chunk read may take; default 5 minutes. */
        public Builder chunkTimeout(Duration chunkTimeout) {
            this.chunkTimeout = Objects.requireNonNull(chunkTimeout);
            return this;
        }

        /**
         * Run-command mode: send the evidence through a blob in this container (a container URL with a SAS that
         * allows create, write, read and delete) instead of in chunks; needs managed run commands.
         */
        public Builder outputContainerUrl(@CheckForNull String containerSasUrl) {
            this.outputContainerUrl = containerSasUrl;
            return this;
        }

        /** Run-command mode: the collector for machines of {@code family}, replacing the built-in one. */
        public Builder collector(OsFamily family, EvidenceCollector collector) {
            this.collectors.put(family, Objects.requireNonNull(collector));
            return this;
        }

        /**
         * @throws IllegalStateException when no credential or no subscription was given
         * @throws IllegalArgumentException when a setting does not fit, with the reason
         */
        public AzureProvider build() {
            if (credential == null) {
                throw new IllegalStateException("an Azure credential is needed, for example "
                        + "new DefaultAzureCredentialBuilder().build()");
            }
            if (subscriptions.isEmpty()) {
                throw new IllegalStateException("at least one subscription is needed");
            }
            if (!evidenceDir.matches("/[A-Za-z0-9/._-]*")) {
                throw new IllegalArgumentException("the evidence directory must be an absolute path of letters, digits,"
                        + " '/', '.', '_' and '-', got '" + evidenceDir + "'");
            }
            if (httpClient == null) {
                httpClient = new NettyAsyncHttpClientBuilder().build();
            }
            return new AzureProvider(this);
        }
    }
}

package io.osbaseline.aws;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.SnapshotException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.PingStatus;
import software.amazon.awssdk.services.ssm.model.PlatformType;

/**
 * The machines of an AWS account, region by region: EC2 instances, and on request the SSM hybrid nodes. A snapshot is
 * taken through SSM: by running the osbaseline collector with Run Command ({@link SnapshotMode#COMMAND}, the default;
 * the Linux collector with AWS-RunShellScript, the Windows one with AWS-RunPowerShellScript),
 * or from SSM Inventory ({@link SnapshotMode#INVENTORY}). Instances that do not run, or that SSM does not manage, are
 * NOT_APPLICABLE with the reason; a node SSM cannot reach, a command that fails and evidence that arrives damaged are
 * errors of that machine only.
 *
 * <pre>{@code
 * try (AwsProvider aws = AwsProvider.builder().regions(Region.EU_WEST_1, Region.US_EAST_1).build()) {
 *     Report report = FleetScan.of(aws, engine).parallelism(8).report();
 * }
 * }</pre>
 *
 * <p>Credentials come from the SDK's default chain unless given. Everything that talks to AWS (credentials, endpoints,
 * HTTP client, retry settings) can be injected through the {@link Builder}. Thread-safe.
 */
public final class AwsProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(AwsProvider.class);

    private final AwsClients clients;
    private final List<Region> regions;
    private final @Nullable Region discoverRegionsFrom;
    private final SnapshotMode mode;
    private final Inventory inventory;
    private final NodeCheck nodeCheck;
    private final InventorySnapshots inventorySnapshots;
    private final ChunkedTransport posix;
    private final ChunkedTransport powerShell;
    private final RemoteCollector linuxCollector;
    private final RemoteCollector windowsCollector;
    private final Duration commandTimeout;

    private AwsProvider(Builder b, AwsClients clients) {
        this.clients = clients;
        this.regions = List.copyOf(b.regions);
        this.discoverRegionsFrom = b.discoverRegionsFrom;
        this.mode = b.mode;
        this.inventory = new Inventory(clients, Inventory.Selection.of(b.instanceIds, b.tags, b.hybridNodes));
        this.nodeCheck = new NodeCheck(clients, inventory);
        this.inventorySnapshots = new InventorySnapshots(b.clock);
        this.posix = new ChunkedTransport(PosixScripts.INSTANCE, b.chunkSize);
        this.powerShell = new ChunkedTransport(PowerShellScripts.INSTANCE, b.chunkSize);
        this.linuxCollector = b.linuxCollector;
        this.windowsCollector = b.windowsCollector;
        this.commandTimeout = b.commandTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The regions it lists, after discovery when it was built with {@link Builder#allRegions}. */
    public List<Region> regions() throws ProviderException {
        if (discoverRegionsFrom == null) {
            return regions;
        }
        DescribeRegionsResponse response;
        try {
            response = clients.ec2(discoverRegionsFrom).describeRegions();
        } catch (SdkException e) {
            throw new ProviderException("cannot list the enabled regions of the account (from "
                    + discoverRegionsFrom.id() + "): " + AwsErrors.describe(e), e);
        }
        return response.regions().stream().map(r -> Region.of(r.regionName()))
                .sorted(Comparator.comparing(Region::id)).toList();
    }

    public SnapshotMode mode() {
        return mode;
    }

    @Override
    public Stream<Machine> machines() throws ProviderException {
        return inventory.machines(regions());
    }

    /**
     * Collects the snapshot of a machine this provider listed.
     *
     * @throws MachineNotApplicableException when the instance does not run, SSM does not manage it, or it runs an OS
     *     no baseline covers
     * @throws SnapshotException when SSM cannot reach the node, the command fails, or its evidence arrives damaged
     */
    @Override
    public ConfigurationSnapshot collect(Machine machine) throws SnapshotException {
        Region region = regionOf(machine);
        InstanceInformation node = nodeCheck.managedNode(region, machine);
        if (mode == SnapshotMode.INVENTORY) {
            return inventorySnapshots.snapshot(clients.ssm(region), machine);
        }
        PlatformType platform = node.platformType();
        if (platform != PlatformType.LINUX && platform != PlatformType.WINDOWS) {
            String reported = node.platformTypeAsString() == null ? "no platform" : "platform "
                    + node.platformTypeAsString();
            throw new MachineNotApplicableException("SSM reports " + reported
                    + "; osbaseline has baselines for Linux and Windows only");
        }
        if (node.pingStatus() != PingStatus.ONLINE) {
            throw new SnapshotException("the SSM Agent is " + node.pingStatusAsString()
                    + (node.lastPingDateTime() == null ? "" : " (last seen " + node.lastPingDateTime() + ")")
                    + ", so Run Command cannot reach the machine");
        }
        boolean windows = platform == PlatformType.WINDOWS;
        ChunkedTransport transport = windows ? powerShell : posix;
        RemoteCollector collector = windows ? windowsCollector : linuxCollector;
        SsmShell shell = new SsmShell(clients.ssm(region), clients.waiter(region), machine.id(),
                transport.scripts().document(), commandTimeout);
        long start = System.nanoTime();
        byte[] evidence = transport.fetch(collector.script(), shell);
        LOG.debug("evidence of {}: {} bytes in {} ms", machine.id(), evidence.length,
                (System.nanoTime() - start) / 1_000_000);
        return collector.read(machine, new ByteArrayInputStream(evidence));
    }

    private Region regionOf(Machine machine) throws SnapshotException {
        if (machine.region() != null) {
            return Region.of(machine.region());
        }
        if (regions.size() == 1) {
            return regions.get(0);
        }
        throw new SnapshotException("machine " + machine.id() + " has no region; collect machines as the aws"
                + " provider lists them");
    }

    @Override
    public void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "aws provider (" + mode.optionValue() + " mode, regions "
                + (discoverRegionsFrom != null ? "all enabled" : regions.stream().map(Region::id).toList()) + ")";
    }

    /**
     * Builds an {@link AwsProvider}. Only the regions are required; the rest has production defaults: the SDK's
     * default credentials chain, AWS's endpoints, an Apache HTTP client shared by all clients, the SDK's default retry
     * strategy (which retries throttling with backoff), command mode, no hybrid nodes.
     */
    public static final class Builder {
        private static final Duration DELIVERY_MARGIN = Duration.ofSeconds(30);
        private final List<Region> regions = new ArrayList<>();
        private @Nullable Region discoverRegionsFrom;
        private @Nullable AwsCredentialsProvider credentials;
        private @Nullable URI ec2Endpoint;
        private @Nullable URI ssmEndpoint;
        private @Nullable SdkHttpClient httpClient;
        private ClientOverrideConfiguration override = ClientOverrideConfiguration.builder().build();
        private SnapshotMode mode = SnapshotMode.COMMAND;
        private boolean hybridNodes;
        private final Set<String> instanceIds = new LinkedHashSet<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Duration commandTimeout = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(3);
        private RemoteCollector linuxCollector = LinuxEvidenceCollector.INSTANCE;
        private RemoteCollector windowsCollector = WindowsBundleCollector.INSTANCE;
        private Clock clock = Clock.systemUTC();
        private int chunkSize = ChunkedTransport.DEFAULT_CHUNK_SIZE;

        private Builder() {
        }

        /** The regions to list, in this order. */
        public Builder regions(Collection<Region> regions) {
            this.regions.clear();
            this.regions.addAll(regions);
            this.discoverRegionsFrom = null;
            return this;
        }

        public Builder regions(Region... regions) {
            return regions(List.of(regions));
        }

        /** Every region enabled for the account, as EC2 DescribeRegions lists them when asked in {@code from}. */
        public Builder allRegions(Region from) {
            this.regions.clear();
            this.discoverRegionsFrom = Objects.requireNonNull(from);
            return this;
        }

        /** The credentials; default: the SDK's default chain (environment, profile, SSO, container, instance). */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        /** An EC2 endpoint for every region, for example a VPC endpoint or a local test server. */
        public Builder ec2Endpoint(URI endpoint) {
            this.ec2Endpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** An SSM endpoint for every region, for example a VPC endpoint or a local test server. */
        public Builder ssmEndpoint(URI endpoint) {
            this.ssmEndpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** The HTTP client of every SDK client; the provider does not close it. Default: Apache, closed with it. */
        public Builder httpClient(SdkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** SDK client settings (retry strategy, timeouts, interceptors) for every client. */
        public Builder overrideConfiguration(ClientOverrideConfiguration override) {
            this.override = Objects.requireNonNull(override);
            return this;
        }

        public Builder mode(SnapshotMode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** Whether to list SSM hybrid nodes ({@code mi-...}) too; default false. */
        public Builder hybridNodes(boolean include) {
            this.hybridNodes = include;
            return this;
        }

        /** Lists only these machines: EC2 instance ids ({@code i-...}) and hybrid node ids ({@code mi-...}). */
        public Builder instanceIds(Collection<String> ids) {
            for (String id : ids) {
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException("an instance id must not be blank");
                }
                instanceIds.add(id.strip());
            }
            return this;
        }

        /** Lists only machines that carry this tag; several tags must all match. */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** How long one Run Command may take on a machine; default 5 minutes. */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("command timeout must be positive, got " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /** How often a running command's status is read; default 3 seconds. */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("poll interval must not be negative, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** The collector run on Linux machines; default: the {@code local} provider's evidence collector. */
        public Builder linuxCollector(RemoteCollector collector) {
            this.linuxCollector = Objects.requireNonNull(collector);
            return this;
        }

        /** The collector run on Windows machines; default: the {@code local} provider's osbaseline-collect.ps1. */
        public Builder windowsCollector(RemoteCollector collector) {
            this.windowsCollector = Objects.requireNonNull(collector);
            return this;
        }

        /** The clock that stamps inventory-mode snapshots. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Characters of base64 per command; tests overshoot SSM's limit with it to see a cut transfer caught. */
        Builder chunkSize(int chunkSize) {
            this.chunkSize = chunkSize;
            return this;
        }

        /**
         * @throws IllegalStateException when no region was given
         */
        public AwsProvider build() {
            if (regions.isEmpty() && discoverRegionsFrom == null) {
                throw new IllegalStateException("give at least one region, or allRegions(...)");
            }
            List<AutoCloseable> owned = new ArrayList<>();
            SdkHttpClient http = httpClient;
            if (http == null) {
                http = Apache5HttpClient.create();
                owned.add(http);
            }
            AwsCredentialsProvider creds = credentials;
            if (creds == null) {
                DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
                owned.add(chain);
                creds = chain;
            }
            // poll until the command's own timeout has passed, plus a margin for its delivery to the agent
            Duration margin = commandTimeout.compareTo(DELIVERY_MARGIN) < 0 ? commandTimeout : DELIVERY_MARGIN;
            WaiterOverrideConfiguration waiter = WaiterOverrideConfiguration.builder()
                    .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                    .maxAttempts(Integer.MAX_VALUE)
                    .waitTimeout(commandTimeout.plus(margin))
                    .build();
            return new AwsProvider(this, new AwsClients(creds, http, owned, ec2Endpoint, ssmEndpoint, override,
                    waiter));
        }
    }
}

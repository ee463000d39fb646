package io.osbaseline.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.waiters.SsmWaiter;

/**
 * The EC2 and SSM clients of each region, made on first use and shared by all threads (SDK clients are thread-safe).
 * All of them send through one HTTP client.
 */
final class AwsClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);

    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final List<AutoCloseable> owned;
    private final @Nullable URI ec2Endpoint;
    private final @Nullable URI ssmEndpoint;
    private final ClientOverrideConfiguration override;
    private final WaiterOverrideConfiguration waiterConfig;
    private final Map<Region, Regional> regions = new ConcurrentHashMap<>();

    /** {@code owned}: what {@link #close} closes after the clients, such as an HTTP client built for them. */
    AwsClients(AwsCredentialsProvider credentials, SdkHttpClient http, List<AutoCloseable> owned,
            @Nullable URI ec2Endpoint,
            @Nullable URI ssmEndpoint, ClientOverrideConfiguration override, WaiterOverrideConfiguration waiterConfig) {
        this.credentials = credentials;
        this.http = http;
        this.owned = List.copyOf(owned);
        this.ec2Endpoint = ec2Endpoint;
        this.ssmEndpoint = ssmEndpoint;
        this.override = override;
        this.waiterConfig = waiterConfig;
    }

    Ec2Client ec2(Region region) {
        return regional(region).ec2();
    }

    SsmClient ssm(Region region) {
        return regional(region).ssm();
    }

    SsmWaiter waiter(Region region) {
        return regional(region).waiter();
    }

    private Regional regional(Region region) {
        return regions.computeIfAbsent(region, this::open);
    }

    private Regional open(Region region) {
        Ec2ClientBuilder ec2 = Ec2Client.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override);
        SsmClientBuilder ssm = SsmClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override);
        if (ec2Endpoint != null) {
            ec2.endpointOverride(ec2Endpoint);
        }
        if (ssmEndpoint != null) {
            ssm.endpointOverride(ssmEndpoint);
        }
        SsmClient ssmClient = ssm.build();
        SsmWaiter waiter = SsmWaiter.builder().client(ssmClient).overrideConfiguration(waiterConfig).build();
        return new Regional(ec2.build(), ssmClient, waiter);
    }

    @Override
    public void close() {
        for (Regional r : regions.values()) {
            closeQuietly(r.waiter());
            closeQuietly(r.ssm());
            closeQuietly(r.ec2());
        }
        regions.clear();
        owned.forEach(AwsClients::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", c, e.toString());
        }
    }

    private record Regional(Ec2Client ec2, SsmClient ssm, SsmWaiter waiter) {
    }
}

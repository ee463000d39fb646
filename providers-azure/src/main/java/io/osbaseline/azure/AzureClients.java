package io.osbaseline.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.implementation.ComputeManagementClientBuilder;
import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients of one provider, all on one authenticated {@link HttpPipeline}: azure-resourcemanager's compute client
 * per subscription (only that client: the umbrella {@code AzureResourceManager} builds dozens), Resource Graph, and raw REST for the APIs without an SDK here. A second pipeline without the credential reads blob
 * SAS URLs, so that an ARM token is never sent to storage.
 */
final class AzureClients {
    private final AzureProfile profile;
    private final HttpPipeline pipeline;
    private final HttpPipeline anonymous;
    private final ArmRest arm;
    private final Duration pollInterval;
    private final Map<String, ComputeManagementClient> computeClients = new ConcurrentHashMap<>();

    /**
     * @param pollInterval how long to wait between two polls of a long-running operation when Azure does not say
     */
    AzureClients(TokenCredential credential, AzureProfile profile, HttpClient httpClient, RetryPolicy retryPolicy,
            Duration pollInterval) {
        this.profile = profile;
        this.pollInterval = pollInterval;
        this.pipeline = HttpPipelineProvider.buildHttpPipeline(credential, profile, null, new HttpLogOptions(), null,
                retryPolicy, List.of(), httpClient);
        this.anonymous = new HttpPipelineBuilder().httpClient(httpClient).policies(retryPolicy).build();
        this.arm = new ArmRest(pipeline, profile.getEnvironment().getResourceManagerEndpoint());
    }

    ComputeManagementClient compute(String subscription) {
        return computeClients.computeIfAbsent(subscription, s -> new ComputeManagementClientBuilder()
                .pipeline(pipeline)
                .environment(profile.getEnvironment())
                .endpoint(profile.getEnvironment().getResourceManagerEndpoint())
                .subscriptionId(s)
                .defaultPollInterval(pollInterval)
                .buildClient());
    }

    Duration pollInterval() {
        return pollInterval;
    }

    ResourceGraphManager resourceGraph() {
        return ResourceGraphManager.authenticate(pipeline, profile);
    }

    ArmRest arm() {
        return arm;
    }

    /** A pipeline with retries but no credential, for pre-signed (SAS) URLs. */
    HttpPipeline anonymous() {
        return anonymous;
    }
}

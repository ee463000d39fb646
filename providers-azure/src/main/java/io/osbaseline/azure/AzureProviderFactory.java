package io.osbaseline.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/** The {@code azure} provider, with the production defaults: azure-identity credentials and the Netty client. */
public final class AzureProviderFactory implements ProviderFactory {
    static final String ID = "azure";
    private static final Map<String, AzureEnvironment> CLOUDS = Map.of(
            "azure", AzureEnvironment.AZURE,
            "azure-china", AzureEnvironment.AZURE_CHINA,
            "azure-us-government", AzureEnvironment.AZURE_US_GOVERNMENT);
    private static final List<String> CREDENTIALS = List.of("default", "cli", "managed-identity", "environment",
            "workload-identity");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Azure VMs and Arc machines: Microsoft's guest configuration verdicts, or our collector through"
                + " Run Command";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.required("subscription", "subscription id; several separated by commas"),
                ProviderOption.optional("resource-group", "only machines of this resource group"),
                ProviderOption.optional("tag", "only machines with this tag, NAME=VALUE or NAME for any value;"
                        + " several separated by commas must all match"),
                ProviderOption.withDefault("include-arc", "list Azure Arc machines too (true or false)", "true"),
                ProviderOption.withDefault("mode", "guest-configuration (the agent's verdicts, read-only) or"
                        + " run-command (our collector, run as root through Run Command)", "guest-configuration"),
                ProviderOption.withDefault("credential", "how to sign in: " + String.join(", ", CREDENTIALS),
                        "default"),
                ProviderOption.optional("tenant", "tenant id for the credential"),
                ProviderOption.optional("client-id", "client id of a user-assigned managed identity or of the"
                        + " workload identity"),
                ProviderOption.withDefault("cloud", "azure, azure-china or azure-us-government", "azure"),
                ProviderOption.optional("output-container-url", "run-command: a blob container URL with a SAS"
                        + " (create, write, read, delete); the evidence goes through a blob in one run instead of"
                        + " in chunks"),
                ProviderOption.withDefault("chunk-size", "run-command: bytes of evidence per run when chunked"
                        + " (at most " + ChunkedTransport.MAX_CHUNK_SIZE + ")",
                        String.valueOf(ChunkedTransport.DEFAULT_CHUNK_SIZE)),
                ProviderOption.withDefault("evidence-dir", "run-command: where the evidence waits on the machine",
                        "/var/tmp"),
                ProviderOption.withDefault("run-timeout", "run-command: minutes the collector may run", "15"));
    }

    @Override
    public Provider create(ProviderOptions options) throws InvalidOptionException {
        AzureProvider.Builder b = AzureProvider.builder();
        List<String> subscriptions = split(options.require("subscription"));
        if (subscriptions.isEmpty()) {
            throw new InvalidOptionException("option 'subscription' of provider 'azure' names no subscription");
        }
        b.subscriptions(subscriptions);
        options.get("resource-group").filter(s -> !s.isBlank()).ifPresent(b::resourceGroup);
        for (String tag : options.get("tag").map(AzureProviderFactory::split).orElse(List.of())) {
            int eq = tag.indexOf('=');
            b.tag(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? null : tag.substring(eq + 1));
        }
        b.includeArc(bool(options, "include-arc"));
        String modeText = options.get("mode").orElse(SnapshotMode.GUEST_CONFIGURATION.optionValue());
        SnapshotMode mode = SnapshotMode.fromOption(modeText).orElseThrow(() -> new InvalidOptionException(
                "option 'mode' of provider 'azure' must be " + Arrays.stream(SnapshotMode.values())
                        .map(SnapshotMode::optionValue).collect(Collectors.joining(" or ")) + ", got '" + modeText + "'"));
        b.mode(mode);
        String cloud = options.get("cloud").orElse("azure").toLowerCase(Locale.ROOT);
        AzureEnvironment environment = CLOUDS.get(cloud);
        if (environment == null) {
            throw new InvalidOptionException("option 'cloud' of provider 'azure' must be one of "
                    + String.join(", ", CLOUDS.keySet().stream().sorted().toList()) + ", got '" + cloud + "'");
        }
        @CheckForNull String tenant = options.get("tenant").filter(s -> !s.isBlank()).orElse(null);
        b.profile(new AzureProfile(tenant, subscriptions.get(0), environment));
        b.credential(credential(options.get("credential").orElse("default"), tenant,
                options.get("client-id").filter(s -> !s.isBlank()).orElse(null), environment));
        b.httpClient(new NettyAsyncHttpClientBuilder().build());
        options.get("output-container-url").filter(s -> !s.isBlank()).ifPresent(b::outputContainerUrl);
        int chunkSize = options.getInt("chunk-size").orElse(ChunkedTransport.DEFAULT_CHUNK_SIZE);
        if (chunkSize < 256 || chunkSize > ChunkedTransport.MAX_CHUNK_SIZE) {
            throw new InvalidOptionException("option 'chunk-size' of provider 'azure' must be 256 to "
                    + ChunkedTransport.MAX_CHUNK_SIZE + ", got " + chunkSize);
        }
        b.chunkSize(chunkSize);
        b.evidenceDir(options.get("evidence-dir").orElse("/var/tmp"));
        int minutes = options.getInt("run-timeout").orElse(15);
        if (minutes < 1 || minutes > 90) {
            throw new InvalidOptionException("option 'run-timeout' of provider 'azure' must be 1 to 90 minutes"
                    + " (Run Command's own limit), got " + minutes);
        }
        b.runTimeout(Duration.ofMinutes(minutes));
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidOptionException("provider 'azure': " + e.getMessage());
        }
    }

    private static TokenCredential credential(String kind, @CheckForNull String tenant, @CheckForNull String clientId,
            AzureEnvironment environment) throws InvalidOptionException {
        String authority = environment.getActiveDirectoryEndpoint();
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "default" -> {
                DefaultAzureCredentialBuilder d = new DefaultAzureCredentialBuilder().authorityHost(authority);
                if (tenant != null) {
                    d.tenantId(tenant);
                }
                if (clientId != null) {
                    d.managedIdentityClientId(clientId);
                }
                yield d.build();
            }
            case "cli" -> {
                AzureCliCredentialBuilder c = new AzureCliCredentialBuilder();
                if (tenant != null) {
                    c.tenantId(tenant);
                }
                yield c.build();
            }
            case "managed-identity" -> {
                ManagedIdentityCredentialBuilder m = new ManagedIdentityCredentialBuilder();
                if (clientId != null) {
                    m.clientId(clientId);
                }
                yield m.build();
            }
            case "environment" -> new EnvironmentCredentialBuilder().authorityHost(authority).build();
            case "workload-identity" -> {
                WorkloadIdentityCredentialBuilder w = new WorkloadIdentityCredentialBuilder().authorityHost(authority);
                if (tenant != null) {
                    w.tenantId(tenant);
                }
                if (clientId != null) {
                    w.clientId(clientId);
                }
                yield w.build();
            }
            default -> throw new InvalidOptionException("option 'credential' of provider 'azure' must be one of "
                    + String.join(", ", CREDENTIALS) + ", got '" + kind + "'");
        };
    }

    private static boolean bool(ProviderOptions options, String name) throws InvalidOptionException {
        String v = options.get(name).orElse("true").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new InvalidOptionException("option '" + name + "' of provider 'azure' must be true or false, got '"
                    + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

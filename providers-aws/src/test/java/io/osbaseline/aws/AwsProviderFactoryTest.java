package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code aws} provider as the command line finds and configures it. The SDK's configuration files and default
 * region are pointed at files of the test through the SDK's system properties, so the host's own AWS setup never leaks
 * in.
 */
class AwsProviderFactoryTest {
    private static final String[] PROPERTIES = {"aws.configFile", "aws.sharedCredentialsFile", "aws.region",
        "aws.profile"};
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void isolate() throws Exception {
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
            System.clearProperty(p);
        }
        Path config = Files.writeString(tmp.resolve("config"), "[profile audit]\nregion = ap-northeast-1\n");
        Path credentials = Files.writeString(tmp.resolve("credentials"),
                "[audit]\naws_access_key_id = AKIDTEST\naws_secret_access_key = s\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static AwsProvider create(Map<String, String> options) throws Exception {
        Provider p = Providers.create("aws", options);
        assertThat(p).isInstanceOf(AwsProvider.class);
        return (AwsProvider) p;
    }

    @Test
    void foundThroughServiceLoaderWithItsOptions() {
        ProviderFactory aws = Providers.available().stream().filter(f -> f.id().equals("aws")).findFirst()
                .orElseThrow();
        assertThat(aws.options()).extracting(ProviderOption::name).containsExactly("regions", "profile", "mode",
                "hybrid-nodes", "instance-ids", "tags", "command-timeout");
        assertThat(aws.options()).filteredOn(o -> o.name().equals("mode")).extracting(ProviderOption::defaultValue)
                .containsExactly("command");
    }

    @Test
    void regionsModeAndFiltersFromOptions() throws Exception {
        try (AwsProvider p = create(Map.of("regions", "eu-west-1, us-east-1", "mode", "inventory",
                "instance-ids", "i-0123456789abcdef0,mi-0123456789abcdef0", "tags", "env=prod, team = web",
                "command-timeout", "120"))) {
            assertThat(p.regions()).containsExactly(Region.EU_WEST_1, Region.US_EAST_1);
            assertThat(p.mode()).isEqualTo(SnapshotMode.INVENTORY);
        }
    }

    @Test
    void theDefaultRegionComesFromTheSdkChainOrTheProfile() throws Exception {
        System.setProperty("aws.region", "sa-east-1");
        try (AwsProvider p = create(Map.of())) {
            assertThat(p.regions()).containsExactly(Region.SA_EAST_1);
            assertThat(p.mode()).isEqualTo(SnapshotMode.COMMAND);
        }
        System.clearProperty("aws.region");
        try (AwsProvider p = create(Map.of("profile", "audit"))) {
            assertThat(p.regions()).containsExactly(Region.AP_NORTHEAST_1);
        }
    }

    @Test
    void withoutAnyRegionTheErrorSaysHowToGiveOne() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null
                && System.getenv("AWS_DEFAULT_REGION") == null, "the environment sets a region");
        assertThatThrownBy(() -> create(Map.of()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("provider 'aws' needs a region: give the option 'regions' (for example"
                        + " regions=eu-west-1), or set AWS_REGION or a region in the profile");
    }

    @Test
    void badValuesNameTheOptionAndWhatFits() {
        assertThatThrownBy(() -> create(Map.of("regions", "eu-west1")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'regions' of provider 'aws': 'eu-west1' is not a region code (for example"
                        + " eu-west-1, us-east-1, or 'all' alone)");
        assertThatThrownBy(() -> create(Map.of("regions", "eu-west-1", "mode", "ssh")))
                .hasMessage("option 'mode' of provider 'aws' must be [command, inventory], got 'ssh'");
        assertThatThrownBy(() -> create(Map.of("regions", "eu-west-1", "tags", "env")))
                .hasMessage("option 'tags' of provider 'aws': 'env' is not KEY=VALUE");
        assertThatThrownBy(() -> create(Map.of("regions", "eu-west-1", "instance-ids", "web-1")))
                .hasMessage("option 'instance-ids' of provider 'aws': 'web-1' is not an EC2 instance id"
                        + " (i-0123456789abcdef0) or an SSM hybrid node id (mi-...)");
        assertThatThrownBy(() -> create(Map.of("regions", "eu-west-1", "command-timeout", "10")))
                .hasMessage("option 'command-timeout' of provider 'aws' must be at least 30 seconds (SSM's least"
                        + " command timeout), got 10");
        assertThatThrownBy(() -> create(Map.of("regions", "eu-west-1", "hybrid-nodes", "maybe")))
                .hasMessage("option 'hybrid-nodes' of provider 'aws' must be true or false, got 'maybe'");
        assertThatThrownBy(() -> create(Map.of("region", "eu-west-1")))
                .hasMessage("provider 'aws' has no option 'region'; it accepts: regions, profile, mode, hybrid-nodes,"
                        + " instance-ids, tags, command-timeout");
        assertThatThrownBy(() -> create(Map.of("profile", "prod")))
                .hasMessage("option 'profile' of provider 'aws': no profile 'prod' in ~/.aws/config or"
                        + " ~/.aws/credentials (profiles: audit)");
    }
}

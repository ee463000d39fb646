package io.osbaseline.aws;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The {@code aws} provider: EC2 instances (and SSM hybrid nodes on request) of the regions given, assessed through
 * AWS Systems Manager. Credentials and the default region come from the SDK's default chains, or from a named profile.
 */
public final class AwsProviderFactory implements ProviderFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AwsProviderFactory.class);

    public static final String ID = "aws";
    public static final String REGIONS = "regions";
    public static final String PROFILE = "profile";
    public static final String MODE = "mode";
    public static final String HYBRID_NODES = "hybrid-nodes";
    public static final String INSTANCE_IDS = "instance-ids";
    public static final String TAGS = "tags";
    public static final String COMMAND_TIMEOUT = "command-timeout";

    static final String ALL_REGIONS = "all";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern INSTANCE_ID = Pattern.compile("(i|mi)-[0-9a-f]{8,17}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "EC2 instances and SSM managed nodes of an AWS account, collected through SSM Run Command or read from"
                + " SSM Inventory";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.optional(REGIONS, "comma-separated regions (eu-west-1,us-east-1), or 'all' for every"
                        + " region enabled for the account (default: the SDK's default region: AWS_REGION, or the"
                        + " profile's region)"),
                ProviderOption.optional(PROFILE, "named profile of ~/.aws/config and ~/.aws/credentials for the"
                        + " credentials and the default region (default: the SDK's default credentials chain)"),
                ProviderOption.withDefault(MODE, "'command': run the osbaseline collector through SSM Run Command;"
                        + " 'inventory': read installed applications from SSM Inventory, nothing runs on the machine",
                        SnapshotMode.COMMAND.optionValue()),
                ProviderOption.withDefault(HYBRID_NODES, "also list SSM hybrid nodes (mi-...): servers outside EC2"
                        + " registered with Systems Manager", "false"),
                ProviderOption.optional(INSTANCE_IDS, "comma-separated instance or hybrid node ids to list (default:"
                        + " all)"),
                ProviderOption.optional(TAGS, "comma-separated KEY=VALUE tags a machine must all carry to be listed"),
                ProviderOption.withDefault(COMMAND_TIMEOUT, "seconds one Run Command may take on a machine", "300"));
    }

    @Override
    public Provider create(ProviderOptions options) throws ProviderException {
        AwsProvider.Builder builder = AwsProvider.builder();
        Optional<String> profile = options.get(PROFILE).map(String::strip).filter(s -> !s.isEmpty());
        if (profile.isPresent()) {
            requireProfile(profile.get());
            builder.credentialsProvider(ProfileCredentialsProvider.builder().profileName(profile.get()).build());
        }
        List<String> regions = list(options.get(REGIONS).orElse(""));
        if (regions.isEmpty()) {
            builder.regions(defaultRegion(profile.orElse(null)));
        } else if (regions.equals(List.of(ALL_REGIONS))) {
            builder.allRegions(defaultRegionOr(profile.orElse(null), Region.US_EAST_1));
        } else {
            List<Region> parsed = new ArrayList<>();
            for (String r : regions) {
                parsed.add(region(r));
            }
            builder.regions(parsed);
        }
        builder.mode(mode(options.get(MODE).orElse(SnapshotMode.COMMAND.optionValue())));
        builder.hybridNodes(bool(HYBRID_NODES, options.get(HYBRID_NODES).orElse("false")));
        List<String> ids = list(options.get(INSTANCE_IDS).orElse(""));
        for (String id : ids) {
            if (!INSTANCE_ID.matcher(id).matches()) {
                throw new InvalidOptionException("option '" + INSTANCE_IDS + "' of provider '" + ID + "': '" + id
                        + "' is not an EC2 instance id (i-0123456789abcdef0) or an SSM hybrid node id (mi-...)");
            }
        }
        builder.instanceIds(ids);
        for (String tag : list(options.get(TAGS).orElse(""))) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new InvalidOptionException("option '" + TAGS + "' of provider '" + ID + "': '" + tag
                        + "' is not KEY=VALUE");
            }
            builder.tag(tag.substring(0, eq).strip(), tag.substring(eq + 1).strip());
        }
        int timeout = options.getInt(COMMAND_TIMEOUT).orElse(300);
        if (timeout < 30) {
            throw new InvalidOptionException("option '" + COMMAND_TIMEOUT + "' of provider '" + ID
                    + "' must be at least 30 seconds (SSM's least command timeout), got " + timeout);
        }
        builder.commandTimeout(Duration.ofSeconds(timeout));
        return builder.build();
    }

    private static void requireProfile(String profile) throws InvalidOptionException {
        ProfileFile file;
        try {
            file = ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            throw new InvalidOptionException("option '" + PROFILE + "' of provider '" + ID + "': cannot read the AWS"
                    + " configuration files: " + e.getMessage());
        }
        if (file.profile(profile).isEmpty()) {
            throw new InvalidOptionException("option '" + PROFILE + "' of provider '" + ID + "': no profile '"
                    + profile + "' in ~/.aws/config or ~/.aws/credentials (profiles: "
                    + String.join(", ", file.profiles().keySet()) + ")");
        }
    }

    private static Region defaultRegion(@Nullable String profile) throws InvalidOptionException {
        try {
            return regionChain(profile).getRegion();
        } catch (SdkClientException e) {
            throw new InvalidOptionException("provider '" + ID + "' needs a region: give the option '" + REGIONS
                    + "' (for example regions=eu-west-1), or set AWS_REGION or a region in the profile");
        }
    }

    private static Region defaultRegionOr(@Nullable String profile, Region fallback) {
        try {
            return regionChain(profile).getRegion();
        } catch (SdkClientException e) {
            LOG.debug("no default region ({}); listing the regions from {}", e.getMessage(), fallback.id());
            return fallback;
        }
    }

    private static AwsRegionProvider regionChain(@Nullable String profile) {
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        if (profile != null) {
            chain.profileName(profile);
        }
        return chain.build();
    }

    static Region region(String code) throws InvalidOptionException {
        if (!REGION.matcher(code).matches()) {
            throw new InvalidOptionException("option '" + REGIONS + "' of provider '" + ID + "': '" + code
                    + "' is not a region code (for example eu-west-1, us-east-1, or 'all' alone)");
        }
        Region region = Region.of(code);
        if (!Region.regions().contains(region)) {
            LOG.warn("region {} is not known to this AWS SDK; trying it anyway", code);
        }
        return region;
    }

    static SnapshotMode mode(String value) throws InvalidOptionException {
        for (SnapshotMode m : SnapshotMode.values()) {
            if (m.optionValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidOptionException("option '" + MODE + "' of provider '" + ID + "' must be "
                + Arrays.stream(SnapshotMode.values()).map(SnapshotMode::optionValue).toList() + ", got '" + value
                + "'");
    }

    private static boolean bool(String option, String value) throws InvalidOptionException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new InvalidOptionException("option '" + option + "' of provider '" + ID
                    + "' must be true or false, got '" + value + "'");
        };
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

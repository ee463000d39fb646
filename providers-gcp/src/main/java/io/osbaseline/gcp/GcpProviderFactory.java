package io.osbaseline.gcp;

import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code gcp} provider: Compute Engine instances of the given projects, assessed from their OS Config inventory,
 * with Application Default Credentials.
 */
public final class GcpProviderFactory implements ProviderFactory {
    public static final String ID = "gcp";
    public static final String PROJECTS = "projects";
    public static final String FILTER = "filter";

    /** A project id (6 to 30 characters), a legacy domain-scoped id ({@code example.com:proj}), or a project number. */
    private static final Pattern PROJECT = Pattern.compile(
            "(?:[a-z0-9][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Compute Engine instances, assessed from their VM Manager (OS Config) inventory: OS and installed "
                + "packages; Application Default Credentials";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.required(PROJECTS, "comma-separated project ids whose instances to assess; the "
                        + "credentials need roles/compute.viewer and roles/osconfig.inventoryViewer in each"),
                ProviderOption.optional(FILTER, "Compute Engine filter expression for the listing, for example "
                        + "'labels.env = prod'"));
    }

    @Override
    public Provider create(ProviderOptions options) throws ProviderException {
        return GcpProvider.builder()
                .projects(projects(options.require(PROJECTS)))
                .filter(options.get(FILTER).filter(f -> !f.isBlank()).orElse(null))
                .build();
    }

    static List<String> projects(String value) throws InvalidOptionException {
        List<String> projects = Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .distinct().toList();
        if (projects.isEmpty()) {
            throw new InvalidOptionException("option '" + PROJECTS + "' of provider '" + ID
                    + "' names no project; give project ids separated by commas");
        }
        for (String project : projects) {
            if (!PROJECT.matcher(project).matches()) {
                throw new InvalidOptionException("option '" + PROJECTS + "' of provider '" + ID + "': '" + project
                        + "' is not a project id (6 to 30 lower-case letters, digits and hyphens, starting with a "
                        + "letter) nor a project number");
            }
        }
        return projects;
    }
}

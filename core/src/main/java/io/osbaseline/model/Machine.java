package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * A machine to assess, as an inventory provider describes it.
 *
 * @param id stable identifier, unique within a fleet (a cloud resource id, an instance id, a host name)
 * @param name display name
 * @param osFamily the OS family, which selects the baselines
 * @param osName OS name, for example "Debian GNU/Linux" or "Windows Server 2022 Datacenter"
 * @param osVersion OS version, for example "12" or "10.0.20348"
 * @param cloud where the machine runs
 * @param region cloud region or site
 * @param resourceId the cloud's resource id, when it has one
 * @param tags tags or labels, sorted by key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Machine(
        String id,
        String name,
        OsFamily osFamily,
        @CheckForNull String osName,
        @CheckForNull String osVersion,
        Cloud cloud,
        @CheckForNull String region,
        @CheckForNull String resourceId,
        Map<String, String> tags) {

    public Machine {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("machine id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        osFamily = osFamily == null ? OsFamily.UNKNOWN : osFamily;
        cloud = cloud == null ? Cloud.UNKNOWN : cloud;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder that starts from this machine, to change a few fields. */
    public Builder toBuilder() {
        return new Builder(id).name(name).osFamily(osFamily).osName(osName).osVersion(osVersion)
                .cloud(cloud).region(region).resourceId(resourceId).tags(tags);
    }

    /** Builds a {@link Machine}; only the id is required. */
    public static final class Builder {
        private final String id;
        private @Nullable String name;
        private OsFamily osFamily = OsFamily.UNKNOWN;
        private @Nullable String osName;
        private @Nullable String osVersion;
        private Cloud cloud = Cloud.UNKNOWN;
        private @Nullable String region;
        private @Nullable String resourceId;
        private final Map<String, String> tags = new TreeMap<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        public Builder osFamily(OsFamily osFamily) {
            this.osFamily = Objects.requireNonNull(osFamily);
            return this;
        }

        public Builder osName(@Nullable String osName) {
            this.osName = osName;
            return this;
        }

        public Builder osVersion(@Nullable String osVersion) {
            this.osVersion = osVersion;
            return this;
        }

        public Builder cloud(Cloud cloud) {
            this.cloud = Objects.requireNonNull(cloud);
            return this;
        }

        public Builder region(@Nullable String region) {
            this.region = region;
            return this;
        }

        public Builder resourceId(@Nullable String resourceId) {
            this.resourceId = resourceId;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags.putAll(tags);
            return this;
        }

        public Machine build() {
            return new Machine(id, name, osFamily, osName, osVersion, cloud, region, resourceId, tags);
        }
    }
}

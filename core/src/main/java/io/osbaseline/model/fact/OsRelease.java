package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * The distribution, from {@code /etc/os-release}.
 *
 * @param id {@code ID}, for example {@code debian}, {@code ubuntu}, {@code rhel}, {@code sles}, {@code mariner}
 * @param idLike {@code ID_LIKE}, for example {@code [rhel, fedora]}
 * @param versionId {@code VERSION_ID}, for example {@code 12} or {@code 9.4}
 * @param name {@code NAME}
 * @param prettyName {@code PRETTY_NAME}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsRelease(String id, List<String> idLike, @CheckForNull String versionId, @CheckForNull String name,
        @CheckForNull String prettyName) implements Fact {
    public OsRelease {
        Objects.requireNonNull(id, "id");
        idLike = idLike == null ? List.of() : List.copyOf(idLike);
    }

    /** Whether the distribution is {@code family} or derives from it, for example {@code isLike("rhel")} on Rocky. */
    public boolean isLike(String family) {
        return id.equals(family) || idLike.contains(family);
    }
}

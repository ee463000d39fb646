package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * A security baseline: a named set of rules for one OS family. Reports give one recommendation per baseline.
 *
 * @param id short id, for example {@code azure-linux}
 * @param title the baseline's name
 * @param osFamily the OS family it applies to, or null for rules that apply to any machine
 * @param recommendation the recommendation's wording, as Defender for Cloud would phrase it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Baseline(String id, String title, @CheckForNull OsFamily osFamily, String recommendation) {
    public Baseline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recommendation, "recommendation");
    }

    /** Whether the baseline applies to machines of this OS family. */
    public boolean appliesTo(OsFamily family) {
        return osFamily == null || osFamily == family;
    }

    /** The description of a baseline that only custom rules define. */
    public static Baseline custom(String id, @CheckForNull OsFamily osFamily) {
        String machines = osFamily == null ? "machines" : osFamily == OsFamily.LINUX ? "Linux machines"
                : osFamily == OsFamily.WINDOWS ? "Windows machines" : "machines";
        return new Baseline(id, "Custom rules " + id, osFamily,
                "Findings of the custom rules " + id + " on your " + machines + " should be remediated");
    }
}

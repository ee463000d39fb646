package io.osbaseline.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * A verdict that another assessor reported for one rule of a baseline: a guest configuration agent, a cloud's posture
 * service, a scanner whose results a provider imports. In a snapshot it stands as the finding of the rule it concerns,
 * with the source named in the finding, whatever this engine's own rules would say: a user sees the other assessor's
 * verdicts and ours in one report. A rule the source says nothing about is judged by our rules as usual.
 *
 * <p>The rule is named by the id the baseline publishes, or failing that by its title: {@link #concerns} compares
 * titles case-insensitively, ignoring punctuation and a trailing parenthesised reference such as {@code (CIS: 5.2.10)}.
 *
 * @param source who reported the verdict, for example {@code azure-guest-configuration}
 * @param baselineId the baseline, by this SDK's id (for example {@code azure-linux})
 * @param ruleId the rule's id as the source reports it
 * @param title the rule's title as the source reports it, if any
 * @param status the verdict: PASS, FAIL, NOT_APPLICABLE or UNKNOWN
 * @param reasons what the source said, one entry per reason (the actual value it saw, why it failed)
 * @param reportedAt when the source judged the machine, if known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedVerdict(String source, String baselineId, String ruleId, @CheckForNull String title,
        Status status, List<String> reasons, @CheckForNull Instant reportedAt) implements Fact {

    public ReportedVerdict {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baselineId, "baselineId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        if (status == Status.EXEMPT) {
            throw new IllegalArgumentException("a reported verdict cannot be EXEMPT (rule " + ruleId
                    + "); exemptions are configured on the engine");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether this verdict is about {@code rule}: same baseline, and the same id or the same title. */
    public boolean concerns(RuleInfo rule) {
        if (!rule.baselineId().equals(baselineId)) {
            return false;
        }
        if (rule.id().equalsIgnoreCase(ruleId)) {
            return true;
        }
        return title != null && !normalizeTitle(title).isEmpty()
                && normalizeTitle(title).equals(normalizeTitle(rule.title()));
    }

    /** A title reduced for comparison: lower case, no trailing parenthesised references, words only. */
    public static String normalizeTitle(String title) {
        String t = title.strip();
        String previous;
        do {
            previous = t;
            t = t.replaceAll("\\s*\\([^()]*\\)\\s*\\.?$", "").replaceAll("\\.$", "").strip();
        } while (!t.equals(previous));
        return t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

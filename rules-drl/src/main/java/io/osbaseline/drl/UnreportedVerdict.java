package io.osbaseline.drl;

import io.osbaseline.model.Status;
import java.util.Locale;

/**
 * What a check, or a part of it, stands at when none of its rules reported: a rule's {@code @unreported} metadata,
 * {@code "STATUS: TEXT"}, with STATUS one of {@code pass}, {@code fail}, {@code not-applicable} and {@code unknown}.
 * TEXT is the actual value of a pass or a fail and the reason of the others:
 *
 * <pre>
 * rule "ACME-3"
 *     &#64;id("ACME-3") &#64;unreported("fail: no install directive: the module can be loaded")
 * when
 *     $k : KernelModule( name == "cramfs" )
 * then
 *     verdicts.check(drools, $k.notLoadable(), $k.describe());
 * end
 * </pre>
 *
 * On a rule with {@code @part}, it concerns that part; otherwise the whole check. The engine records it itself, after
 * the rules have fired, without a rule firing: the cheapest way to say what absence means. Where absence needs a
 * condition of its own, a rule that matches a {@link NoVerdict} says it.
 */
record UnreportedVerdict(Status status, String text) {
    /**
     * Reads {@code @unreported}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code metadata}
     */
    static UnreportedVerdict parse(String metadata) {
        int colon = metadata.indexOf(':');
        String word = colon < 0 ? metadata.strip() : metadata.substring(0, colon).strip();
        String text = colon < 0 ? "" : metadata.substring(colon + 1).strip();
        Status status = switch (word.toLowerCase(Locale.ROOT)) {
            case "pass" -> Status.PASS;
            case "fail" -> Status.FAIL;
            case "not-applicable" -> Status.NOT_APPLICABLE;
            case "unknown" -> Status.UNKNOWN;
            default -> throw new IllegalArgumentException("'" + metadata + "' must start with pass, fail, "
                    + "not-applicable or unknown, then ': ' and the actual value or the reason");
        };
        if (text.isEmpty() && (status == Status.UNKNOWN || status == Status.NOT_APPLICABLE)) {
            throw new IllegalArgumentException("'" + metadata + "' needs a reason after '" + word + ": '");
        }
        return new UnreportedVerdict(status, text.isEmpty() ? null : text);
    }

    /** The metadata this was read from. */
    @Override
    public String toString() {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-') + (text == null ? "" : ": " + text);
    }
}

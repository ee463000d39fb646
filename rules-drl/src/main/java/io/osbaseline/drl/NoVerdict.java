package io.osbaseline.drl;

/**
 * A fact the engine inserts after the rules have fired once, for each check, and each part of a check, that reported
 * no verdict, so that the rules saying what absence means run only when something is absent:
 *
 * <pre>
 * rule "ACME-7 unset"
 *     &#64;id("ACME-7")
 * when
 *     NoVerdict( check == "ACME-7", part == "net.ipv4.ip_forward", baseline == "acme-linux" )
 * then
 *     verdicts.unknown(drools, "net.ipv4.ip_forward is not set");
 * end
 * </pre>
 *
 * A {@code not Sysctl( key == "net.ipv4.ip_forward" )} rule says the same, but Drools evaluates such a rule for every
 * machine, which with hundreds of them is most of an assessment's cost; a rule that starts with {@code NoVerdict} is
 * not evaluated at all until its fact is inserted. Where absence needs no condition of its own, as here,
 * {@code @unreported("unknown: net.ipv4.ip_forward is not set")} on the rule that reports the part says it for less:
 * the engine records it without a rule firing.
 *
 * <p>After the first firing, for every check of the rule base:
 * <ul>
 * <li>if no rule of the check reported, {@code NoVerdict(check, "", baseline)}, and one for each of its parts;</li>
 * <li>otherwise, if no rule without a {@code @part} reported, one for each part (named by a {@code @part} of its
 *     rules) that no rule of that part reported.</li>
 * </ul>
 * Then the rules fire again. Only facts that some {@code NoVerdict} pattern names are inserted.
 *
 * @param check the check's id ({@code @id})
 * @param part the part ({@code @part}) that reported nothing, or {@code ""} when the whole check reported nothing
 * @param baseline the id of the check's baseline
 */
public record NoVerdict(String check, String part, String baseline) {
    /** The part of a {@code NoVerdict} that stands for the whole check. */
    public static final String WHOLE_CHECK = "";
}

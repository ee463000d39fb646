package io.osbaseline.drl;

import io.osbaseline.engine.Expectation;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.CheckForNull;
import org.drools.model.Drools;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global through which rules report what they find, declared in every DRL package that holds checks:
 *
 * <pre>
 * global io.osbaseline.drl.Verdicts verdicts;
 *
 * rule "ACME-1"
 *     &#64;id("ACME-1") &#64;title("Root login over SSH is disabled") &#64;severity("Critical")
 *     &#64;category("SSH") &#64;expect("= no") &#64;requires("sshd")
 * when
 *     $o : SshdOption( key == "permitrootlogin" )
 * then
 *     verdicts.judge(drools, $o.value());
 * end
 * </pre>
 *
 * A rule may report several times for one machine (once per file, per user, per key); the verdicts merge as
 * {@link io.osbaseline.engine.FindingAssembler} describes. One instance per assessment; not thread-safe.
 *
 * <p>{@code drools} is a {@link RuleContext} in DRL compiled at run time (custom rules), and a
 * {@link org.drools.model.Drools} in the built-in packs, which the build compiles to Drools' executable model; each
 * method takes either, so that the same DRL reads the same in both.
 */
public final class Verdicts {
    private final Map<Rule, FamilyRuleBase.Reporter> reporters;
    private final VerdictSheet sheet;
    /** Which checks and parts reported, by slot (see {@link FamilyRuleBase.CheckParts}). */
    private final boolean[] reported;

    /**
     * @param reporters the reporter of every DRL rule that is a check's, by rule object (see {@link FamilyRuleBase})
     * @param slots how many slots the record of what reported needs
     */
    Verdicts(Map<Rule, FamilyRuleBase.Reporter> reporters, int slots, VerdictSheet sheet) {
        this.reporters = reporters;
        this.sheet = sheet;
        this.reported = new boolean[slots];
    }

    /** The check passes; {@code actual} is what the machine has. */
    public void pass(RuleContext drools, @CheckForNull String actual) {
        record(check(drools), Status.PASS, actual, null);
    }

    /** The check fails; {@code actual} is what the machine has. */
    public void fail(RuleContext drools, @CheckForNull String actual) {
        record(check(drools), Status.FAIL, actual, null);
    }

    /** The check fails, with a reason beyond the actual value. */
    public void fail(RuleContext drools, @CheckForNull String actual, String reason) {
        record(check(drools), Status.FAIL, actual, reason);
    }

    /** Passes when {@code compliant}, fails otherwise. */
    public void check(RuleContext drools, boolean compliant, @CheckForNull String actual) {
        record(check(drools), compliant ? Status.PASS : Status.FAIL, actual, null);
    }

    /** Tests {@code value} against the rule's expectation ({@code @expect}, or the user's override of it). */
    public void judge(RuleContext drools, @CheckForNull String value) {
        judge(drools, value, value);
    }

    /** Tests {@code value} against the rule's expectation and reports {@code shown} as the actual value. */
    public void judge(RuleContext drools, @CheckForNull String value, @CheckForNull String shown) {
        FamilyRuleBase.Reporter r = check(drools);
        Expectation expectation = r.binding().expectation();
        if (expectation == null) {
            throw new IllegalStateException("rule \"" + drools.getRule().getName()
                    + "\" calls verdicts.judge but has no @expect");
        }
        record(r, expectation.test(value) ? Status.PASS : Status.FAIL, shown, null);
    }

    /** The rule does not apply to this machine, and why. */
    public void notApplicable(RuleContext drools, String reason) {
        record(check(drools), Status.NOT_APPLICABLE, null, reason);
    }

    /** The rule cannot tell from the facts at hand, and why. */
    public void unknown(RuleContext drools, String reason) {
        record(check(drools), Status.UNKNOWN, null, reason);
    }

    private void record(FamilyRuleBase.Reporter r, Status status, @CheckForNull String actual,
            @CheckForNull String reason) {
        sheet.record(r.binding().info(), status, actual, reason);
        reported[r.slot()] = true;
    }

    /**
     * Records the {@code @unreported} verdict of each of {@code checks}, and each of their parts, that has not
     * reported so far; returns a {@link NoVerdict} for each of them when {@code facts}, for the rules to say more.
     */
    List<NoVerdict> unreported(List<FamilyRuleBase.CheckParts> checks, boolean facts) {
        List<NoVerdict> out = facts ? new ArrayList<>() : List.of();
        for (FamilyRuleBase.CheckParts c : checks) {
            int first = c.firstSlot();
            if (reported[first]) {
                continue;
            }
            int slots = 1 + c.parts().size();
            boolean any = false;
            for (int i = 1; i < slots && !any; i++) {
                any = reported[first + i];
            }
            for (int i = any ? 1 : 0; i < slots; i++) {
                if (!reported[first + i]) {
                    silent(c, i, facts, out);
                }
            }
        }
        return out;
    }

    /** What part {@code i} of {@code c} (0 for the whole check) stands at, now that nothing reported on it. */
    private void silent(FamilyRuleBase.CheckParts c, int i, boolean facts, List<NoVerdict> out) {
        UnreportedVerdict v = c.unreported().get(i);
        if (v != null) {
            boolean reason = v.status() == Status.UNKNOWN || v.status() == Status.NOT_APPLICABLE;
            sheet.record(c.info(), v.status(), reason ? null : v.text(), reason ? v.text() : null);
        }
        if (facts) {
            out.add(c.noVerdicts().get(i));
        }
    }

    private FamilyRuleBase.Reporter check(RuleContext drools) {
        Rule rule = drools.getRule();
        FamilyRuleBase.Reporter r = reporters.get(rule);
        if (r == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" in package " + rule.getPackageName()
                    + " reports a verdict but has no @id");
        }
        return r;
    }

    /** The metadata of the rule that is firing. */
    public RuleInfo rule(RuleContext drools) {
        return check(drools).binding().info();
    }

    /** {@link #pass(RuleContext, String)}, in the executable model. */
    public void pass(Drools drools, @CheckForNull String actual) {
        pass(context(drools), actual);
    }

    /** {@link #fail(RuleContext, String)}, in the executable model. */
    public void fail(Drools drools, @CheckForNull String actual) {
        fail(context(drools), actual);
    }

    /** {@link #fail(RuleContext, String, String)}, in the executable model. */
    public void fail(Drools drools, @CheckForNull String actual, String reason) {
        fail(context(drools), actual, reason);
    }

    /** {@link #check(RuleContext, boolean, String)}, in the executable model. */
    public void check(Drools drools, boolean compliant, @CheckForNull String actual) {
        check(context(drools), compliant, actual);
    }

    /** {@link #judge(RuleContext, String)}, in the executable model. */
    public void judge(Drools drools, @CheckForNull String value) {
        judge(context(drools), value);
    }

    /** {@link #judge(RuleContext, String, String)}, in the executable model. */
    public void judge(Drools drools, @CheckForNull String value, @CheckForNull String shown) {
        judge(context(drools), value, shown);
    }

    /** {@link #notApplicable(RuleContext, String)}, in the executable model. */
    public void notApplicable(Drools drools, String reason) {
        notApplicable(context(drools), reason);
    }

    /** {@link #unknown(RuleContext, String)}, in the executable model. */
    public void unknown(Drools drools, String reason) {
        unknown(context(drools), reason);
    }

    /** {@link #rule(RuleContext)}, in the executable model. */
    public RuleInfo rule(Drools drools) {
        return rule(context(drools));
    }

    /** The executable model's {@code drools} is also the rule context of the firing rule. */
    private static RuleContext context(Drools drools) {
        if (drools instanceof RuleContext c) {
            return c;
        }
        throw new IllegalStateException("the executable model passed a " + drools.getClass().getName()
                + " as drools, which is not a RuleContext: this Drools version is not one osbaseline supports");
    }
}

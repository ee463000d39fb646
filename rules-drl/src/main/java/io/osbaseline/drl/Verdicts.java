package io.osbaseline.drl;

import io.osbaseline.engine.Expectation;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.util.Map;
import javax.annotation.CheckForNull;
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
 */
public final class Verdicts {
    private final Map<Rule, RuleCatalog.Binding> bindings;
    private final VerdictSheet sheet;

    /** @param bindings the check of every DRL rule that is one, by rule object (see {@link FamilyRuleBase}) */
    Verdicts(Map<Rule, RuleCatalog.Binding> bindings, VerdictSheet sheet) {
        this.bindings = bindings;
        this.sheet = sheet;
    }

    /** The check passes; {@code actual} is what the machine has. */
    public void pass(RuleContext drools, @CheckForNull String actual) {
        sheet.record(check(drools).info(), Status.PASS, actual, null);
    }

    /** The check fails; {@code actual} is what the machine has. */
    public void fail(RuleContext drools, @CheckForNull String actual) {
        sheet.record(check(drools).info(), Status.FAIL, actual, null);
    }

    /** The check fails, with a reason beyond the actual value. */
    public void fail(RuleContext drools, @CheckForNull String actual, String reason) {
        sheet.record(check(drools).info(), Status.FAIL, actual, reason);
    }

    /** Passes when {@code compliant}, fails otherwise. */
    public void check(RuleContext drools, boolean compliant, @CheckForNull String actual) {
        sheet.record(check(drools).info(), compliant ? Status.PASS : Status.FAIL, actual, null);
    }

    /** Tests {@code value} against the rule's expectation ({@code @expect}, or the user's override of it). */
    public void judge(RuleContext drools, @CheckForNull String value) {
        judge(drools, value, value);
    }

    /** Tests {@code value} against the rule's expectation and reports {@code shown} as the actual value. */
    public void judge(RuleContext drools, @CheckForNull String value, @CheckForNull String shown) {
        RuleCatalog.Binding b = check(drools);
        Expectation expectation = b.expectation();
        if (expectation == null) {
            throw new IllegalStateException("rule \"" + drools.getRule().getName()
                    + "\" calls verdicts.judge but has no @expect");
        }
        sheet.record(b.info(), expectation.test(value) ? Status.PASS : Status.FAIL, shown, null);
    }

    /** The rule does not apply to this machine, and why. */
    public void notApplicable(RuleContext drools, String reason) {
        sheet.record(check(drools).info(), Status.NOT_APPLICABLE, null, reason);
    }

    /** The rule cannot tell from the facts at hand, and why. */
    public void unknown(RuleContext drools, String reason) {
        sheet.record(check(drools).info(), Status.UNKNOWN, null, reason);
    }

    private RuleCatalog.Binding check(RuleContext drools) {
        Rule rule = drools.getRule();
        RuleCatalog.Binding b = bindings.get(rule);
        if (b == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" in package " + rule.getPackageName()
                    + " reports a verdict but has no @id");
        }
        return b;
    }

    /** The metadata of the rule that is firing. */
    public RuleInfo rule(RuleContext drools) {
        return check(drools).info();
    }
}

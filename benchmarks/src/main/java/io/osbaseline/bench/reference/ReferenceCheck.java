package io.osbaseline.bench.reference;

import io.osbaseline.engine.Expectation;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * One check of a pack, evaluated in plain Java. It reports the same verdicts as the DRL rules its pack generates, in
 * the same words, through core's {@link VerdictSheet}, which merges them the way it does for every engine.
 */
abstract class ReferenceCheck {
    /** An expected value of a check, by the part it judges; users may override it. */
    static final class Judged {
        @CheckForNull
        final String part;
        Expectation expectation;

        Judged(@CheckForNull String part, Expectation expectation) {
            this.part = part;
            this.expectation = expectation;
        }

        /** "part expectation", the way a check states what it expects. */
        String describe() {
            return part == null ? expectation.toString() : part + " " + expectation;
        }
    }

    private final List<Judged> judged = new ArrayList<>();
    private RuleInfo info;

    /** Evaluates the check on one machine and records what it finds in {@code sheet}. */
    abstract void evaluate(MachineFacts facts, VerdictSheet sheet);

    /** The collectors the check's kind reads, beyond those the rule names. */
    abstract List<String> requires();

    /** The expected value in words, when the rule states none. */
    abstract String expected();

    /** Declares an expected value the check judges against, in the order the DRL rules would carry them. */
    final Judged judged(@CheckForNull String part, String expectation) {
        Judged j = new Judged(part, Expectation.parse(expectation));
        judged.add(j);
        return j;
    }

    final List<Judged> judgedParts() {
        return judged;
    }

    final RuleInfo info() {
        return Objects.requireNonNull(info, "the rule of this check is not set yet");
    }

    final void info(RuleInfo info) {
        this.info = info;
    }

    final void pass(VerdictSheet sheet, @CheckForNull String actual) {
        sheet.record(info, Status.PASS, actual, null);
    }

    final void fail(VerdictSheet sheet, @CheckForNull String actual) {
        sheet.record(info, Status.FAIL, actual, null);
    }

    /** Fails with a reason beyond the actual value. */
    final void fail(VerdictSheet sheet, @CheckForNull String actual, String reason) {
        sheet.record(info, Status.FAIL, actual, reason);
    }

    final void check(VerdictSheet sheet, boolean compliant, @CheckForNull String actual) {
        sheet.record(info, compliant ? Status.PASS : Status.FAIL, actual, null);
    }

    final void judge(VerdictSheet sheet, Judged expected, @CheckForNull String value, @CheckForNull String shown) {
        sheet.record(info, expected.expectation.test(value) ? Status.PASS : Status.FAIL, shown, null);
    }

    final void notApplicable(VerdictSheet sheet, String reason) {
        sheet.record(info, Status.NOT_APPLICABLE, null, reason);
    }

    final void unknown(VerdictSheet sheet, String reason) {
        sheet.record(info, Status.UNKNOWN, null, reason);
    }

    /** What a template does when the thing a check looks at is absent: pass, fail, not-applicable or unknown. */
    enum Outcome {
        PASS("pass"), FAIL("fail"), NOT_APPLICABLE("not-applicable"), UNKNOWN("unknown");

        final String word;

        Outcome(String word) {
            this.word = word;
        }

        static Outcome parse(@CheckForNull String word, Outcome fallback) {
            if (word == null) {
                return fallback;
            }
            for (Outcome o : values()) {
                if (o.word.equals(word)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome '" + word + "'");
        }

        /** Reports this outcome, with {@code text} as the actual value (pass, fail) or the reason. */
        void report(ReferenceCheck check, VerdictSheet sheet, String text) {
            switch (this) {
                case PASS -> check.pass(sheet, text);
                case FAIL -> check.fail(sheet, text);
                case NOT_APPLICABLE -> check.notApplicable(sheet, text);
                case UNKNOWN -> check.unknown(sheet, text);
            }
        }
    }
}

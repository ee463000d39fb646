package io.osbaseline.bench;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * Compares the assessments of two engines field by field. The one latitude: when a rule reports several values
 * ({@code "a; b"}), their order follows the order its verdicts were emitted in, which is the agenda's business in
 * Drools and the loop's in plain Java, so the values are compared as a multiset. When the list is cut ("... and 3
 * more"), which values were kept depends on that order too, and only the count is compared.
 */
public final class FindingsComparison {
    private static final String MORE = "; ... and ";

    private FindingsComparison() {
    }

    /** What differs between the two assessments, one line each; empty when they agree. */
    public static List<String> differences(String leftName, Assessment left, String rightName, Assessment right) {
        List<String> out = new ArrayList<>();
        String machine = left.machine().id();
        if (!left.machine().equals(right.machine())) {
            out.add(machine + ": machine " + left.machine() + " vs " + right.machine());
        }
        if (left.status() != right.status() || !Objects.equals(left.reason(), right.reason())) {
            out.add(machine + ": status " + left.status() + " (" + left.reason() + ") vs " + right.status() + " ("
                    + right.reason() + ")");
        }
        List<String> leftIds = left.findings().stream().map(Finding::ruleId).toList();
        List<String> rightIds = right.findings().stream().map(Finding::ruleId).toList();
        if (!leftIds.equals(rightIds)) {
            out.add(machine + ": rules " + leftIds + " (" + leftName + ") vs " + rightIds + " (" + rightName + ")");
            return out;
        }
        for (int i = 0; i < leftIds.size(); i++) {
            Finding a = left.findings().get(i);
            Finding b = right.findings().get(i);
            if (!sameExceptValues(a, b) || !sameValues(a.actual(), b.actual()) || !sameValues(a.reason(), b.reason())) {
                out.add(machine + " rule " + a.ruleId() + ":\n    " + leftName + ":  " + a + "\n    " + rightName
                        + ": " + b);
            }
        }
        return out;
    }

    private static boolean sameExceptValues(Finding a, Finding b) {
        return a.machineId().equals(b.machineId()) && a.baselineId().equals(b.baselineId())
                && a.title().equals(b.title()) && a.severity() == b.severity() && a.category().equals(b.category())
                && a.status() == b.status() && a.expected().equals(b.expected());
    }

    private static boolean sameValues(@CheckForNull String a, @CheckForNull String b) {
        if (a == null || b == null) {
            return a == b;
        }
        int cutA = a.lastIndexOf(MORE);
        int cutB = b.lastIndexOf(MORE);
        if (cutA >= 0 || cutB >= 0) {
            return cutA >= 0 && cutB >= 0 && a.substring(cutA).equals(b.substring(cutB))
                    && a.substring(0, cutA).split("; ").length == b.substring(0, cutB).split("; ").length;
        }
        String[] x = a.split("; ");
        String[] y = b.split("; ");
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}

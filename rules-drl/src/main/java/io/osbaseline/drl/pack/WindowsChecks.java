package io.osbaseline.drl.pack;

import io.osbaseline.model.fact.WellKnownSids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/** Comparisons the Windows templates' rules call from their consequences. */
public final class WindowsChecks {
    private WindowsChecks() {
    }

    /** Whether two lists hold the same items in the same order, ignoring case (REG_MULTI_SZ values). */
    public static boolean sameItems(List<String> actual, List<String> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).strip().equalsIgnoreCase(expected.get(i).strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with the principals a right is granted to, or null when nothing is.
     *
     * @param mode {@code none}, {@code only}, {@code exactly} or {@code includes}
     * @param actual the canonical principals holding the right
     * @param expected the canonical principals the rule names
     */
    @CheckForNull
    public static String principalProblem(String mode, List<String> actual, List<String> expected) {
        Set<String> have = upper(actual);
        Set<String> want = upper(expected);
        List<String> extra = actual.stream().filter(p -> !want.contains(p.toUpperCase(Locale.ROOT))).toList();
        List<String> missing = expected.stream().filter(p -> !have.contains(p.toUpperCase(Locale.ROOT))).toList();
        List<String> problems = new ArrayList<>();
        if (!mode.equals("includes") && !extra.isEmpty()) {
            problems.add("also granted to " + names(extra));
        }
        if ((mode.equals("exactly") || mode.equals("includes")) && !missing.isEmpty()) {
            problems.add("not granted to " + names(missing));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static Set<String> upper(List<String> principals) {
        return principals.stream().map(p -> p.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String names(List<String> principals) {
        return principals.stream().map(WellKnownSids::displayName).sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }
}

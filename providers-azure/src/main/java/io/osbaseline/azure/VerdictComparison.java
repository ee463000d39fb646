package io.osbaseline.azure;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;

/**
 * Our verdict and Defender for Cloud's on the same rule and machine, side by side, so that disagreements show.
 *
 * <pre>{@code
 * Report report = FleetScan.of(azure, engine).report();
 * List<VerdictComparison> rows = VerdictComparison.compare(report, azure.defenderFindings());
 * rows.stream().filter(VerdictComparison::disagrees).forEach(...);
 * System.out.print(VerdictComparison.render(rows));
 * }</pre>
 *
 * @param machineId the machine (its Azure resource id)
 * @param machineName its name
 * @param baselineId the baseline
 * @param ruleId our rule id, or Defender's when the rule is not in our baseline
 * @param title our title, or Defender's
 * @param ours our finding's status, or null when the rule is not in our baseline or the machine was not assessed
 * @param oursSource who decided our verdict (null: our own rules; else a reported verdict's source)
 * @param defender Defender's status, or null when Defender says nothing on this rule for this machine
 */
public record VerdictComparison(String machineId, String machineName, String baselineId, String ruleId, String title,
        @CheckForNull Status ours, @CheckForNull String oursSource, @CheckForNull Status defender) {

    /** Whether both judged the rule (PASS or FAIL) and came to different verdicts. */
    public boolean disagrees() {
        return ours != null && defender != null && judged(ours) && judged(defender) && ours != defender;
    }

    private static boolean judged(Status s) {
        return s == Status.PASS || s == Status.FAIL;
    }

    /**
     * For every machine of the report that Defender has sub-assessments for, one row per finding with Defender's
     * verdict on the same rule (null where Defender says nothing); then Defender's sub-assessments that match no
     * finding (rules outside our baseline, machines outside the report). Machines Defender says nothing about are left
     * out: that is usually a machine Defender does not cover. Reads the Defender stream once; keeps the unmatched
     * sub-assessments in memory.
     */
    public static List<VerdictComparison> compare(Report report, Stream<DefenderFinding> defender) {
        Map<String, List<Finding>> findingsByMachine = new HashMap<>();
        Map<String, Assessment> assessments = new HashMap<>();
        for (Assessment a : report.assessments()) {
            String key = a.machine().id().toLowerCase(Locale.ROOT);
            findingsByMachine.put(key, a.findings());
            assessments.put(key, a);
        }
        Map<Finding, DefenderFinding> matched = new IdentityHashMap<>();
        List<DefenderFinding> unmatched = new ArrayList<>();
        try (defender) {
            for (Iterator<DefenderFinding> it = defender.iterator(); it.hasNext(); ) {
                DefenderFinding d = it.next();
                Finding f = findingsByMachine.getOrDefault(d.machineResourceId().toLowerCase(Locale.ROOT), List.of())
                        .stream().filter(d::concerns).findFirst().orElse(null);
                if (f == null) {
                    unmatched.add(d);
                } else {
                    matched.put(f, d);
                }
            }
        }
        List<VerdictComparison> rows = new ArrayList<>();
        Set<String> withDefender = matched.values().stream()
                .map(d -> d.machineResourceId().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (Assessment a : report.assessments()) {
            for (Finding f : a.findings()) {
                DefenderFinding d = matched.get(f);
                if (d != null || withDefender.contains(a.machine().id().toLowerCase(Locale.ROOT))) {
                    rows.add(new VerdictComparison(a.machine().id(), a.machine().name(), f.baselineId(), f.ruleId(),
                            f.title(), f.status(), f.source(), d == null ? null : d.status()));
                }
            }
        }
        for (DefenderFinding d : unmatched) {
            Assessment a = assessments.get(d.machineResourceId().toLowerCase(Locale.ROOT));
            String name = a != null ? a.machine().name()
                    : d.machineResourceId().substring(d.machineResourceId().lastIndexOf('/') + 1);
            rows.add(new VerdictComparison(d.machineResourceId(), name, d.baselineId(), d.ruleId(),
                    Objects.requireNonNullElse(d.title(), d.ruleId()), null, null, d.status()));
        }
        return rows;
    }

    /** A text table of the rows, disagreements first. */
    public static String render(List<VerdictComparison> rows) {
        StringBuilder out = new StringBuilder(String.format("%-10s %-20s %-12s %-15s %-15s %s%n", "AGREE",
                "MACHINE", "RULE", "OSBASELINE", "DEFENDER", "TITLE"));
        rows.stream().sorted((x, y) -> Boolean.compare(y.disagrees(), x.disagrees())).forEach(r -> out.append(
                String.format("%-10s %-20s %-12s %-15s %-15s %s%n",
                        r.disagrees() ? "DIFFERS" : r.ours == null || r.defender == null ? "ONE SIDE" : "yes",
                        r.machineName, r.ruleId, r.ours == null ? "-" : r.ours + (r.oursSource == null ? "" : "*"),
                        r.defender == null ? "-" : r.defender, r.title)));
        if (rows.stream().anyMatch(r -> r.oursSource != null)) {
            out.append("* reported by another source (see the finding's source), not judged by our rules\n");
        }
        return out.toString();
    }
}

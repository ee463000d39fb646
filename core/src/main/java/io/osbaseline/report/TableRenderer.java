package io.osbaseline.report;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a report for a terminal, the way the Defender for Cloud page reads: each recommendation's headline and
 * machine counts, its failed checks by severity with the number of machines each affects, then a drill-down per
 * machine with expected against actual values.
 */
public final class TableRenderer {
    private final boolean showPassing;

    /** @param showPassing whether the drill-down lists passing and exempt checks too, not only the others */
    public TableRenderer(boolean showPassing) {
        this.showPassing = showPassing;
    }

    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("osbaseline report, generated ").append(report.generatedAt()).append("\n");
        for (Recommendation r : report.recommendations()) {
            recommendation(out, r);
        }
        for (Assessment a : report.assessments()) {
            machine(out, a);
        }
        return out.toString();
    }

    private static void recommendation(StringBuilder out, Recommendation r) {
        out.append("\n").append(r.title()).append("\n");
        out.append("  ").append(r.baselineTitle()).append(" (").append(r.baselineId()).append(")\n");
        out.append(String.format("  Unhealthy machines: %d   Healthy: %d   Not applicable: %d", r.unhealthy().size(),
                r.healthy().size(), r.notApplicable().size()));
        if (!r.unassessed().isEmpty()) {
            out.append("   Not assessed: ").append(r.unassessed().size());
        }
        out.append("\n");
        if (r.failedChecks().isEmpty()) {
            out.append("  No failed checks.\n");
        } else {
            out.append(String.format("%n  %-14s %-12s %-9s %s%n", "SEVERITY", "RULE", "MACHINES", "FAILED CHECK"));
            for (FailedCheck c : r.failedChecks()) {
                out.append(String.format("  %-14s %-12s %-9d %s%n", c.rule().severity().displayName(), c.rule().id(),
                        c.affected(), c.rule().title()));
            }
        }
        for (MachineRef m : r.unassessed()) {
            out.append("  not assessed: ").append(m.name()).append(": ").append(m.reason()).append("\n");
        }
    }

    private void machine(StringBuilder out, Assessment a) {
        Machine m = a.machine();
        out.append("\nMachine ").append(m.name());
        String os = m.osName() == null ? m.osFamily().name()
                : m.osFamily() + ", " + m.osName() + (m.osVersion() == null ? "" : " " + m.osVersion());
        out.append(" (").append(os).append("): ").append(a.status());
        if (a.reason() != null) {
            out.append(": ").append(a.reason());
        }
        out.append("\n");
        if (a.findings().isEmpty()) {
            return;
        }
        Map<Status, Integer> counts = a.countByStatus();
        out.append("  ").append(a.findings().size()).append(" rules: ").append(counts.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + label(e.getKey()))
                .collect(Collectors.joining(", "))).append("\n");
        List<Finding> shown = a.findings().stream()
                .filter(f -> showPassing || (f.status() != Status.PASS && f.status() != Status.EXEMPT))
                .sorted(Comparator.comparing((Finding f) -> order(f.status())).thenComparing(Finding::severity)
                        .thenComparing(Finding::ruleId, RuleIdOrder.INSTANCE))
                .toList();
        for (Finding f : shown) {
            out.append(String.format("  %-15s %-14s %-12s %s%n", f.status(), f.severity().displayName(), f.ruleId(),
                    f.title()));
            if (!f.expected().isEmpty()) {
                out.append(String.format("  %44s expected: %s%n", "", f.expected()));
            }
            if (f.actual() != null) {
                out.append(String.format("  %44s actual:   %s%n", "", f.actual()));
            }
            if (f.reason() != null && f.status() != Status.PASS) {
                out.append(String.format("  %44s reason:   %s%n", "", f.reason()));
            }
            if (f.source() != null) {
                out.append(String.format("  %44s source:   %s%n", "", f.source()));
            }
        }
    }

    private static int order(Status s) {
        return switch (s) {
            case FAIL -> 0;
            case UNKNOWN -> 1;
            case NOT_APPLICABLE -> 2;
            case EXEMPT -> 3;
            case PASS -> 4;
        };
    }

    private static String label(Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package io.osbaseline.report;

import io.osbaseline.model.AffectedMachine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a report as one self-contained HTML page (no script, no external resource), laid out like the Defender for
 * Cloud recommendation page: each recommendation with its machine counts and its failed checks ranked by severity,
 * each check opening onto its rationale, remediation and the machines it fails on, then one section per machine.
 */
public final class HtmlRenderer {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}
            h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
            .counts span{display:inline-block;margin-right:1.5rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
            details{margin:.3rem 0}summary{cursor:pointer}
            .CRITICAL{color:#a4262c;font-weight:600}.IMPORTANT{color:#d83b01}.WARNING{color:#8a6d00}
            .FAIL{color:#a4262c;font-weight:600}.PASS{color:#107c10}.UNKNOWN{color:#605e5c}
            .NOT_APPLICABLE,.EXEMPT{color:#605e5c}.muted{color:#605e5c}
            """;

    public String render(Report report) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>osbaseline report</title><style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>osbaseline report</h1><p class=\"muted\">Generated ")
                .append(esc(report.generatedAt().toString())).append("</p>\n");
        for (Recommendation r : report.recommendations()) {
            recommendation(h, r);
        }
        h.append("<h2>Machines</h2>\n");
        for (Assessment a : report.assessments()) {
            machine(h, a);
        }
        return h.append("</body></html>\n").toString();
    }

    private static void recommendation(StringBuilder h, Recommendation r) {
        h.append("<h2>").append(esc(r.title())).append("</h2>\n<p class=\"muted\">").append(esc(r.baselineTitle()))
                .append(" (").append(esc(r.baselineId())).append(")</p>\n<p class=\"counts\">")
                .append("<span>Unhealthy machines: <b>").append(r.unhealthy().size()).append("</b></span>")
                .append("<span>Healthy: <b>").append(r.healthy().size()).append("</b></span>")
                .append("<span>Not applicable: <b>").append(r.notApplicable().size()).append("</b></span>");
        if (!r.unassessed().isEmpty()) {
            h.append("<span>Not assessed: <b>").append(r.unassessed().size()).append("</b></span>");
        }
        h.append("</p>\n");
        if (r.failedChecks().isEmpty()) {
            h.append("<p>No failed checks.</p>\n");
        } else {
            h.append("<table><tr><th>Severity</th><th>Rule</th><th>Failed check</th><th>Machines</th></tr>\n");
            for (FailedCheck c : r.failedChecks()) {
                RuleInfo rule = c.rule();
                h.append("<tr><td class=\"").append(rule.severity().name()).append("\">")
                        .append(rule.severity().displayName()).append("</td><td>").append(esc(rule.id()))
                        .append("</td><td><details><summary>").append(esc(rule.title())).append("</summary>");
                paragraph(h, "Expected", rule.expected());
                paragraph(h, "Why", rule.rationale());
                paragraph(h, "How to fix", rule.remediation());
                h.append("<table><tr><th>Machine</th><th>Actual</th></tr>");
                for (AffectedMachine m : c.machines()) {
                    h.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(esc(m.actual()))
                            .append("</td></tr>");
                }
                h.append("</table></details></td><td>").append(c.affected()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        for (MachineRef m : r.unassessed()) {
            h.append("<p class=\"FAIL\">Not assessed: ").append(esc(m.name())).append(": ").append(esc(m.reason()))
                    .append("</p>\n");
        }
    }

    private static void machine(StringBuilder h, Assessment a) {
        Machine m = a.machine();
        Map<Status, Integer> counts = a.countByStatus();
        h.append("<details><summary><b>").append(esc(m.name())).append("</b> ")
                .append(esc(m.osName() == null ? m.osFamily().name() : m.osName()
                        + (m.osVersion() == null ? "" : " " + m.osVersion())))
                .append(": <span class=\"").append(a.status() == io.osbaseline.model.AssessmentStatus.UNHEALTHY
                        ? "FAIL" : "PASS").append("\">").append(a.status()).append("</span> <span class=\"muted\">")
                .append(counts.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', ' '))
                        .collect(Collectors.joining(", ")))
                .append("</span></summary>\n");
        if (a.reason() != null) {
            h.append("<p>").append(esc(a.reason())).append("</p>\n");
        }
        if (!a.findings().isEmpty()) {
            List<Finding> sorted = a.findings().stream()
                    .sorted(Comparator.comparing((Finding f) -> f.status() == Status.PASS)
                            .thenComparing(Finding::severity).thenComparing(Finding::ruleId, RuleIdOrder.INSTANCE))
                    .toList();
            h.append("<table><tr><th>Status</th><th>Severity</th><th>Rule</th><th>Check</th><th>Expected</th>")
                    .append("<th>Actual</th><th>Reason</th></tr>\n");
            for (Finding f : sorted) {
                h.append("<tr><td class=\"").append(f.status().name()).append("\">").append(f.status())
                        .append("</td><td class=\"").append(f.severity().name()).append("\">")
                        .append(f.severity().displayName()).append("</td><td>").append(esc(f.ruleId()))
                        .append("</td><td>").append(esc(f.title())).append("</td><td>").append(esc(f.expected()))
                        .append("</td><td>").append(esc(f.actual())).append("</td><td>").append(esc(f.reason()))
                        .append(f.source() == null ? "" : " <span class=\"muted\">(" + esc(f.source()) + ")</span>")
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</details>\n");
    }

    private static void paragraph(StringBuilder h, String label, String text) {
        if (text != null && !text.isBlank()) {
            h.append("<p><b>").append(label).append(":</b> ").append(esc(text)).append("</p>");
        }
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

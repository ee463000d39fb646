package io.osbaseline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osbaseline.json.Json;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a report as SARIF 2.1.0, the format code-scanning tools (GitHub, Azure DevOps) ingest: one run, the rules
 * as the tool's rules with their metadata, and one result per failed check per machine, the machine as a logical
 * location. Only FAIL findings become results: SARIF has no place for a check that passed.
 */
public final class SarifRenderer {
    private final String toolVersion;

    /** @param toolVersion the version of osbaseline that made the report */
    public SarifRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public String render(Report report, Iterable<RuleInfo> rules) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "osbaseline");
        driver.put("version", toolVersion);
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            String key = key(r.baselineId(), r.id());
            ruleIndex.put(key, ruleIndex.size());
            ObjectNode n = ruleNodes.addObject();
            n.put("id", key);
            n.put("name", r.id());
            n.putObject("shortDescription").put("text", r.title());
            if (r.rationale() != null) {
                n.putObject("fullDescription").put("text", r.rationale());
            }
            n.putObject("help").put("text", r.remediation() == null ? "Expected: " + r.expected()
                    : r.remediation() + " Expected: " + r.expected());
            n.putObject("defaultConfiguration").put("level", level(r.severity()));
            ObjectNode props = n.putObject("properties");
            props.put("baseline", r.baselineId());
            props.put("severity", r.severity().displayName());
            props.put("category", r.category());
            if (r.cce() != null) {
                props.put("cce", r.cce());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Assessment a : report.assessments()) {
            for (Finding f : a.findings()) {
                if (f.status() != Status.FAIL) {
                    continue;
                }
                ObjectNode res = results.addObject();
                String key = key(f.baselineId(), f.ruleId());
                res.put("ruleId", key);
                Integer index = ruleIndex.get(key);
                if (index != null) {
                    res.put("ruleIndex", index);
                }
                res.put("level", level(f.severity()));
                res.putObject("message").put("text", f.title() + " on " + a.machine().name() + ": expected "
                        + f.expected() + ", found " + (f.actual() == null ? "nothing" : f.actual()));
                ObjectNode location = res.putArray("locations").addObject();
                ObjectNode logical = location.putArray("logicalLocations").addObject();
                logical.put("name", a.machine().name());
                logical.put("fullyQualifiedName", a.machine().id());
                logical.put("kind", "resource");
                res.putObject("partialFingerprints").put("machineRule/v1", a.machine().id() + "/" + key);
                if (f.source() != null) {
                    res.putObject("properties").put("source", f.source());
                }
            }
        }
        ObjectNode props = run.putObject("properties");
        ArrayNode recs = props.putArray("recommendations");
        for (Recommendation r : report.recommendations()) {
            ObjectNode n = recs.addObject();
            n.put("baselineId", r.baselineId());
            n.put("title", r.title());
            n.put("unhealthy", r.unhealthy().size());
            n.put("healthy", r.healthy().size());
        }
        return Json.write(root);
    }

    private static String key(String baselineId, String ruleId) {
        return baselineId + "/" + ruleId;
    }

    /** SARIF levels: error for Critical and Important, warning for Warning, note for Informational. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, IMPORTANT -> "error";
            case WARNING -> "warning";
            case INFORMATIONAL -> "note";
        };
    }
}

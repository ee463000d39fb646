package io.osbaseline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osbaseline.json.Json;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.Report;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a report as OCSF Compliance Finding events (class 2003, schema 1.1.0), the shape security data lakes and
 * SIEMs ingest: one event per (machine, rule), as a JSON array. Statuses map to the compliance object's status_id: PASS
 * is Pass (1), FAIL is Fail (3), UNKNOWN is Unknown (0), NOT_APPLICABLE and EXEMPT are Other (99) with their name.
 */
public final class OcsfRenderer {
    private static final int CLASS_UID = 2003;
    private static final int CATEGORY_UID = 2;
    private static final int ACTIVITY_CREATE = 1;

    private final String toolVersion;

    /** @param toolVersion the version of osbaseline that made the report */
    public OcsfRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public String render(Report report, Iterable<Baseline> baselines) {
        Map<String, String> standards = new HashMap<>();
        baselines.forEach(b -> standards.put(b.id(), b.title()));
        long time = report.generatedAt().toEpochMilli();
        ArrayNode events = Json.mapper().createArrayNode();
        for (Assessment a : report.assessments()) {
            for (Finding f : a.findings()) {
                ObjectNode e = events.addObject();
                e.put("class_uid", CLASS_UID);
                e.put("class_name", "Compliance Finding");
                e.put("category_uid", CATEGORY_UID);
                e.put("category_name", "Findings");
                e.put("activity_id", ACTIVITY_CREATE);
                e.put("activity_name", "Create");
                e.put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE);
                e.put("time", time);
                e.put("severity_id", severityId(f.severity()));
                e.put("severity", f.severity().displayName());
                e.put("status_id", 1);
                e.put("status", "New");
                ObjectNode metadata = e.putObject("metadata");
                metadata.put("version", "1.1.0");
                ObjectNode product = metadata.putObject("product");
                product.put("name", "osbaseline");
                product.put("vendor_name", "osbaseline");
                product.put("version", toolVersion);
                ObjectNode info = e.putObject("finding_info");
                info.put("uid", a.machine().id() + "/" + f.baselineId() + "/" + f.ruleId());
                info.put("title", f.title());
                info.put("desc", "Expected " + f.expected() + (f.actual() == null ? "" : "; found " + f.actual()));
                info.putArray("types").add(f.category());
                ObjectNode compliance = e.putObject("compliance");
                compliance.put("control", f.ruleId());
                compliance.putArray("standards").add(standards.getOrDefault(f.baselineId(), f.baselineId()));
                compliance.putArray("requirements").add(f.ruleId());
                compliance.put("status_id", complianceStatusId(f.status()));
                compliance.put("status", complianceStatus(f.status()));
                if (f.reason() != null) {
                    compliance.put("status_detail", f.reason());
                }
                if (f.source() != null) {
                    info.putArray("data_sources").add(f.source());
                }
                resource(e.putArray("resources").addObject(), a.machine());
            }
        }
        return Json.write(events);
    }

    private static void resource(ObjectNode r, Machine m) {
        r.put("uid", m.resourceId() != null ? m.resourceId() : m.id());
        r.put("name", m.name());
        r.put("type", m.osFamily() == io.osbaseline.model.OsFamily.WINDOWS ? "Windows machine" : "Linux machine");
        if (m.region() != null) {
            r.put("region", m.region());
        }
        r.put("cloud_partition", m.cloud().name());
        if (!m.tags().isEmpty()) {
            ObjectNode labels = r.putObject("data").putObject("tags");
            m.tags().forEach(labels::put);
        }
    }

    /** OCSF severity_id: Critical 5, High 4, Medium 3, Informational 1. */
    static int severityId(Severity s) {
        return switch (s) {
            case CRITICAL -> 5;
            case IMPORTANT -> 4;
            case WARNING -> 3;
            case INFORMATIONAL -> 1;
        };
    }

    static int complianceStatusId(Status s) {
        return switch (s) {
            case PASS -> 1;
            case FAIL -> 3;
            case UNKNOWN -> 0;
            case NOT_APPLICABLE, EXEMPT -> 99;
        };
    }

    private static String complianceStatus(Status s) {
        return switch (s) {
            case PASS -> "Pass";
            case FAIL -> "Fail";
            case UNKNOWN -> "Unknown";
            case NOT_APPLICABLE -> "Not Applicable";
            case EXEMPT -> "Exempt";
        };
    }
}

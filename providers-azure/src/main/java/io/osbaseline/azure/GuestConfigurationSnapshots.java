package io.osbaseline.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.Machine;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.ReportedVerdict;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.SnapshotException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.CheckForNull;

/**
 * The guest-configuration mode: the latest report of the machine's AzureLinuxBaseline or AzureWindowsBaseline
 * assignment (found by the assignment's guest configuration name, not its resource name, which policies may
 * suffix), one {@link ReportedVerdict} per reported rule with the agent's reasons. The engine lets each stand as the
 * finding of the rule it concerns, named by id or by title; rules the report says nothing about stay UNKNOWN.
 */
final class GuestConfigurationSnapshots {
    static final String API_VERSION = "2024-04-05";
    static final String SOURCE = "azure-guest-configuration";
    static final String COLLECTOR = "azure-guest-configuration";
    /** Guest configuration name (lower case) → this SDK's baseline id. */
    static final Map<String, String> BASELINES = Map.of(
            "azurelinuxbaseline", "azure-linux",
            "azurewindowsbaseline", "azure-windows");

    private final ArmRest arm;

    GuestConfigurationSnapshots(ArmRest arm) {
        this.arm = arm;
    }

    ConfigurationSnapshot collect(Machine machine, AzureResourceId id) throws SnapshotException {
        String assignments = id.id() + "/providers/Microsoft.GuestConfiguration/guestConfigurationAssignments";
        List<JsonNode> baselineAssignments = new ArrayList<>();
        try {
            Iterator<JsonNode> all = arm.list(arm.url(assignments + "?api-version=" + API_VERSION));
            while (all.hasNext()) {
                JsonNode a = all.next();
                String configuration = a.path("properties").path("guestConfiguration").path("name").asText("");
                if (BASELINES.containsKey(configuration.toLowerCase(Locale.ROOT))) {
                    baselineAssignments.add(a);
                }
            }
        } catch (ArmRest.PageFailure e) {
            throw new SnapshotException("cannot list the guest configuration assignments of " + id.kind() + " "
                    + id.name() + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (baselineAssignments.isEmpty()) {
            throw new MachineNotApplicableException("no AzureLinuxBaseline or AzureWindowsBaseline guest configuration"
                    + " assignment on " + id.kind() + " " + id.name() + ": assign the Azure Policy initiative or"
                    + " policy 'Linux machines should meet requirements for the Azure compute security baseline'"
                    + " (or its Windows counterpart), or use mode=run-command");
        }
        List<Fact> facts = new ArrayList<>();
        List<CollectorRun> runs = new ArrayList<>();
        Instant collectedAt = null;
        for (JsonNode assignment : baselineAssignments) {
            Report report = latestReport(assignments, assignment, id);
            if (report == null) {
                String name = assignment.path("name").asText();
                runs.add(CollectorRun.failed(COLLECTOR, "assignment " + name + " has no report yet (compliance status "
                        + assignment.path("properties").path("complianceStatus").asText("unknown")
                        + "); the agent reports within about 30 minutes of the assignment"));
                continue;
            }
            facts.addAll(report.verdicts);
            runs.add(CollectorRun.collected(COLLECTOR, report.describe()));
            if (report.endTime != null && (collectedAt == null || report.endTime.isAfter(collectedAt))) {
                collectedAt = report.endTime;
            }
        }
        List<String> details = runs.stream().map(CollectorRun::detail).toList();
        if (runs.stream().noneMatch(r -> r.status().usable())) {
            // nothing to assess yet: one clear reason beats a finding per rule that only says "not collected"
            throw new SnapshotException("no guest configuration report for " + id.kind() + " " + id.name() + " yet: "
                    + String.join("; ", details));
        }
        return new ConfigurationSnapshot(machine, collectedAt == null ? Instant.now() : collectedAt, facts,
                new Coverage(List.of(CollectorRun.collected(COLLECTOR, String.join("; ", details))), List.of()));
    }

    @CheckForNull
    private Report latestReport(String assignments, JsonNode assignment, AzureResourceId id) throws SnapshotException {
        String name = assignment.path("name").asText("");
        String configuration = assignment.path("properties").path("guestConfiguration").path("name").asText();
        String version = assignment.path("properties").path("guestConfiguration").path("version").asText("");
        String baselineId = BASELINES.get(configuration.toLowerCase(Locale.ROOT));
        String reportsUrl = arm.url(assignments + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "/reports?api-version=" + API_VERSION);
        JsonNode latest;
        try {
            // latest first
            Iterator<JsonNode> reports = arm.list(reportsUrl);
            if (!reports.hasNext()) {
                return null;
            }
            latest = reports.next();
            if (!latest.path("properties").path("details").path("resources").isArray()) {
                String reportId = latest.path("properties").path("reportId").asText(latest.path("name").asText());
                latest = arm.get(reportsUrl.replace("/reports?", "/reports/"
                        + URLEncoder.encode(reportId, StandardCharsets.UTF_8) + "?"));
            }
        } catch (ArmRest.PageFailure e) {
            throw new SnapshotException("cannot read the reports of guest configuration assignment " + name + " on "
                    + id.kind() + " " + id.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ArmCallException e) {
            throw new SnapshotException("cannot read the latest report of guest configuration assignment " + name
                    + " on " + id.kind() + " " + id.name() + ": " + e.getMessage(), e);
        }
        JsonNode p = latest.path("properties");
        JsonNode resources = p.path("details").path("resources");
        if (!resources.isArray()) {
            throw new SnapshotException("the latest report of guest configuration assignment " + name + " on "
                    + id.kind() + " " + id.name() + " has no details.resources array: "
                    + ArmRest.shorten(latest.toString()));
        }
        Instant endTime = instant(p.path("endTime").asText(p.path("startTime").asText("")));
        List<ReportedVerdict> verdicts = new ArrayList<>();
        for (JsonNode r : resources) {
            ReportedVerdict v = verdict(baselineId, r, endTime);
            if (v != null) {
                verdicts.add(v);
            }
        }
        return new Report(configuration + (version.isEmpty() ? "" : " " + version),
                p.path("reportId").asText(latest.path("name").asText("")),
                p.path("complianceStatus").asText("unknown"), endTime, verdicts);
    }

    @CheckForNull
    static ReportedVerdict verdict(String baselineId, JsonNode resource, @CheckForNull Instant reportedAt) {
        String resourceId = resource.path("resourceId").asText("").strip();
        String ruleId = null;
        JsonNode props = resource.path("properties");
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            if (e.getKey().equalsIgnoreCase("ruleId") && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                ruleId = e.getValue().asText().strip();
            }
        }
        // a DSC resource id reads "[ResourceType]Instance name": the name is the rule's title
        String title = resourceId.replaceFirst("^\\[[^\\]]*\\]", "").strip();
        if (ruleId == null) {
            ruleId = title;
        }
        if (ruleId.isEmpty()) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : resource.path("reasons")) {
            String phrase = reason.path("phrase").asText("").strip();
            reasons.add(phrase.isEmpty() ? reason.path("code").asText("").strip() : phrase);
        }
        reasons.removeIf(String::isEmpty);
        String compliance = resource.path("complianceStatus").asText("");
        Status status = switch (compliance.toLowerCase(Locale.ROOT)) {
            case "compliant", "true" -> Status.PASS;
            case "noncompliant", "false" -> Status.FAIL;
            default -> Status.UNKNOWN;
        };
        if (status == Status.UNKNOWN) {
            reasons.add(0, "the agent reported compliance status '" + (compliance.isEmpty() ? "none" : compliance)
                    + "'");
        }
        return new ReportedVerdict(SOURCE, baselineId, ruleId, title.isEmpty() ? null : title, status, reasons,
                reportedAt);
    }

    @CheckForNull
    private static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record Report(String configuration, String reportId, String complianceStatus,
            @CheckForNull Instant endTime, List<ReportedVerdict> verdicts) {
        String describe() {
            long pass = verdicts.stream().filter(v -> v.status() == Status.PASS).count();
            long fail = verdicts.stream().filter(v -> v.status() == Status.FAIL).count();
            return configuration + " report " + reportId + (endTime == null ? "" : " of " + endTime) + ": "
                    + complianceStatus + ", " + verdicts.size() + " rules (" + pass + " compliant, " + fail
                    + " non-compliant)";
        }
    }
}

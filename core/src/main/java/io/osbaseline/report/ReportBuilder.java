package io.osbaseline.report;

import io.osbaseline.model.AffectedMachine;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Finding;
import io.osbaseline.model.MachineRef;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates assessments into a {@link Report}: one recommendation per baseline, as Defender for Cloud shows it.
 * Assessments may be added from several threads.
 */
public final class ReportBuilder {
    private final List<Baseline> baselines;
    private final Map<String, Map<String, RuleInfo>> rulesByBaseline = new HashMap<>();
    private final Clock clock;
    private final List<Assessment> assessments = new ArrayList<>();

    /**
     * @param baselines the baselines the engine assessed
     * @param rules their rules, for the failed checks' drill-down
     */
    public ReportBuilder(List<Baseline> baselines, List<RuleInfo> rules, Clock clock) {
        this.baselines = List.copyOf(baselines);
        this.clock = clock;
        for (RuleInfo r : rules) {
            rulesByBaseline.computeIfAbsent(r.baselineId(), b -> new HashMap<>()).put(r.id(), r);
        }
    }

    public synchronized ReportBuilder add(Assessment assessment) {
        assessments.add(assessment);
        return this;
    }

    public synchronized Report build() {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Baseline b : baselines) {
            Recommendation r = recommendation(b);
            if (r != null) {
                recommendations.add(r);
            }
        }
        return new Report(clock.instant(), recommendations, assessments);
    }

    private Recommendation recommendation(Baseline baseline) {
        List<MachineRef> unhealthy = new ArrayList<>();
        List<MachineRef> healthy = new ArrayList<>();
        List<MachineRef> notApplicable = new ArrayList<>();
        List<MachineRef> unassessed = new ArrayList<>();
        Map<String, List<AffectedMachine>> failures = new LinkedHashMap<>();
        boolean any = false;
        for (Assessment a : assessments) {
            OsFamily family = a.machine().osFamily();
            if (!baseline.appliesTo(family) && !(a.status() == AssessmentStatus.ERROR && family == OsFamily.UNKNOWN)) {
                continue;
            }
            any = true;
            if (a.status() == AssessmentStatus.ERROR) {
                unassessed.add(MachineRef.of(a.machine(), a.reason()));
                continue;
            }
            if (a.status() == AssessmentStatus.NOT_APPLICABLE && a.findings().isEmpty()) {
                notApplicable.add(MachineRef.of(a.machine(), a.reason()));
                continue;
            }
            List<Finding> mine = a.findings().stream().filter(f -> f.baselineId().equals(baseline.id())).toList();
            if (mine.isEmpty() || mine.stream().allMatch(f -> f.status() == Status.NOT_APPLICABLE)) {
                notApplicable.add(MachineRef.of(a.machine(), "no rule of " + baseline.id() + " applies"));
                continue;
            }
            boolean failed = false;
            for (Finding f : mine) {
                if (f.status() == Status.FAIL) {
                    failed = true;
                    failures.computeIfAbsent(f.ruleId(), k -> new ArrayList<>())
                            .add(new AffectedMachine(a.machine().id(), a.machine().name(), f.actual()));
                }
            }
            (failed ? unhealthy : healthy).add(MachineRef.of(a.machine()));
        }
        if (!any) {
            return null;
        }
        Map<String, RuleInfo> rules = rulesByBaseline.getOrDefault(baseline.id(), Map.of());
        List<FailedCheck> checks = new ArrayList<>();
        failures.forEach((ruleId, machines) -> {
            RuleInfo rule = rules.get(ruleId);
            if (rule == null) {
                throw new IllegalStateException("finding for rule " + ruleId + " that the engine did not list");
            }
            checks.add(new FailedCheck(rule, machines.size(), machines));
        });
        checks.sort(Comparator.comparing((FailedCheck c) -> c.rule().severity())
                .thenComparing(Comparator.comparingInt(FailedCheck::affected).reversed())
                .thenComparing(c -> c.rule().id(), RuleIdOrder.INSTANCE));
        return new Recommendation(baseline.id(), baseline.recommendation(), baseline.title(), baseline.osFamily(),
                unhealthy, healthy, notApplicable, unassessed, checks);
    }
}

package io.osbaseline.engine;

import io.osbaseline.model.Assessment;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.Coverage;
import io.osbaseline.model.CoverageGap;
import io.osbaseline.model.Finding;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Status;
import io.osbaseline.model.fact.Fact;
import io.osbaseline.model.fact.ReportedVerdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/**
 * Turns the verdicts an engine's rules emit for one machine into exactly one finding per applicable rule. Every engine
 * uses it, so that they all share one semantics:
 *
 * <ol>
 * <li>a rule whose required collector did not run or failed is UNKNOWN, with the collector's reason, whatever it
 *     emitted (its {@code not} patterns cannot be trusted on missing data);</li>
 * <li>otherwise the emitted verdicts merge: NOT_APPLICABLE wins, then FAIL, then UNKNOWN, then PASS; a rule that
 *     emitted nothing is UNKNOWN, never a silent pass;</li>
 * <li>an exemption in force turns the verdict into EXEMPT, with its reason.</li>
 * </ol>
 *
 * <p>A {@link ReportedVerdict} in the snapshot (another assessor's verdict, for example Microsoft's guest configuration
 * agent) stands as the finding of the rule it concerns, before any of the above but exemptions: its status, its
 * reasons as the actual value, and its source in {@link Finding#source()}. Several that concern one rule merge in the
 * same order. When a snapshot carries reported verdicts for a baseline, a rule of that baseline they say nothing
 * about is judged by our rules, and if that leaves it UNKNOWN the reason says the source reported nothing on it.
 *
 * <p>Thread-safe; one instance per engine, one {@link VerdictSheet} per assessment.
 */
public final class FindingAssembler {
    private static final int MAX_ACTUAL_ITEMS = 10;

    private final List<RuleInfo> rules;
    private final Map<OsFamily, List<RuleInfo>> rulesByFamily = new EnumMap<>(OsFamily.class);
    private final List<Exemption> exemptions;
    private final Clock clock;
    private final Map<RuleInfo, String> normalizedTitles = new IdentityHashMap<>();
    /** The position of each rule in {@link #rules}, by identity: where a sheet keeps its verdicts. */
    private final Map<RuleInfo, Integer> positions = new IdentityHashMap<>();

    public FindingAssembler(List<RuleInfo> rules, List<Exemption> exemptions, Clock clock) {
        this.rules = List.copyOf(rules);
        this.exemptions = List.copyOf(exemptions);
        this.clock = clock;
        for (OsFamily family : OsFamily.values()) {
            rulesByFamily.put(family, this.rules.stream().filter(r -> r.appliesTo(family)).toList());
        }
        this.rules.forEach(r -> normalizedTitles.put(r, ReportedVerdict.normalizeTitle(r.title())));
        for (int i = 0; i < this.rules.size(); i++) {
            positions.putIfAbsent(this.rules.get(i), i);
        }
    }

    /** Every rule, in order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The rules that apply to machines of {@code family}. */
    public List<RuleInfo> rulesFor(OsFamily family) {
        return rulesByFamily.get(family);
    }

    /** A new, empty sheet for one assessment of {@code snapshot}. Not thread-safe. */
    public VerdictSheet newSheet(ConfigurationSnapshot snapshot) {
        return new VerdictSheet(snapshot);
    }

    /** The verdicts emitted for one machine. */
    public final class VerdictSheet {
        private final ConfigurationSnapshot snapshot;
        /** The verdicts of each rule, at the rule's position in {@link #rules}; null where it emitted none. */
        private final Tally[] tallies = new Tally[rules.size()];
        private final Map<String, List<ReportedVerdict>> reportedByKey = new HashMap<>();
        private final Map<String, Set<String>> reportingSourcesByBaseline = new HashMap<>();
        /** The collector runs by collector, the first of each, as {@link Coverage#run} finds them. */
        private final Map<String, CollectorRun> runs = new HashMap<>();
        /** Why a collector's rules are UNKNOWN, by collector: made once, as many rules share a collector. */
        private final Map<String, String> collectorProblems = new HashMap<>();
        /** Why a rule that reported nothing is UNKNOWN, by the collectors it requires. */
        private final Map<List<String>, String> noVerdictReasons = new HashMap<>();

        private VerdictSheet(ConfigurationSnapshot snapshot) {
            this.snapshot = snapshot;
            snapshot.coverage().collectors().forEach(r -> runs.putIfAbsent(r.collector(), r));
            // A plain loop: this runs for every assessment, over every fact, and most snapshots have no such verdict.
            for (Fact fact : snapshot.facts()) {
                if (fact instanceof ReportedVerdict v) {
                    addReported(v);
                }
            }
        }

        private void addReported(ReportedVerdict v) {
            reportedByKey.computeIfAbsent(idKey(v.baselineId(), v.ruleId()), k -> new ArrayList<>()).add(v);
            if (v.title() != null) {
                String title = ReportedVerdict.normalizeTitle(v.title());
                if (!title.isEmpty()) {
                    reportedByKey.computeIfAbsent(titleKey(v.baselineId(), title), k -> new ArrayList<>()).add(v);
                }
            }
            reportingSourcesByBaseline.computeIfAbsent(v.baselineId(), b -> new LinkedHashSet<>()).add(v.source());
        }

        /**
         * Records one verdict of {@code rule}. A rule may emit several (one per file, per user, per key); they merge.
         *
         * @param actual the value the rule saw, if any
         * @param reason why, required for UNKNOWN and NOT_APPLICABLE
         * @throws IllegalArgumentException if {@code rule} is not one of the rules this assembler was made with
         */
        public void record(RuleInfo rule, Status status, @CheckForNull String actual, @CheckForNull String reason) {
            if (status == Status.EXEMPT) {
                throw new IllegalArgumentException("rules do not emit EXEMPT; exemptions are configured on the engine");
            }
            Integer at = positions.get(rule);
            if (at == null) {
                throw new IllegalArgumentException("rule " + rule.id() + " of baseline " + rule.baselineId()
                        + " is not one of the rules this assembler was made with");
            }
            Tally tally = tallies[at];
            if (tally == null) {
                tally = new Tally();
                tallies[at] = tally;
            }
            tally.add(status, actual, reason);
        }

        /** The assessment: one finding per rule that applies to the machine's OS family. */
        public Assessment finish() {
            Machine machine = snapshot.machine();
            List<RuleInfo> applicable = rulesFor(machine.osFamily());
            List<Finding> findings = new ArrayList<>(applicable.size());
            for (RuleInfo rule : applicable) {
                findings.add(exempt(rule, judge(rule)));
            }
            return Assessment.of(machine, findings);
        }

        private Finding judge(RuleInfo rule) {
            List<ReportedVerdict> reported = reportedFor(rule);
            if (!reported.isEmpty()) {
                return fromReported(rule, reported);
            }
            Finding own = judgeOwn(rule);
            Set<String> sources = reportingSourcesByBaseline.get(rule.baselineId());
            if (own.status() == Status.UNKNOWN && sources != null) {
                return Finding.of(own.machineId(), rule, Status.UNKNOWN, own.actual(), own.reason() + "; "
                        + String.join(", ", sources) + " reported no verdict for this rule");
            }
            return own;
        }

        private List<ReportedVerdict> reportedFor(RuleInfo rule) {
            if (reportedByKey.isEmpty()) {
                return List.of();
            }
            Set<ReportedVerdict> found = new LinkedHashSet<>(
                    reportedByKey.getOrDefault(idKey(rule.baselineId(), rule.id()), List.of()));
            String title = normalizedTitles.get(rule);
            if (title != null && !title.isEmpty()) {
                found.addAll(reportedByKey.getOrDefault(titleKey(rule.baselineId(), title), List.of()));
            }
            return List.copyOf(found);
        }

        private Finding fromReported(RuleInfo rule, List<ReportedVerdict> reported) {
            Tally tally = new Tally();
            Set<String> sources = new LinkedHashSet<>();
            for (ReportedVerdict v : reported) {
                sources.add(v.source());
                String said = v.reasons().isEmpty() ? null : String.join("; ", v.reasons());
                String by = "reported by " + v.source() + (v.reportedAt() == null ? "" : " on " + v.reportedAt());
                boolean needsReason = v.status() == Status.UNKNOWN || v.status() == Status.NOT_APPLICABLE;
                tally.add(v.status(), needsReason ? null : said, needsReason && said != null ? by + ": " + said : by);
            }
            Finding merged = merge(snapshot.machine().id(), rule, tally);
            return new Finding(merged.machineId(), merged.baselineId(), merged.ruleId(), merged.title(),
                    merged.severity(), merged.category(), merged.status(), merged.expected(), merged.actual(),
                    merged.reason(), String.join(", ", sources));
        }

        private Finding judgeOwn(RuleInfo rule) {
            String machineId = snapshot.machine().id();
            Coverage coverage = snapshot.coverage();
            for (String collector : rule.requires()) {
                CollectorRun run = runs.get(collector);
                if (run == null || !run.status().usable()) {
                    return Finding.of(machineId, rule, Status.UNKNOWN, null,
                            collectorProblems.computeIfAbsent(collector, c -> collectorProblem(c, run)));
                }
            }
            Integer at = positions.get(rule);
            Tally tally = at == null ? null : tallies[at];
            if (tally == null) {
                return Finding.of(machineId, rule, Status.UNKNOWN, null,
                        noVerdictReasons.computeIfAbsent(rule.requires(), r -> noVerdictReason(r, coverage)));
            }
            return merge(machineId, rule, tally);
        }

        private Finding merge(String machineId, RuleInfo rule, Tally tally) {
            if (tally.notApplicable != null) {
                return Finding.of(machineId, rule, Status.NOT_APPLICABLE, tally.notApplicable.actuals.joined(),
                        tally.notApplicable.reasons.joined());
            }
            if (tally.fail != null) {
                return Finding.of(machineId, rule, Status.FAIL, tally.fail.actuals.joined(),
                        tally.fail.reasons.joined());
            }
            if (tally.unknown != null) {
                String passed = tally.pass == null ? null : tally.pass.actuals.joined();
                return Finding.of(machineId, rule, Status.UNKNOWN, passed, tally.unknown.reasons.joined());
            }
            return Finding.of(machineId, rule, Status.PASS, tally.pass.actuals.joined(), tally.pass.reasons.joined());
        }

        private Finding exempt(RuleInfo rule, Finding finding) {
            for (Exemption e : exemptions) {
                if (e.covers(rule.id(), snapshot.machine(), clock.instant())) {
                    String until = e.expiresAt() == null ? "" : " (until " + e.expiresAt() + ")";
                    return new Finding(finding.machineId(), finding.baselineId(), finding.ruleId(), finding.title(),
                            finding.severity(), finding.category(), Status.EXEMPT, finding.expected(), finding.actual(),
                            "exempt" + until + ": " + e.reason() + "; the rule found " + finding.status()
                                    + (finding.source() == null ? "" : " (reported by " + finding.source() + ")"),
                            finding.source());
                }
            }
            return finding;
        }
    }

    private static String collectorProblem(String collector, @CheckForNull CollectorRun run) {
        if (run == null) {
            return "collector '" + collector + "' did not run for this snapshot";
        }
        String detail = run.detail();
        return "collector '" + collector + "' " + run.status().name().toLowerCase(Locale.ROOT)
                + (detail == null ? "" : ": " + detail);
    }

    private static String idKey(String baselineId, String ruleId) {
        return baselineId + "\u0000id\u0000" + ruleId.toLowerCase(Locale.ROOT);
    }

    private static String titleKey(String baselineId, String normalizedTitle) {
        return baselineId + "\u0000title\u0000" + normalizedTitle;
    }

    private static String noVerdictReason(List<String> requires, Coverage coverage) {
        List<CoverageGap> gaps = requires.stream().flatMap(c -> coverage.gaps(c).stream()).toList();
        String reason = "no verdict: the facts this rule examines are not in the snapshot";
        if (!gaps.isEmpty()) {
            reason += "; unreadable: " + gaps.stream().limit(MAX_ACTUAL_ITEMS)
                    .map(g -> g.path() + " (" + g.reason() + ")").collect(Collectors.joining(", "));
        }
        return reason;
    }

    /** What the verdicts of one status said. */
    private static final class Entries {
        final Distinct actuals = new Distinct();
        final Distinct reasons = new Distinct();
    }

    /**
     * Distinct strings in the order they were first added, joined with "; " and cut after {@value #MAX_ACTUAL_ITEMS}.
     * Most rules emit one verdict, so the first string is held on its own and a set is made only for a second.
     */
    private static final class Distinct {
        @CheckForNull
        private String first;
        @CheckForNull
        private Set<String> all;

        void add(@CheckForNull String value) {
            if (value == null) {
                return;
            }
            if (first == null) {
                first = value;
            } else if (all != null) {
                all.add(value);
            } else if (!first.equals(value)) {
                all = new LinkedHashSet<>();
                all.add(first);
                all.add(value);
            }
        }

        @CheckForNull
        String joined() {
            if (all == null) {
                return first;
            }
            if (all.size() <= MAX_ACTUAL_ITEMS) {
                return String.join("; ", all);
            }
            return all.stream().limit(MAX_ACTUAL_ITEMS).collect(Collectors.joining("; "))
                    + "; ... and " + (all.size() - MAX_ACTUAL_ITEMS) + " more";
        }
    }

    /** The verdicts one rule emitted, by status. */
    private static final class Tally {
        @CheckForNull
        Entries pass;
        @CheckForNull
        Entries fail;
        @CheckForNull
        Entries unknown;
        @CheckForNull
        Entries notApplicable;

        void add(Status status, @CheckForNull String actual, @CheckForNull String reason) {
            if (reason == null && (status == Status.UNKNOWN || status == Status.NOT_APPLICABLE)) {
                throw new IllegalArgumentException("a " + status + " verdict needs a reason");
            }
            Entries e = switch (status) {
                case PASS -> pass == null ? (pass = new Entries()) : pass;
                case FAIL -> fail == null ? (fail = new Entries()) : fail;
                case UNKNOWN -> unknown == null ? (unknown = new Entries()) : unknown;
                case NOT_APPLICABLE -> notApplicable == null ? (notApplicable = new Entries()) : notApplicable;
                case EXEMPT -> throw new IllegalArgumentException("rules do not emit EXEMPT");
            };
            e.actuals.add(actual);
            e.reasons.add(reason);
        }
    }
}

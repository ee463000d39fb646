package io.osbaseline.drl;

import io.osbaseline.drl.PackageBundle.RuleEntry;
import io.osbaseline.engine.EngineConfig;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.Expectation;
import io.osbaseline.engine.ExpectationOverride;
import io.osbaseline.engine.RuleCompilationException;
import io.osbaseline.engine.RuleProblem;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.report.RuleIdOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;
import org.kie.api.definition.rule.Rule;

/**
 * The checks of a compiled rule base: the {@link RuleInfo} of every check, read from the DRL metadata of its rules,
 * and for each DRL rule the check it reports for and the expectation it judges against (with the user's overrides).
 *
 * <p>A DRL rule is part of a check when it carries {@code @id}; several DRL rules may share one id, and their metadata
 * merge. The check's baseline is its {@code @baseline}, or the one whose pack generated the package, or else a custom
 * baseline named after the package.
 */
final class RuleCatalog {
    /**
     * How one DRL rule reports: for which check and part, against which expectation, and what the part (or check)
     * stands at when nothing reported on it ({@code @unreported}).
     */
    record Binding(RuleInfo info, @CheckForNull String part, @CheckForNull Expectation expectation,
            @CheckForNull UnreportedVerdict unreported) {
        Binding withInfo(RuleInfo newInfo) {
            return new Binding(newInfo, part, expectation, unreported);
        }

        Binding withExpectation(Expectation newExpectation) {
            return new Binding(info, part, newExpectation, unreported);
        }
    }

    private final List<Baseline> baselines;
    private final List<RuleInfo> rules;
    /** By DRL package, then rule name: looked up for every verdict, without building a key. */
    private final Map<String, Map<String, Binding>> bindings = new HashMap<>();
    /** The parts each check's rules name ({@code @part}), in the order of its rules, by baseline NUL id. */
    private final Map<String, List<String>> partsByCheck;
    /** The DRL rules of the disabled checks, as package NUL name: they must never fire. */
    private final Set<String> disabledNames = new HashSet<>();

    private RuleCatalog(List<Baseline> baselines, List<RuleInfo> rules, Map<RuleEntry, Binding> bindings,
            Map<String, List<String>> partsByCheck, List<RuleEntry> disabled) {
        this.baselines = baselines;
        this.rules = rules;
        this.partsByCheck = partsByCheck;
        bindings.forEach((rule, b) -> this.bindings.computeIfAbsent(rule.packageName(), k -> new HashMap<>())
                .put(rule.name(), b));
        disabled.forEach(r -> disabledNames.add(r.packageName() + '\u0000' + r.name()));
    }

    List<Baseline> baselines() {
        return baselines;
    }

    List<RuleInfo> rules() {
        return rules;
    }

    @CheckForNull
    Binding binding(Rule rule) {
        return binding(rule.getPackageName(), rule.getName());
    }

    @CheckForNull
    private Binding binding(String packageName, String ruleName) {
        Map<String, Binding> inPackage = bindings.get(packageName);
        return inPackage == null ? null : inPackage.get(ruleName);
    }

    /** The parts the rules of {@code check} name, in the order of its rules. */
    List<String> parts(RuleInfo check) {
        return partsByCheck.getOrDefault(check.baselineId() + '\u0000' + check.id(), List.of());
    }

    /**
     * Whether the DRL rule may fire for machines of {@code family}: a check's rule when its check applies to the
     * family and is not disabled; every rule that is not a check.
     */
    boolean firesFor(String packageName, String ruleName, OsFamily family) {
        Binding b = binding(packageName, ruleName);
        return b != null ? b.info().appliesTo(family) : !disabledNames.contains(packageName + '\u0000' + ruleName);
    }

    /** A DRL rule that is part of a check, with its metadata and, for naming problems, the unit it came from. */
    private record CheckRule(RuleEntry rule, String baselineId, String id, @CheckForNull DrlCompiler.Unit unit) {
        @CheckForNull
        String get(String key) {
            String v = rule.metadata().get(key);
            return v == null ? null : v.strip();
        }

        RuleProblem problem(String message) {
            return unit == null ? new RuleProblem(rule.packageName(), 0, rule.name(), message)
                    : new RuleProblem(unit.name(), unit.lineOf(rule.name()), rule.name(), message);
        }
    }

    /**
     * Reads the checks of the compiled {@code rules}, leaves out the disabled ones, and applies the overrides.
     *
     * @param rules every DRL rule compiled, package by package, in the order Drools lists them
     * @param unitOf the source unit of a rule, to name it in problems; null when there is none (precompiled packs)
     * @param builtIn the built-in baselines compiled, by the DRL package their pack generates
     * @throws RuleCompilationException when a check's metadata is missing or contradicts itself
     * @throws EngineException when a disabled rule or an override names a rule or part that does not exist
     */
    static RuleCatalog read(List<RuleEntry> rules, Function<RuleEntry, DrlCompiler.Unit> unitOf,
            Map<String, Baseline> builtIn, EngineConfig config) throws EngineException {
        Map<String, Baseline> baselinesById = new LinkedHashMap<>();
        builtIn.values().forEach(b -> baselinesById.put(b.id(), b));
        Map<String, List<CheckRule>> checks = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleEntry> disabled = new ArrayList<>();
        for (RuleEntry rule : rules) {
            String id = rule.metadata().get("id");
            if (id == null) {
                continue;
            }
            String declared = rule.metadata().get("baseline");
            Baseline generatedBy = builtIn.get(rule.packageName());
            String baselineId = declared != null ? declared.strip()
                    : generatedBy != null ? generatedBy.id() : rule.packageName();
            CheckRule c = new CheckRule(rule, baselineId, id.strip(), unitOf.apply(rule));
            checks.computeIfAbsent(baselineId + "\u0000" + c.id(), k -> new ArrayList<>()).add(c);
        }

        Set<String> unusedDisabled = new LinkedHashSet<>(config.disabledRules());
        Map<RuleEntry, Binding> bindings = new HashMap<>();
        List<RuleInfo> infos = new ArrayList<>();
        Map<String, List<RuleEntry>> rulesOfCheck = new HashMap<>();
        Map<String, List<String>> partsByCheck = new HashMap<>();
        for (List<CheckRule> group : checks.values()) {
            CheckRule first = group.get(0);
            if (config.disabledRules().contains(first.id())) {
                unusedDisabled.remove(first.id());
                group.forEach(c -> disabled.add(c.rule()));
                continue;
            }
            RuleInfo info = merge(group, baselinesById, problems);
            if (info == null) {
                continue;
            }
            infos.add(info);
            Map<String, UnreportedVerdict> unreportedByPart = new HashMap<>();
            for (CheckRule c : group) {
                Expectation expectation = null;
                String expect = c.get("expect");
                if (expect != null) {
                    try {
                        expectation = Expectation.parse(expect);
                    } catch (IllegalArgumentException e) {
                        problems.add(c.problem("@expect: " + e.getMessage()));
                    }
                }
                UnreportedVerdict unreported = null;
                String declared = c.get("unreported");
                if (declared != null) {
                    try {
                        unreported = UnreportedVerdict.parse(declared);
                        String part = c.get("part");
                        UnreportedVerdict other = unreportedByPart.putIfAbsent(part == null ? "" : part, unreported);
                        if (other != null && !other.equals(unreported)) {
                            problems.add(c.problem("@unreported differs from another rule of the check @id(\""
                                    + c.id() + "\")" + (part == null ? "" : " and @part(\"" + part + "\")")
                                    + ": '" + unreported + "' vs '" + other + "'"));
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(c.problem("@unreported: " + e.getMessage()));
                    }
                }
                bindings.put(c.rule(), new Binding(info, c.get("part"), expectation, unreported));
            }
            rulesOfCheck.put(info.baselineId() + "\u0000" + info.id(), group.stream().map(CheckRule::rule).toList());
            partsByCheck.put(info.baselineId() + "\u0000" + info.id(), group.stream().map(c -> c.get("part"))
                    .filter(Objects::nonNull).distinct().toList());
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        if (!unusedDisabled.isEmpty()) {
            throw new EngineException("cannot disable " + unusedDisabled + ": no such rule in the loaded baselines");
        }
        applyOverrides(config.overrides(), infos, bindings, rulesOfCheck);

        List<Baseline> baselines = new ArrayList<>(builtIn.values());
        Map<String, Set<OsFamily>> customFamilies = new LinkedHashMap<>();
        for (RuleInfo r : infos) {
            if (!baselinesById.containsKey(r.baselineId())) {
                customFamilies.computeIfAbsent(r.baselineId(), k -> new HashSet<>()).add(r.osFamily());
            }
        }
        customFamilies.forEach((id, families) ->
                baselines.add(Baseline.custom(id, families.size() == 1 ? families.iterator().next() : null)));
        List<String> order = baselines.stream().map(Baseline::id).toList();
        List<RuleInfo> sorted = bindings.values().stream().map(Binding::info).distinct()
                .sorted(Comparator.comparing((RuleInfo r) -> order.indexOf(r.baselineId()))
                        .thenComparing(RuleInfo::id, RuleIdOrder.INSTANCE))
                .toList();
        return new RuleCatalog(List.copyOf(baselines), sorted, bindings, partsByCheck, List.copyOf(disabled));
    }


    @CheckForNull
    private static RuleInfo merge(List<CheckRule> group, Map<String, Baseline> baselines, List<RuleProblem> problems) {
        CheckRule first = group.get(0);
        Map<String, String> merged = new LinkedHashMap<>();
        int before = problems.size();
        for (CheckRule c : group) {
            for (String key : List.of("title", "severity", "category", "cce", "expected", "rationale", "remediation",
                    "os", "notes")) {
                String v = c.get(key);
                if (v == null) {
                    continue;
                }
                String old = merged.putIfAbsent(key, v);
                if (old != null && !old.equals(v)) {
                    problems.add(c.problem("@" + key + " differs from another rule with @id(\"" + c.id() + "\"): '"
                            + v + "' vs '" + old + "'"));
                }
            }
        }
        Severity severity = null;
        if (merged.get("severity") == null) {
            problems.add(first.problem("the check @id(\"" + first.id()
                    + "\") needs @severity(\"Critical|Important|Warning|Informational\")"));
        } else {
            try {
                severity = Severity.parse(merged.get("severity"));
            } catch (IllegalArgumentException e) {
                problems.add(first.problem("@severity: " + e.getMessage()));
            }
        }
        Baseline baseline = baselines.get(first.baselineId());
        OsFamily os = baseline == null ? null : baseline.osFamily();
        if (merged.get("os") != null) {
            try {
                os = OsFamily.valueOf(merged.get("os").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(first.problem("@os must be LINUX or WINDOWS, got '" + merged.get("os") + "'"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> requires = group.stream().map(c -> c.get("requires")).filter(Objects::nonNull)
                .flatMap(r -> Arrays.stream(r.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        String expected = merged.get("expected");
        if (expected == null) {
            expected = derivedExpected(group.stream().map(c -> new String[] {c.get("part"), c.get("expect")}).toList());
        }
        return new RuleInfo(first.baselineId(), first.id(), merged.getOrDefault("title", first.id()), severity,
                merged.getOrDefault("category", "Custom"), merged.get("cce"), expected, merged.get("rationale"),
                merged.get("remediation"), requires, os, merged.get("notes"));
    }

    /** "part expectation; ..." from the parts' expectations, as a check states what it expects. */
    private static String derivedExpected(List<String[]> partsAndExpectations) {
        return partsAndExpectations.stream().filter(pe -> pe[1] != null)
                .map(pe -> pe[0] == null ? pe[1] : pe[0] + " " + pe[1]).distinct().collect(Collectors.joining("; "));
    }

    private static void applyOverrides(List<ExpectationOverride> overrides, List<RuleInfo> infos,
            Map<RuleEntry, Binding> bindings, Map<String, List<RuleEntry>> rulesOfCheck) throws EngineException {
        for (ExpectationOverride o : overrides) {
            List<RuleInfo> targets = infos.stream().filter(i -> i.id().equals(o.ruleId())).toList();
            if (targets.isEmpty()) {
                throw new EngineException("cannot override the expected value of rule '" + o.ruleId()
                        + "': no such rule in the loaded baselines");
            }
            for (RuleInfo target : targets) {
                List<RuleEntry> drlRules = rulesOfCheck.get(target.baselineId() + "\u0000" + target.id());
                Set<String> parts = new LinkedHashSet<>();
                boolean judges = false;
                for (RuleEntry r : drlRules) {
                    Binding b = bindings.get(r);
                    if (b.expectation() != null) {
                        judges = true;
                        if (b.part() != null) {
                            parts.add(b.part());
                        }
                    }
                }
                if (!judges) {
                    throw new EngineException("rule '" + o.ruleId() + "' has no expected value to override: it does "
                            + "not judge a value against @expect");
                }
                if (o.part() == null && parts.size() > 1) {
                    throw new EngineException("rule '" + o.ruleId() + "' checks several settings (" + String.join(", ",
                            parts) + "); name the one to override");
                }
                if (o.part() != null && !parts.contains(o.part())) {
                    throw new EngineException("rule '" + o.ruleId() + "' has no part '" + o.part() + "'; its parts: "
                            + (parts.isEmpty() ? "none" : String.join(", ", parts)));
                }
                for (RuleEntry r : drlRules) {
                    Binding b = bindings.get(r);
                    if (b.expectation() != null && (o.part() == null || o.part().equals(b.part()))) {
                        bindings.put(r, b.withExpectation(o.expectation()));
                    }
                }
            }
        }
        // The expected text of an overridden check is derived again from its (new) expectations.
        Set<String> overridden = overrides.stream().map(ExpectationOverride::ruleId).collect(Collectors.toSet());
        Map<RuleInfo, RuleInfo> replaced = new HashMap<>();
        for (RuleInfo info : infos) {
            if (overridden.contains(info.id())) {
                List<RuleEntry> drlRules = rulesOfCheck.get(info.baselineId() + "\u0000" + info.id());
                String expected = derivedExpected(drlRules.stream().map(bindings::get)
                        .map(b -> new String[] {b.part(), b.expectation() == null ? null : b.expectation().toString()})
                        .toList());
                replaced.put(info, info.withExpected(expected));
            }
        }
        bindings.replaceAll((rule, b) -> replaced.containsKey(b.info())
                ? b.withInfo(replaced.get(b.info())) : b);
    }
}

package io.osbaseline.bench.reference;

import io.osbaseline.drl.pack.BaselinePack;
import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.drl.pack.RuleSpec;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineConfig;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.EngineFactory;
import io.osbaseline.engine.ExpectationOverride;
import io.osbaseline.engine.FindingAssembler;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.Severity;
import io.osbaseline.report.RuleIdOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/**
 * The reference evaluator as an engine, registered with {@link java.util.ServiceLoader} under the id
 * {@code reference}: {@code BaselineEngine.builder().engine("reference").baselines("azure-linux").build()}.
 *
 * <p>It reads the same YAML packs as the Drools engine. Templated checks are evaluated by {@link TemplateChecks},
 * hand-written DRL checks by {@link HandWrittenChecks}; the rule metadata is derived from the YAML the way the packs'
 * DRL generator and the Drools engine's catalog derive it, so that the findings of the two engines can be compared
 * field by field. It does not run DRL: custom rule sources are refused, and a pack rule it has no Java version of must
 * be disabled ({@link #uncovered}) rather than be silently skipped.
 */
public final class ReferenceEngineFactory implements EngineFactory {
    /** The packs on the class path, read once. */
    private static final class Packs {
        static final List<BaselinePack> ALL = PackLoader.load(ReferenceEngineFactory.class.getClassLoader());
    }

    @Override
    public String id() {
        return "reference";
    }

    @Override
    public String description() {
        return "plain-Java reference evaluator of the built-in packs (benchmarks only)";
    }

    @Override
    public List<Baseline> builtInBaselines() {
        return Packs.ALL.stream().map(BaselinePack::baseline).toList();
    }

    /**
     * The rules of these baselines (all when empty) that the reference cannot evaluate, with the reason, in pack
     * order.
     */
    public static Map<String, String> uncovered(List<String> baselines) throws EngineException {
        Map<String, String> out = new LinkedHashMap<>();
        for (BaselinePack pack : select(baselines)) {
            for (RuleSpec spec : pack.rules()) {
                String reason = uncoveredReason(spec);
                if (reason != null) {
                    out.put(spec.id(), reason);
                }
            }
        }
        return out;
    }

    @Override
    public BaselineEngine create(EngineConfig config) throws EngineException {
        if (!config.ruleSources().isEmpty()) {
            throw new EngineException("the reference engine evaluates the built-in packs only; it cannot run "
                    + config.ruleSources().stream().map(RuleSource::name).collect(Collectors.joining(", ")));
        }
        List<BaselinePack> packs = config.builtInBaselines() ? select(config.baselines()) : List.of();
        if (packs.isEmpty()) {
            throw new EngineException("no rules to build an engine from: no built-in baseline");
        }
        Set<String> unusedDisabled = new LinkedHashSet<>(config.disabledRules());
        Map<String, String> uncovered = new LinkedHashMap<>();
        List<Baseline> baselines = new ArrayList<>();
        List<ReferenceCheck> checks = new ArrayList<>();
        for (BaselinePack pack : packs) {
            baselines.add(pack.baseline());
            for (RuleSpec spec : pack.rules()) {
                if (config.disabledRules().contains(spec.id())) {
                    unusedDisabled.remove(spec.id());
                    continue;
                }
                ReferenceCheck check = checkOf(spec);
                if (check == null) {
                    uncovered.put(spec.id(), uncoveredReason(spec));
                    continue;
                }
                checks.add(check);
                check.info(ruleInfo(pack, spec, check));
            }
        }
        if (!unusedDisabled.isEmpty()) {
            throw new EngineException("cannot disable " + unusedDisabled + ": no such rule in the loaded baselines");
        }
        if (!uncovered.isEmpty()) {
            throw new EngineException("the reference evaluator has no Java version of " + uncovered.size()
                    + " rules; disable them (ReferenceEngineFactory.uncovered lists them): " + uncovered);
        }
        for (ExpectationOverride o : config.overrides()) {
            override(o, checks);
        }
        List<String> order = baselines.stream().map(Baseline::id).toList();
        checks.sort(Comparator.comparing((ReferenceCheck c) -> order.indexOf(c.info().baselineId()))
                .thenComparing(c -> c.info().id(), RuleIdOrder.INSTANCE));
        List<RuleInfo> rules = checks.stream().map(ReferenceCheck::info).toList();
        return new ReferenceEngine(List.copyOf(baselines), checks,
                new FindingAssembler(rules, config.exemptions(), config.clock()));
    }

    private static List<BaselinePack> select(List<String> ids) throws EngineException {
        if (ids.isEmpty()) {
            return Packs.ALL;
        }
        List<BaselinePack> selected = new ArrayList<>();
        for (String id : ids) {
            BaselinePack pack = Packs.ALL.stream().filter(p -> p.baseline().id().equals(id)).findFirst()
                    .orElseThrow(() -> new EngineException("no baseline '" + id + "'; available: "
                            + Packs.ALL.stream().map(p -> p.baseline().id()).collect(Collectors.joining(", "))));
            selected.add(pack);
        }
        return selected;
    }

    @CheckForNull
    private static ReferenceCheck checkOf(RuleSpec spec) {
        if (spec.check() != null && spec.check().isObject() && spec.check().size() == 1) {
            String kind = spec.check().fieldNames().next();
            return TemplateChecks.create(kind, spec.check().get(kind));
        }
        if (spec.drl() != null) {
            return HandWrittenChecks.create(spec);
        }
        return null;
    }

    @CheckForNull
    private static String uncoveredReason(RuleSpec spec) {
        if (checkOf(spec) != null) {
            return null;
        }
        if (spec.drl() != null) {
            return HandWrittenChecks.knows(spec.id())
                    ? "its DRL changed since the Java version was written (fingerprint "
                            + HandWrittenChecks.fingerprint(spec.drl()) + ")"
                    : "hand-written DRL with no Java version";
        }
        return "check kind " + (spec.check() == null ? "(none)" : spec.check().fieldNames().next())
                + " has no Java version";
    }

    /** The rule's metadata, as the pack's DRL carries it and the Drools engine reads it back. */
    private static RuleInfo ruleInfo(BaselinePack pack, RuleSpec spec, ReferenceCheck check) {
        Set<String> requires = new LinkedHashSet<>();
        spec.requires().stream().map(String::strip).filter(r -> !r.isEmpty()).forEach(requires::add);
        boolean templated = spec.check() != null;
        if (templated) {
            requires.addAll(check.requires());
        }
        String expected = present(spec.expected());
        if (expected == null) {
            expected = templated ? check.expected() : derivedExpected(check);
        }
        return new RuleInfo(pack.baseline().id(), spec.id(), spec.title().strip(), Severity.parse(spec.severity()),
                spec.category().strip(), present(spec.cce()), expected, present(spec.rationale()),
                present(spec.remediation()), List.copyOf(requires), pack.baseline().osFamily(), present(spec.notes()));
    }

    private static String derivedExpected(ReferenceCheck check) {
        return check.judgedParts().stream().map(ReferenceCheck.Judged::describe).distinct()
                .collect(Collectors.joining("; "));
    }

    @CheckForNull
    private static String present(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void override(ExpectationOverride o, List<ReferenceCheck> checks) throws EngineException {
        List<ReferenceCheck> targets = checks.stream().filter(c -> c.info().id().equals(o.ruleId())).toList();
        if (targets.isEmpty()) {
            throw new EngineException("cannot override the expected value of rule '" + o.ruleId()
                    + "': no such rule in the loaded baselines");
        }
        for (ReferenceCheck check : targets) {
            List<ReferenceCheck.Judged> parts = check.judgedParts();
            Set<String> names = parts.stream().map(j -> j.part).filter(p -> p != null)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (parts.isEmpty()) {
                throw new EngineException("rule '" + o.ruleId() + "' has no expected value to override");
            }
            if (o.part() == null && names.size() > 1) {
                throw new EngineException("rule '" + o.ruleId() + "' checks several settings (" + String.join(", ",
                        names) + "); name the one to override");
            }
            if (o.part() != null && !names.contains(o.part())) {
                throw new EngineException("rule '" + o.ruleId() + "' has no part '" + o.part() + "'");
            }
            for (ReferenceCheck.Judged j : parts) {
                if (o.part() == null || o.part().equals(j.part)) {
                    j.expectation = o.expectation();
                }
            }
            check.info(check.info().withExpected(derivedExpected(check)));
        }
    }
}

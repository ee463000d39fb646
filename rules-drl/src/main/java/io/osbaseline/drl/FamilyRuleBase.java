package io.osbaseline.drl;

import io.osbaseline.drl.PackageBundle.RuleEntry;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.OsFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.CheckForNull;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * The rule base that judges the machines of one OS family: only the packages whose rules can fire for that family,
 * so that, say, the Windows baseline's absence rules never activate for a Linux machine; the disabled checks never fire;
 * with the admission of facts read from its network ({@link FactAdmission}) and a pool of sessions.
 */
final class FamilyRuleBase {
    /**
     * How one DRL rule of the rule base reports: for which check ({@code binding}), and which slot of an assessment's
     * record of what reported it marks (see {@link CheckParts}).
     */
    record Reporter(RuleCatalog.Binding binding, int slot) {
    }

    /**
     * A check of the rule base and the parts its rules name. Its slots in an assessment's record of what reported
     * are {@code firstSlot} for the whole check (its rules without {@code @part}) and {@code firstSlot + 1 + i} for
     * part {@code i}; for each slot in that order, what it stands at when nothing reported on it ({@code @unreported},
     * or null) and the {@link NoVerdict} that says so to the rules.
     */
    record CheckParts(RuleInfo info, int firstSlot, List<String> parts, List<UnreportedVerdict> unreported,
            List<NoVerdict> noVerdicts) {
    }

    private final InternalKnowledgeBase kieBase;
    @CheckForNull
    private final AgendaFilter filter;
    private final FactAdmission admission;
    private final KieSessionsPool sessions;
    private final KieSessionConfiguration sessionConfiguration;
    private final boolean declaresVerdicts;
    private final boolean empty;
    /** The reporter of each DRL rule of this rule base that is a check's, by identity: looked up on every verdict. */
    private final Map<Rule, Reporter> reporters = new IdentityHashMap<>();
    /** How many slots an assessment's record of what reported has. */
    private final int slots;
    /**
     * The checks that say what their silence means, by {@code @unreported} or by rules that match {@link NoVerdict}:
     * every check when some rule matches a {@code NoVerdict}, else those with {@code @unreported}.
     */
    private final List<CheckParts> checks;
    private final boolean matchesNoVerdict;

    private FamilyRuleBase(OsFamily family, InternalKnowledgeBase kieBase, @CheckForNull AgendaFilter filter,
            boolean factsMayChange, RuleCatalog catalog) {
        this.kieBase = kieBase;
        this.filter = filter;
        this.admission = FactAdmission.of(kieBase, factsMayChange);
        this.matchesNoVerdict = admission.matchesType(NoVerdict.class);
        // Each check's slots, in the order its rules first appear; the verdicts for silent parts come in slot order.
        Map<RuleInfo, Integer> firstSlots = new LinkedHashMap<>();
        Map<RuleInfo, UnreportedVerdict[]> unreported = new HashMap<>();
        int next = 0;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleCatalog.Binding b = catalog.binding(r);
                if (b == null) {
                    continue;
                }
                List<String> parts = catalog.parts(b.info());
                Integer first = firstSlots.get(b.info());
                if (first == null) {
                    first = next;
                    firstSlots.put(b.info(), first);
                    next += 1 + parts.size();
                }
                int offset = b.part() == null ? 0 : 1 + parts.indexOf(b.part());
                if (offset < 0) {
                    throw new IllegalStateException("rule \"" + r.getName() + "\" reports part '" + b.part()
                            + "', which check " + b.info().id() + " does not list");
                }
                reporters.put(r, new Reporter(b, first + offset));
                if (b.unreported() != null) {
                    unreported.computeIfAbsent(b.info(), i -> new UnreportedVerdict[1 + parts.size()])[offset] =
                            b.unreported();
                }
            }
        }
        this.slots = next;
        this.checks = firstSlots.entrySet().stream()
                .filter(e -> e.getKey().appliesTo(family))
                .filter(e -> matchesNoVerdict || unreported.containsKey(e.getKey()))
                .map(e -> silenceHandler(e.getKey(), e.getValue(), catalog.parts(e.getKey()),
                        unreported.get(e.getKey())))
                .toList();
        this.sessions = kieBase.newKieSessionsPool(1);
        // Sessions stay thread-safe (Drools' default) although each serves one thread at a time: in an unsafe
        // session, the executable model's consequences reuse one argument array per rule, which the sessions of
        // other threads share.
        this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
        this.declaresVerdicts = kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream()
                .anyMatch(g -> g.getName().equals(DroolsEngine.VERDICTS_GLOBAL)));
        this.empty = kieBase.getKiePackages().stream().allMatch(p -> p.getRules().isEmpty());
    }

    private static CheckParts silenceHandler(RuleInfo info, int firstSlot, List<String> parts,
            @CheckForNull UnreportedVerdict[] unreported) {
        List<UnreportedVerdict> verdicts = new ArrayList<>();
        List<NoVerdict> noVerdicts = new ArrayList<>();
        for (int i = 0; i <= parts.size(); i++) {
            verdicts.add(unreported == null ? null : unreported[i]);
            noVerdicts.add(new NoVerdict(info.id(), i == 0 ? NoVerdict.WHOLE_CHECK : parts.get(i - 1),
                    info.baselineId()));
        }
        // The verdicts hold nulls, which List.copyOf refuses.
        return new CheckParts(info, firstSlot, List.copyOf(parts),
                Collections.unmodifiableList(verdicts), List.copyOf(noVerdicts));
    }

    /**
     * Builds the rule base of {@code family} from the bundles whose rules can fire for it.
     *
     * @param bundles the compiled rules: one bundle per built-in pack, one for the custom rules
     */
    static FamilyRuleBase build(OsFamily family, List<PackageBundle> bundles, RuleCatalog catalog,
            ClassLoader classLoader) {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration(null, classLoader);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(configuration);
        boolean needsFilter = false;
        boolean factsMayChange = false;
        for (PackageBundle bundle : bundles) {
            List<RuleEntry> rules = bundle.rules();
            if (rules.stream().noneMatch(r -> catalog.firesFor(r.packageName(), r.name(), family))) {
                continue;
            }
            kieBase.addPackages(bundle.take(classLoader, configuration));
            factsMayChange |= bundle.changesFacts();
            needsFilter |= rules.stream().anyMatch(r -> !catalog.firesFor(r.packageName(), r.name(), family));
        }
        // Disabled checks stay in the network and are filtered out of the agenda: removing many rules from a built
        // rule base leaves Drools 10.2's segment prototypes inconsistent (sessions then fail to start).
        AgendaFilter filter = needsFilter ? match -> {
            Rule r = match.getRule();
            return catalog.firesFor(r.getPackageName(), r.getName(), family);
        } : null;
        return new FamilyRuleBase(family, kieBase, filter, factsMayChange, catalog);
    }

    InternalKnowledgeBase kieBase() {
        return kieBase;
    }

    /** Lets only the checks of this family fire, or null when every rule of this rule base may. */
    @CheckForNull
    AgendaFilter filter() {
        return filter;
    }

    FactAdmission admission() {
        return admission;
    }

    /** A session from the pool; disposing of it resets it and returns it to the pool. */
    KieSession pooledSession() {
        return sessions.newKieSession(sessionConfiguration);
    }

    /** A new session, for {@code osbaseline.drools.sessions=fresh}. */
    KieSession freshSession() {
        return kieBase.newKieSession(sessionConfiguration, null);
    }

    /** The reporters of this rule base's DRL rules, by rule object; rules that are not checks are not in it. */
    Map<Rule, Reporter> reporters() {
        return reporters;
    }

    /** How many slots an assessment's record of which checks and parts reported needs. */
    int slots() {
        return slots;
    }

    /** The checks to look at after the first firing, for their {@code @unreported} or their {@link NoVerdict}. */
    List<CheckParts> checks() {
        return checks;
    }

    /** Whether some rule matches {@link NoVerdict} facts, which are then worth making. */
    boolean matchesNoVerdict() {
        return matchesNoVerdict;
    }

    boolean declaresVerdicts() {
        return declaresVerdicts;
    }

    /** Whether no rule can fire for this family, so that assessments need no session. */
    boolean empty() {
        return empty;
    }
}

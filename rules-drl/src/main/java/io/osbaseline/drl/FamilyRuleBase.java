package io.osbaseline.drl;

import io.osbaseline.drl.PackageBundle.RuleEntry;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.OsFamily;
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
     * A check of the rule base, the parts its rules name, and what it or a part stands at when nothing reported on
     * it, by part ({@link NoVerdict#WHOLE_CHECK} for the whole check).
     */
    record CheckParts(RuleInfo info, List<String> parts, Map<String, UnreportedVerdict> unreported) {
    }

    private final InternalKnowledgeBase kieBase;
    @CheckForNull
    private final AgendaFilter filter;
    private final FactAdmission admission;
    private final KieSessionsPool sessions;
    private final KieSessionConfiguration sessionConfiguration;
    private final boolean declaresVerdicts;
    private final boolean empty;
    /** The check each DRL rule of this rule base reports for, by identity: looked up on every verdict. */
    private final Map<Rule, RuleCatalog.Binding> bindings = new IdentityHashMap<>();
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
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleCatalog.Binding b = catalog.binding(r);
                if (b != null) {
                    bindings.put(r, b);
                }
            }
        }
        this.admission = FactAdmission.of(kieBase, factsMayChange);
        this.matchesNoVerdict = admission.matchesType(NoVerdict.class);
        this.checks = silenceHandlers(family, catalog);
        this.sessions = kieBase.newKieSessionsPool(1);
        // A session serves one assessment on one thread at a time: it needs no locking of its own.
        this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
        sessionConfiguration.setProperty("drools.threadSafe", "false");
        this.declaresVerdicts = kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream()
                .anyMatch(g -> g.getName().equals(DroolsEngine.VERDICTS_GLOBAL)));
        this.empty = kieBase.getKiePackages().stream().allMatch(p -> p.getRules().isEmpty());
    }

    /** The checks of {@code family} whose silence something handles: see {@link #checks}. */
    private List<CheckParts> silenceHandlers(OsFamily family, RuleCatalog catalog) {
        Map<RuleInfo, List<String>> parts = new LinkedHashMap<>();
        Map<RuleInfo, Map<String, UnreportedVerdict>> unreported = new HashMap<>();
        bindings.values().forEach(b -> {
            // In the order the check names them, so that the verdicts for silent parts come in that order.
            parts.computeIfAbsent(b.info(), catalog::parts);
            if (b.unreported() != null) {
                unreported.computeIfAbsent(b.info(), i -> new HashMap<>())
                        .put(b.part() == null ? NoVerdict.WHOLE_CHECK : b.part(), b.unreported());
            }
        });
        return parts.entrySet().stream()
                .filter(e -> e.getKey().appliesTo(family))
                .filter(e -> matchesNoVerdict || unreported.containsKey(e.getKey()))
                .map(e -> new CheckParts(e.getKey(), e.getValue(),
                        Map.copyOf(unreported.getOrDefault(e.getKey(), Map.of()))))
                .toList();
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
            kieBase.addPackages(bundle.take(classLoader));
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

    /** The checks of this rule base's DRL rules, by rule object; rules that are not checks are not in it. */
    Map<Rule, RuleCatalog.Binding> bindings() {
        return bindings;
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

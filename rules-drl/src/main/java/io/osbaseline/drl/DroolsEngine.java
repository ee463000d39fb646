package io.osbaseline.drl;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.FindingAssembler;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.fact.Fact;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The Drools engine: one KieBase, compiled once and shared by all threads; one short-lived session per assessment,
 * so that assessments are independent and memory is bounded by one machine's facts.
 */
final class DroolsEngine implements BaselineEngine {
    static final String VERDICTS_GLOBAL = "verdicts";

    private final KieBase kieBase;
    private final RuleCatalog catalog;
    private final FindingAssembler assembler;
    private final boolean declaresVerdicts;

    DroolsEngine(KieBase kieBase, RuleCatalog catalog, FindingAssembler assembler) {
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.assembler = assembler;
        this.declaresVerdicts = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(VERDICTS_GLOBAL)));
    }

    @Override
    public List<Baseline> baselines() {
        return catalog.baselines();
    }

    @Override
    public List<RuleInfo> rules() {
        return catalog.rules();
    }

    @Override
    public Assessment assess(ConfigurationSnapshot snapshot) {
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(snapshot);
        KieSession session = kieBase.newKieSession();
        try {
            if (declaresVerdicts) {
                session.setGlobal(VERDICTS_GLOBAL, new Verdicts(catalog, sheet));
            }
            session.insert(snapshot.machine());
            for (CollectorRun run : snapshot.coverage().collectors()) {
                session.insert(run);
            }
            for (Fact fact : snapshot.facts()) {
                session.insert(fact);
            }
            session.fireAllRules(catalog.filterFor(snapshot.machine().osFamily()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("a rule failed while assessing " + snapshot.machine().id() + ": "
                    + e.getMessage(), e);
        } finally {
            session.dispose();
        }
        return sheet.finish();
    }
}

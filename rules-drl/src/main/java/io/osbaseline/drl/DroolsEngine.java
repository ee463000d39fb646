package io.osbaseline.drl;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.FindingAssembler;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.RuleInfo;
import io.osbaseline.model.fact.Fact;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.annotation.CheckForNull;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drools engine. The rules are compiled once; each OS family gets its own rule base, built from those rules on
 * the first machine of that family and then shared by all threads. Each assessment borrows a session from that rule
 * base's pool, inserts the facts some rule can match ({@link FactAdmission}), fires, records the {@code @unreported}
 * verdict ({@link UnreportedVerdict}) of each check or part that reported nothing and inserts a {@link NoVerdict} for
 * those some rule matches, fires again if it inserted any, and returns the session reset, so that assessments are
 * independent and memory is bounded by one machine's facts per thread.
 *
 * <p>Three system properties, read when an engine is built, exist to measure the alternatives (see
 * {@code benchmarks/RESULTS.md}): {@value #SESSIONS}{@code =fresh} opens a new session per assessment instead of
 * borrowing one, {@value #INSERT}{@code =all} inserts every fact instead of only those some rule can match, and
 * {@value #PACKS}{@code =classic} compiles the built-in packs' DRL with the classic compiler when the engine is built,
 * instead of using the executable model the build compiled them to. The findings are the same either way.
 */
final class DroolsEngine implements BaselineEngine {
    static final String VERDICTS_GLOBAL = "verdicts";
    static final String SESSIONS = "osbaseline.drools.sessions";
    static final String INSERT = "osbaseline.drools.insert";
    static final String PACKS = "osbaseline.drools.packs";
    private static final Logger LOG = LoggerFactory.getLogger(DroolsEngine.class);

    private final List<PackageBundle> bundles;
    private final RuleCatalog catalog;
    private final FindingAssembler assembler;
    private final ClassLoader classLoader;
    private final AtomicReferenceArray<CompletableFuture<FamilyRuleBase>> ruleBases =
            new AtomicReferenceArray<>(OsFamily.values().length);
    private final boolean pooledSessions;
    private final boolean insertAll;
    /** Whether an assessment has started: the background thread then stops building rule bases ahead of need. */
    private volatile boolean assessing;

    DroolsEngine(List<PackageBundle> bundles, RuleCatalog catalog, FindingAssembler assembler,
            ClassLoader classLoader) {
        this.bundles = List.copyOf(bundles);
        this.catalog = catalog;
        this.assembler = assembler;
        this.classLoader = classLoader;
        this.pooledSessions = !"fresh".equals(System.getProperty(SESSIONS));
        this.insertAll = "all".equals(System.getProperty(INSERT));
        prebuild();
    }

    /**
     * Builds the rule bases of the families the baselines name, in baseline order, on a background thread: a scan
     * builds its engine, then collects the first snapshot, which takes about as long as building a rule base, and the
     * rule base is then ready when the snapshot is. Once the first assessment has started, the thread builds no
     * further family: on two cores it would only slow that assessment down (a scan of one Linux host does not need the
     * Windows rule base), and a family asked for later is built by the thread that asks, as is one asked for before
     * its turn.
     */
    private void prebuild() {
        List<OsFamily> families = catalog.rules().stream().map(RuleInfo::osFamily).filter(Objects::nonNull).distinct()
                .toList();
        if (families.isEmpty()) {
            return;
        }
        Thread builder = new Thread(() -> {
            for (OsFamily f : families) {
                if (assessing) {
                    return;
                }
                claimAndBuild(f);
            }
        }, "osbaseline-rule-bases");
        builder.setDaemon(true);
        builder.start();
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
        if (!assessing) {
            assessing = true;
        }
        FindingAssembler.VerdictSheet sheet = assembler.newSheet(snapshot);
        FamilyRuleBase base = ruleBase(snapshot.machine().osFamily());
        if (base == null) {
            return sheet.finish();
        }
        KieSession session = pooledSessions ? base.pooledSession() : base.freshSession();
        try {
            Verdicts verdicts = null;
            if (base.declaresVerdicts()) {
                verdicts = new Verdicts(base.reporters(), base.slots(), sheet);
                session.setGlobal(VERDICTS_GLOBAL, verdicts);
            }
            FactAdmission admission = base.admission();
            FactAdmission.Pass pass = admission.newPass();
            int records = insert(session, admission, pass, snapshot.machine());
            for (CollectorRun run : snapshot.coverage().collectors()) {
                records += insert(session, admission, pass, run);
            }
            int facts = 0;
            for (Fact fact : snapshot.facts()) {
                facts += insert(session, admission, pass, fact);
            }
            AgendaFilter filter = base.filter();
            int fired = filter == null ? session.fireAllRules() : session.fireAllRules(filter);
            int unreported = 0;
            if (verdicts != null && !base.checks().isEmpty()) {
                for (NoVerdict none : verdicts.unreported(base.checks(), base.matchesNoVerdict())) {
                    unreported += insert(session, admission, pass, none);
                }
                if (unreported > 0) {
                    fired += filter == null ? session.fireAllRules() : session.fireAllRules(filter);
                }
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("assessed {}: inserted {} of {} facts and {} of {} machine and collector records; {} rules "
                        + "fired, after {} NoVerdict facts", snapshot.machine().id(), facts, snapshot.facts().size(),
                        records, snapshot.coverage().collectors().size() + 1, fired, unreported);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("a rule failed while assessing " + snapshot.machine().id() + ": "
                    + e.getMessage(), e);
        } finally {
            session.dispose();
        }
        return sheet.finish();
    }

    /** Inserts the fact if some rule can match it; returns how many facts were inserted, 0 or 1. */
    private int insert(KieSession session, FactAdmission admission, FactAdmission.Pass pass, Object fact) {
        if (insertAll || admission.admits(fact, pass)) {
            session.insert(fact);
            return 1;
        }
        return 0;
    }

    /** The rule base of {@code family}, built on first use; null when no rule can fire for it. */
    @CheckForNull
    FamilyRuleBase ruleBase(OsFamily family) {
        CompletableFuture<FamilyRuleBase> built = ruleBases.get(family.ordinal());
        if (built == null) {
            claimAndBuild(family);
            built = ruleBases.get(family.ordinal());
        }
        FamilyRuleBase base;
        try {
            base = built.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return base.empty() ? null : base;
    }

    /** Builds the rule base of {@code family} unless another thread has started to. */
    private void claimAndBuild(OsFamily family) {
        CompletableFuture<FamilyRuleBase> mine = new CompletableFuture<>();
        if (!ruleBases.compareAndSet(family.ordinal(), null, mine)) {
            return;
        }
        try {
            long start = System.nanoTime();
            mine.complete(FamilyRuleBase.build(family, bundles, catalog, classLoader));
            LOG.debug("built the rule base for {} machines in {} ms", family, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
        }
    }
}

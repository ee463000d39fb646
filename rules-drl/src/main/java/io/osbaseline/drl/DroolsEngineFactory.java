package io.osbaseline.drl;

import io.osbaseline.drl.pack.BaselinePack;
import io.osbaseline.drl.pack.DrlGenerator;
import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineConfig;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.EngineFactory;
import io.osbaseline.engine.FindingAssembler;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.Baseline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Drools engine, registered with {@link java.util.ServiceLoader} under the id {@code drools}. */
public final class DroolsEngineFactory implements EngineFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsEngineFactory.class);

    /** The packs on this library's class path, read once. */
    private static final class Packs {
        static final List<BaselinePack> ALL = PackLoader.load(DroolsEngineFactory.class.getClassLoader());
    }

    @Override
    public String id() {
        return "drools";
    }

    @Override
    public String description() {
        return "Drools rule engine; baselines as DRL, custom rules in DRL";
    }

    @Override
    public List<Baseline> builtInBaselines() {
        return Packs.ALL.stream().map(BaselinePack::baseline).toList();
    }

    @Override
    public BaselineEngine create(EngineConfig config) throws EngineException {
        long start = System.nanoTime();
        List<DrlCompiler.Unit> units = new ArrayList<>();
        Map<String, Baseline> builtIn = new LinkedHashMap<>();
        for (BaselinePack pack : selectPacks(config)) {
            builtIn.put(pack.drlPackage(), pack.baseline());
            for (DrlGenerator.GeneratedDrl g : DrlGenerator.generate(pack)) {
                units.add(new DrlCompiler.Unit(g.resource(), g.text(), g.checkAtLine()));
            }
        }
        for (RuleSource source : config.ruleSources()) {
            try {
                units.add(new DrlCompiler.Unit(source.name(), source.read(), Map.of()));
            } catch (IOException e) {
                throw new EngineException("cannot read the rules " + source.name() + ": " + e.getMessage(), e);
            }
        }
        if (units.isEmpty()) {
            throw new EngineException("no rules to build an engine from: no built-in baseline and no rule source");
        }
        DrlCompiler.Compiled compiled = DrlCompiler.compile(units, DroolsEngineFactory.class.getClassLoader());
        RuleCatalog catalog = RuleCatalog.read(compiled, builtIn, config);
        LOG.debug("built the Drools engine: {} rules of {} in {} ms", catalog.rules().size(),
                catalog.baselines().stream().map(Baseline::id).toList(), (System.nanoTime() - start) / 1_000_000);
        return new DroolsEngine(compiled.kieBase(), catalog,
                new FindingAssembler(catalog.rules(), config.exemptions(), config.clock()));
    }

    private static List<BaselinePack> selectPacks(EngineConfig config) throws EngineException {
        if (!config.builtInBaselines()) {
            return List.of();
        }
        if (config.baselines().isEmpty()) {
            return Packs.ALL;
        }
        Map<String, BaselinePack> byId = new LinkedHashMap<>();
        Packs.ALL.forEach(p -> byId.put(p.baseline().id(), p));
        List<BaselinePack> selected = new ArrayList<>();
        for (String id : config.baselines()) {
            BaselinePack p = byId.get(id);
            if (p == null) {
                throw new EngineException("no baseline '" + id + "'; available: " + String.join(", ", byId.keySet()));
            }
            selected.add(p);
        }
        return selected;
    }

    /** For tools that show the generated DRL of the built-in packs. */
    public static Map<String, String> generatedDrl() {
        Map<String, String> out = new LinkedHashMap<>();
        for (BaselinePack pack : Packs.ALL) {
            for (DrlGenerator.GeneratedDrl g : DrlGenerator.generate(pack)) {
                out.put(g.resource(), g.text());
            }
        }
        return out;
    }
}

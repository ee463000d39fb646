package io.osbaseline.drl;

import io.osbaseline.drl.PackageBundle.RuleEntry;
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
import javax.annotation.CheckForNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drools engine, registered with {@link java.util.ServiceLoader} under the id {@code drools}.
 *
 * <p>The built-in packs are compiled at build time ({@link PackPrecompiler}); building an engine then reads them and
 * compiles only the custom rules. A pack without a current precompiled form (another jar's pack, or YAML edited since
 * the build) is generated and compiled from its YAML here.
 */
public final class DroolsEngineFactory implements EngineFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsEngineFactory.class);

    /**
     * A built-in pack to build from: precompiled, or to compile from its YAML.
     *
     * @param baseline the baseline
     * @param drlPackage the DRL package its rules are generated into
     * @param precompiled its compiled rules, or null
     * @param source its YAML, when it must be compiled
     */
    private record Pack(Baseline baseline, String drlPackage, @CheckForNull PackageBundle precompiled,
            @CheckForNull BaselinePack source) {
    }

    /** The packs on this library's class path, found once. */
    private static final class Packs {
        static final List<Pack> ALL = find(DroolsEngineFactory.class.getClassLoader());
    }

    private final ClassLoader loader;
    @CheckForNull
    private final List<Pack> packs;

    /** The engine of the packs and classes on this library's class path; what {@link java.util.ServiceLoader} uses. */
    public DroolsEngineFactory() {
        this.loader = DroolsEngineFactory.class.getClassLoader();
        this.packs = null;
    }

    /** The engine of the packs on the class path of {@code loader}, which must see this library's classes. */
    DroolsEngineFactory(ClassLoader loader) {
        this.loader = loader;
        this.packs = find(loader);
    }

    private List<Pack> packs() {
        if ("classic".equals(System.getProperty(DroolsEngine.PACKS))) {
            return PackLoader.load(loader).stream().map(y -> new Pack(y.baseline(), y.drlPackage(), null, y)).toList();
        }
        return packs != null ? packs : Packs.ALL;
    }

    private static List<Pack> find(ClassLoader loader) {
        PrecompiledPacks.Found found = PrecompiledPacks.find(loader);
        List<Pack> packs = new ArrayList<>();
        if (found.complete()) {
            for (PrecompiledPacks.Pack p : found.current().values()) {
                packs.add(new Pack(p.baseline(), p.drlPackage(), p.bundle(), null));
            }
            return packs;
        }
        // Some pack must be compiled from YAML: read them all, and use the precompiled form of the others.
        List<BaselinePack> yaml = PackLoader.load(loader);
        boolean aligned = yaml.size() == found.folders().size();
        for (int i = 0; i < yaml.size(); i++) {
            BaselinePack y = yaml.get(i);
            PrecompiledPacks.Pack p = aligned ? found.current().get(found.folders().get(i)) : null;
            boolean same = p != null && p.baseline().id().equals(y.baseline().id())
                    && p.drlPackage().equals(y.drlPackage());
            packs.add(new Pack(y.baseline(), y.drlPackage(), same ? p.bundle() : null, same ? null : y));
        }
        return packs;
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
        return packs().stream().map(Pack::baseline).toList();
    }

    @Override
    public BaselineEngine create(EngineConfig config) throws EngineException {
        long start = System.nanoTime();
        List<PackageBundle> bundles = new ArrayList<>();
        Map<String, DrlCompiler.Unit> units = new LinkedHashMap<>();
        Map<String, Baseline> builtIn = new LinkedHashMap<>();
        int compiledPacks = 0;
        for (Pack pack : selectPacks(config)) {
            builtIn.put(pack.drlPackage(), pack.baseline());
            if (pack.precompiled() != null) {
                bundles.add(pack.precompiled());
            } else {
                List<DrlCompiler.Unit> generated = new ArrayList<>();
                for (DrlGenerator.GeneratedDrl g : DrlGenerator.generate(pack.source())) {
                    generated.add(new DrlCompiler.Unit(g.resource(), g.text(), g.checkAtLine()));
                }
                DrlCompiler.Compiled compiled = DrlCompiler.compile(generated, "pack" + compiledPacks++, loader);
                bundles.add(compiled.bundle());
                units.putAll(compiled.units());
            }
        }
        List<DrlCompiler.Unit> custom = new ArrayList<>();
        for (RuleSource source : config.ruleSources()) {
            try {
                custom.add(new DrlCompiler.Unit(source.name(), source.read(), Map.of()));
            } catch (IOException e) {
                throw new EngineException("cannot read the rules " + source.name() + ": " + e.getMessage(), e);
            }
        }
        if (!custom.isEmpty()) {
            DrlCompiler.Compiled compiled = DrlCompiler.compile(custom, "custom", loader);
            bundles.add(compiled.bundle());
            units.putAll(compiled.units());
        }
        if (bundles.isEmpty()) {
            throw new EngineException("no rules to build an engine from: no built-in baseline and no rule source");
        }
        List<RuleEntry> rules = bundles.stream().flatMap(b -> b.rules().stream()).toList();
        RuleCatalog catalog = RuleCatalog.read(rules, r -> DrlCompiler.unitOf(r.sourcePath(), units), builtIn, config);
        LOG.debug("built the Drools engine: {} rules of {} in {} ms ({} packs compiled from YAML)",
                catalog.rules().size(), catalog.baselines().stream().map(Baseline::id).toList(),
                (System.nanoTime() - start) / 1_000_000, compiledPacks);
        return new DroolsEngine(bundles, catalog, new FindingAssembler(catalog.rules(), config.exemptions(),
                config.clock()), loader);
    }

    private List<Pack> selectPacks(EngineConfig config) throws EngineException {
        if (!config.builtInBaselines()) {
            return List.of();
        }
        if (config.baselines().isEmpty()) {
            return packs();
        }
        Map<String, Pack> byId = new LinkedHashMap<>();
        packs().forEach(p -> byId.put(p.baseline().id(), p));
        List<Pack> selected = new ArrayList<>();
        for (String id : config.baselines()) {
            Pack p = byId.get(id);
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
        for (BaselinePack pack : PackLoader.load(DroolsEngineFactory.class.getClassLoader())) {
            for (DrlGenerator.GeneratedDrl g : DrlGenerator.generate(pack)) {
                out.put(g.resource(), g.text());
            }
        }
        return out;
    }
}

package io.osbaseline.drl;

import io.osbaseline.drl.pack.BaselinePack;
import io.osbaseline.drl.pack.DrlGenerator;
import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the baseline packs on the class path at build time, so that engines compile no DRL for them: run by the
 * build of rules-drl ({@code process-classes}), and usable the same way by any jar that ships packs of its own, with
 * {@code org.drools:drools-model-codegen} on the class path:
 *
 * <pre>
 * java -cp CLASSPATH io.osbaseline.drl.PackPrecompiler target/classes
 * </pre>
 *
 * Each pack's DRL is compiled twice: by the classic DRL compiler, whose messages name the pack file, line and check
 * (a pack whose DRL does not compile, or whose rule metadata is wrong, fails the build with them), then to the
 * executable model, whose classes are written beside the pack ({@link ExecutableModelBuild}).
 */
public final class PackPrecompiler {
    private static final Logger LOG = LoggerFactory.getLogger(PackPrecompiler.class);

    private PackPrecompiler() {
    }

    /**
     * Compiles every pack listed in the class path's pack indexes into {@code args[0]}.
     *
     * @throws EngineException when a pack does not compile
     */
    public static void main(String[] args) throws EngineException, IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PackPrecompiler OUTPUT_CLASSES_DIRECTORY");
        }
        Path output = Path.of(args[0]);
        ClassLoader loader = PackPrecompiler.class.getClassLoader();
        List<String> folders = PrecompiledPacks.folders(loader);
        List<BaselinePack> packs = PackLoader.load(loader);
        if (packs.size() != folders.size()) {
            throw new IllegalStateException("the pack indexes list " + folders.size() + " folders but "
                    + packs.size() + " packs were read");
        }
        for (int i = 0; i < packs.size(); i++) {
            long start = System.nanoTime();
            BaselinePack pack = packs.get(i);
            String folder = folders.get(i);
            List<DrlCompiler.Unit> units = new ArrayList<>();
            for (DrlGenerator.GeneratedDrl g : DrlGenerator.generate(pack)) {
                units.add(new DrlCompiler.Unit(g.resource(), g.text(), g.checkAtLine()));
            }
            DrlCompiler.Compiled compiled = DrlCompiler.compile(units, "pack", loader);
            PackageBundle bundle = compiled.bundle();
            // Read the catalog as an engine would, so that wrong metadata fails the build rather than a user's run.
            RuleCatalog.read(bundle.rules(), r -> DrlCompiler.unitOf(r.sourcePath(), compiled.units()),
                    Map.of(pack.drlPackage(), pack.baseline()), BaselineEngine.builder().config());
            List<String> models = ExecutableModelBuild.compile(folder, pack.drlPackage(), units, output, loader);
            List<String> sources = new ArrayList<>();
            sources.add(folder + "/baseline.yaml");
            pack.files().forEach(f -> sources.add(f.resource()));
            PrecompiledPacks.write(output, folder, sources, pack.baseline(), pack.drlPackage(), bundle.rules(),
                    bundle.changesFacts(), models, loader);
            LOG.info("precompiled {}: {} DRL rules in {} ms", pack.baseline().id(), bundle.rules().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}

package io.osbaseline.drl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a pack's DRL to Drools' executable model, at build time only ({@link PackPrecompiler}): the rules become
 * Java classes (a model class per package, and a class per constraint, consequence and field read), which the build
 * puts into the jar beside the pack. An engine then makes its packages from those classes: nothing is compiled, and
 * the constraints run as Java lambdas rather than MVEL, which {@code benchmarks/RESULTS.md} measured to be faster.
 *
 * <p>This class needs {@code drools-model-codegen}, which only the build has; engines never load it.
 */
final class ExecutableModelBuild {
    /** The classes the executable model generates, which a new build replaces. */
    private static final Pattern GENERATED = Pattern.compile(
            "(Rules|Lambda[A-Za-z]+|DomainClassesMetadata)[0-9A-F]{32}.*\\.class|P[0-9A-F]{2}");
    private static final String MODEL_LIST = "drools-model";

    private ExecutableModelBuild() {
    }

    /**
     * Compiles {@code units}, all in DRL package {@code drlPackage}, and writes the classes into {@code output}, after
     * removing those an earlier build generated for that package.
     *
     * @param name names the build (the pack's folder): unique among the packs of one build
     * @return the model classes, one per DRL package, to instantiate at run time
     * @throws IllegalStateException with Drools' messages if the DRL does not compile to the executable model
     */
    static List<String> compile(String name, String drlPackage, List<DrlCompiler.Unit> units, Path output,
            ClassLoader loader) throws IOException {
        KieServices services = KieServices.get();
        ReleaseId id = services.newReleaseId("io.osbaseline.precompiled", name.replaceAll("[^\\w.-]", "_"), "1");
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(id);
        String folder = drlPackage.replace('.', '/') + "/";
        for (int i = 0; i < units.size(); i++) {
            files.write("src/main/resources/" + folder + "unit" + i + ".drl", units.get(i).text());
        }
        KieBuilder builder = services.newKieBuilder(files, loader);
        builder.buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the DRL of " + name + " compiles, but not to the executable model: "
                    + builder.getResults().getMessages(Message.Level.ERROR));
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        services.getRepository().removeKieModule(id);
        removeGenerated(output.resolve(folder));
        List<String> models = new ArrayList<>();
        for (String file : module.getFileNames()) {
            if (file.endsWith(".class") && file.startsWith(folder)) {
                Path target = output.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, module.getBytes(file));
            } else if (file.endsWith("/" + MODEL_LIST)) {
                for (String line : new String(module.getBytes(file), StandardCharsets.UTF_8).split("\n")) {
                    String model = line.strip();
                    if (!model.isEmpty() && !model.startsWith("Drools-Model-Version:")) {
                        models.add(model);
                    }
                }
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the executable model of " + name + " lists no model class");
        }
        return models;
    }

    private static void removeGenerated(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.filter(p -> GENERATED.matcher(p.getFileName().toString()).matches()).toList()) {
                try (Stream<Path> tree = Files.walk(p)) {
                    for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
    }
}

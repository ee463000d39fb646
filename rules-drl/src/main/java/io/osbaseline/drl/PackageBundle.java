package io.osbaseline.drl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.CheckForNull;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.model.Model;
import org.drools.modelcompiler.KiePackagesBuilder;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled knowledge packages, with the list of their rules and metadata. DRL is compiled once: the built-in packs at
 * build time, to the executable model ({@link #ofModels}); custom rules, and packs edited since the build, when an
 * engine is built ({@link #of}). Every rule base made from a bundle gets fresh package objects, since a rule base takes
 * over the packages it is given; making them compiles nothing, and the rule list can be read without making them at
 * all. Thread-safe.
 */
final class PackageBundle {
    /**
     * One DRL rule of a bundle, as the catalog needs it.
     *
     * @param packageName its DRL package
     * @param name its name
     * @param metadata its metadata ({@code @id}, {@code @title}, ...) as text
     * @param sourcePath the source Drools compiled it from, when known
     */
    record RuleEntry(String packageName, String name, Map<String, String> metadata, @CheckForNull String sourcePath) {
        RuleEntry {
            metadata = Map.copyOf(metadata);
        }

        static RuleEntry of(Rule rule) {
            Map<String, String> metadata = new LinkedHashMap<>();
            rule.getMetaData().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            String source = rule instanceof RuleImpl impl && impl.getResource() != null
                    ? impl.getResource().getSourcePath() : null;
            return new RuleEntry(rule.getPackageName(), rule.getName(), metadata, source);
        }
    }

    /** Makes the packages for one rule base. */
    private interface Source {
        Collection<KiePackage> packages(ClassLoader classLoader, KieBaseConfiguration configuration);
    }

    private final Source source;
    private final List<RuleEntry> rules;
    private final boolean changesFacts;

    private PackageBundle(Source source, List<RuleEntry> rules, boolean changesFacts) {
        this.source = source;
        this.rules = List.copyOf(rules);
        this.changesFacts = changesFacts;
    }

    /**
     * A bundle of packages just compiled: they are handed out once, then copies read back from their serialized form.
     *
     * @param changesFacts whether some consequence may delete or change a fact it matched
     */
    static PackageBundle of(Collection<KiePackage> packages, boolean changesFacts) {
        List<RuleEntry> rules = new ArrayList<>();
        for (KiePackage p : packages) {
            p.getRules().forEach(r -> rules.add(RuleEntry.of(r)));
        }
        return new PackageBundle(new Serialized(List.copyOf(packages), write(packages)), rules, changesFacts);
    }

    /**
     * A bundle of rules compiled to the executable model at build time ({@link ExecutableModelBuild}).
     *
     * @param modelClasses the model classes, one per DRL package, on the class path of the rule bases made from it
     * @param rules the rules the models hold, as they were when compiled
     * @param changesFacts whether some consequence may delete or change a fact it matched
     */
    static PackageBundle ofModels(List<String> modelClasses, List<RuleEntry> rules, boolean changesFacts) {
        return new PackageBundle(new Models(List.copyOf(modelClasses)), rules, changesFacts);
    }

    /** Whether some consequence may delete or change a fact it matched. */
    boolean changesFacts() {
        return changesFacts;
    }

    /** The rules of the bundle, package by package, in the order Drools lists them. */
    List<RuleEntry> rules() {
        return rules;
    }

    /** Fresh packages to build one rule base from, with {@code configuration}. */
    Collection<KiePackage> take(ClassLoader classLoader, KieBaseConfiguration configuration) {
        return source.packages(classLoader, configuration);
    }

    /** Packages compiled in this process: the originals the first time, then copies read back from their bytes. */
    private static final class Serialized implements Source {
        private final byte[] bytes;
        @CheckForNull
        private Collection<KiePackage> unused;

        Serialized(Collection<KiePackage> packages, byte[] bytes) {
            this.unused = packages;
            this.bytes = bytes;
        }

        @Override
        public synchronized Collection<KiePackage> packages(ClassLoader classLoader,
                KieBaseConfiguration configuration) {
            if (unused != null) {
                Collection<KiePackage> p = unused;
                unused = null;
                return p;
            }
            return read(bytes, classLoader);
        }
    }

    /** Packages made from executable-model classes: a new model and new packages for every rule base. */
    private record Models(List<String> classes) implements Source {
        @Override
        public Collection<KiePackage> packages(ClassLoader classLoader, KieBaseConfiguration configuration) {
            KiePackagesBuilder builder = new KiePackagesBuilder(configuration);
            for (String name : classes) {
                try {
                    builder.addModel((Model) Class.forName(name, true, classLoader).getDeclaredConstructor()
                            .newInstance());
                } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                    throw new IllegalStateException("cannot load the compiled rules " + name + " (" + e
                            + "): the jar that holds them is incomplete or from another version", e);
                }
            }
            return List.copyOf(builder.build().getKiePackages());
        }
    }

    private static byte[] write(Collection<KiePackage> packages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream s = new DroolsObjectOutputStream(out)) {
            s.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize compiled rules: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Collection<KiePackage> read(byte[] bytes, ClassLoader classLoader) {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (Collection<KiePackage>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read compiled rules: " + e.getMessage(), e);
        }
    }
}

package io.osbaseline.drl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.CheckForNull;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled knowledge packages in serialized form, with the list of their rules and metadata. DRL is compiled once (the
 * built-in packs at build time, custom rules when an engine is built); every rule base made from a bundle gets fresh
 * package objects, since a rule base takes over the packages it is given. The packages carry the bytecode of their
 * consequences, so reading them back compiles nothing, and the rule list can be read without reading them at all.
 * Thread-safe.
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

    private final Supplier<byte[]> source;
    @CheckForNull
    private byte[] bytes;
    private final List<RuleEntry> rules;
    private final boolean changesFacts;
    @CheckForNull
    private Collection<KiePackage> unused;

    private PackageBundle(Supplier<byte[]> source, List<RuleEntry> rules, boolean changesFacts,
            @CheckForNull Collection<KiePackage> unused) {
        this.source = source;
        this.rules = List.copyOf(rules);
        this.changesFacts = changesFacts;
        this.unused = unused;
    }

    /**
     * A bundle of packages just compiled; they are handed out once before fresh copies are read.
     *
     * @param changesFacts whether some consequence may delete or change a fact it matched
     */
    static PackageBundle of(Collection<KiePackage> packages, boolean changesFacts) {
        List<RuleEntry> rules = new ArrayList<>();
        for (KiePackage p : packages) {
            p.getRules().forEach(r -> rules.add(RuleEntry.of(r)));
        }
        byte[] serialized = write(packages);
        return new PackageBundle(() -> serialized, rules, changesFacts, List.copyOf(packages));
    }

    /**
     * A bundle in serialized form, with its rule list.
     *
     * @param source reads the serialized packages, once, when a rule base first needs them
     * @param changesFacts whether some consequence may delete or change a fact it matched
     */
    static PackageBundle of(Supplier<byte[]> source, List<RuleEntry> rules, boolean changesFacts) {
        return new PackageBundle(source, rules, changesFacts, null);
    }

    /** The serialized packages. */
    synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = source.get();
        }
        return bytes;
    }

    /** Whether some consequence may delete or change a fact it matched. */
    boolean changesFacts() {
        return changesFacts;
    }

    /** The rules of the bundle, package by package, in the order Drools lists them. */
    List<RuleEntry> rules() {
        return rules;
    }

    /** Packages to build one rule base from: the packages just compiled the first time, fresh copies after that. */
    synchronized Collection<KiePackage> take(ClassLoader classLoader) {
        if (unused != null) {
            Collection<KiePackage> p = unused;
            unused = null;
            return p;
        }
        return read(bytes(), classLoader);
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

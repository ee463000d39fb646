package io.osbaseline.drl;

import io.osbaseline.drl.PackageBundle.RuleEntry;
import io.osbaseline.drl.pack.DrlGenerator;
import io.osbaseline.drl.pack.PackLoader;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.OsFamily;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in packs compiled at build time ({@link PackPrecompiler}), so that building an engine compiles no DRL. One
 * file per pack, {@value #DIRECTORY}{@code <pack folder>.kpkg}: the baseline, the fingerprint of the sources it was
 * compiled from, the rule list, and the names of the executable-model classes the build wrote beside it
 * ({@link ExecutableModelBuild}). The fingerprint covers the pack's YAML files and the classes that generate DRL from
 * them; a pack whose sources no longer match (edited YAML, a changed template, a pack of another jar), or whose classes
 * are missing, is compiled from its YAML at run time, as before.
 */
final class PrecompiledPacks {
    static final String DIRECTORY = "META-INF/osbaseline/precompiled/";
    private static final String MAGIC = "osbaseline-kpkg-3";
    private static final String GENERATOR_PACKAGE = DrlGenerator.class.getPackageName().replace('.', '/') + "/";
    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledPacks.class);

    /**
     * A pack compiled at build time.
     *
     * @param baseline its baseline
     * @param drlPackage the DRL package its rules are in
     * @param bundle its compiled rules
     */
    record Pack(Baseline baseline, String drlPackage, PackageBundle bundle) {
    }

    /**
     * The packs on the class path, in index order.
     *
     * @param folders every pack folder of every index
     * @param current the packs whose build-time compilation is current, by folder
     */
    record Found(List<String> folders, Map<String, Pack> current) {
        /** Whether every pack is precompiled and current, so that no YAML needs reading. */
        boolean complete() {
            return current.keySet().containsAll(folders);
        }
    }

    private PrecompiledPacks() {
    }

    /** Finds the pack folders of every index and reads the precompiled packs that are still current. */
    static Found find(ClassLoader loader) {
        List<String> folders = folders(loader);
        Map<String, Pack> current = new LinkedHashMap<>();
        for (String folder : folders) {
            Pack p = read(loader, folder);
            if (p != null) {
                current.put(folder, p);
            }
        }
        return new Found(folders, current);
    }

    /** The pack folders listed in every {@value PackLoader#INDEX} on the class path, in order. */
    static List<String> folders(ClassLoader loader) {
        List<String> folders = new ArrayList<>();
        try {
            Enumeration<URL> indexes = loader.getResources(PackLoader.INDEX);
            while (indexes.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(indexes.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        String folder = line.strip();
                        if (!folder.isEmpty() && !folder.startsWith("#")) {
                            folders.add(folder);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline index " + PackLoader.INDEX, e);
        }
        return folders;
    }

    @CheckForNull
    private static Pack read(ClassLoader loader, String folder) {
        String resource = DIRECTORY + folder + ".kpkg";
        try (InputStream raw = loader.getResourceAsStream(resource)) {
            if (raw == null) {
                return null;
            }
            DataInputStream in = new DataInputStream(raw);
            if (!in.readUTF().equals(MAGIC)) {
                LOG.warn("{} is not a precompiled pack this version can read; the pack is compiled instead", resource);
                return null;
            }
            String fingerprint = in.readUTF();
            int sourceCount = in.readInt();
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < sourceCount; i++) {
                sources.add(in.readUTF());
            }
            String current = fingerprint(loader, sources);
            if (!fingerprint.equals(current)) {
                LOG.debug("{} was compiled from other sources ({} now {}); the pack is compiled instead", resource,
                        fingerprint, current);
                return null;
            }
            String osFamily = in.readUTF();
            Baseline baseline = new Baseline(in.readUTF(), in.readUTF(),
                    osFamily.isEmpty() ? null : OsFamily.valueOf(osFamily), in.readUTF());
            String drlPackage = in.readUTF();
            boolean changesFacts = in.readBoolean();
            int ruleCount = in.readInt();
            List<RuleEntry> rules = new ArrayList<>(ruleCount);
            for (int i = 0; i < ruleCount; i++) {
                String pkg = in.readUTF();
                String name = in.readUTF();
                int metaCount = in.readInt();
                Map<String, String> metadata = new LinkedHashMap<>();
                for (int j = 0; j < metaCount; j++) {
                    metadata.put(in.readUTF(), readLongUtf(in));
                }
                String source = in.readUTF();
                rules.add(new RuleEntry(pkg, name, metadata, source.isEmpty() ? null : source));
            }
            int modelCount = in.readInt();
            List<String> models = new ArrayList<>(modelCount);
            for (int i = 0; i < modelCount; i++) {
                String model = in.readUTF();
                if (loader.getResource(model.replace('.', '/') + ".class") == null) {
                    LOG.warn("{} names the class {}, which is not on the class path; the pack is compiled instead",
                            resource, model);
                    return null;
                }
                models.add(model);
            }
            return new Pack(baseline, drlPackage, PackageBundle.ofModels(models, rules, changesFacts));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the precompiled pack {}; the pack is compiled instead: {}", resource, e.toString());
            return null;
        }
    }

    /**
     * Writes a precompiled pack under {@code outputDirectory} (a class path root).
     *
     * @param sources the pack's resources, baseline.yaml first
     * @param rules the pack's rules, as compiled
     * @param models the executable-model classes that hold them, written under {@code outputDirectory}
     */
    static void write(Path outputDirectory, String folder, List<String> sources, Baseline baseline, String drlPackage,
            List<RuleEntry> rules, boolean changesFacts, List<String> models, ClassLoader loader) throws IOException {
        Path file = outputDirectory.resolve(DIRECTORY + folder + ".kpkg");
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.writeUTF(MAGIC);
            out.writeUTF(fingerprint(loader, sources));
            out.writeInt(sources.size());
            for (String s : sources) {
                out.writeUTF(s);
            }
            out.writeUTF(baseline.osFamily() == null ? "" : baseline.osFamily().name());
            out.writeUTF(baseline.id());
            out.writeUTF(baseline.title());
            out.writeUTF(baseline.recommendation());
            out.writeUTF(drlPackage);
            out.writeBoolean(changesFacts);
            out.writeInt(rules.size());
            for (RuleEntry r : rules) {
                out.writeUTF(r.packageName());
                out.writeUTF(r.name());
                out.writeInt(r.metadata().size());
                for (Map.Entry<String, String> m : r.metadata().entrySet()) {
                    out.writeUTF(m.getKey());
                    writeLongUtf(out, m.getValue());
                }
                out.writeUTF(r.sourcePath() == null ? "" : r.sourcePath());
            }
            out.writeInt(models.size());
            for (String m : models) {
                out.writeUTF(m);
            }
        }
    }

    /**
     * A digest of what a pack's compiled form depends on: its YAML resources, and the classes that turn YAML into
     * DRL. "unknown" when a resource or those classes cannot be read, which never matches.
     */
    static String fingerprint(ClassLoader loader, List<String> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String s : sources) {
                try (InputStream in = loader.getResourceAsStream(s)) {
                    if (in == null) {
                        return "unknown";
                    }
                    digest.update(s.getBytes(StandardCharsets.UTF_8));
                    digest.update(in.readAllBytes());
                }
            }
            List<String> generator = generatorClasses();
            if (generator.isEmpty()) {
                return "unknown";
            }
            for (String c : generator) {
                try (InputStream in = DrlGenerator.class.getClassLoader().getResourceAsStream(c)) {
                    if (in == null) {
                        return "unknown";
                    }
                    digest.update(c.getBytes(StandardCharsets.UTF_8));
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (IOException e) {
            return "unknown";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The class files of the DRL generator's package, sorted, from the directory or jar it was loaded from. */
    private static List<String> generatorClasses() throws IOException {
        CodeSource source = DrlGenerator.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return List.of();
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
        List<String> classes = new ArrayList<>();
        if (Files.isDirectory(location)) {
            Path dir = location.resolve(GENERATOR_PACKAGE);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                        .forEach(n -> classes.add(GENERATOR_PACKAGE + n));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    String n = e.getName();
                    if (n.startsWith(GENERATOR_PACKAGE) && n.endsWith(".class")
                            && n.indexOf('/', GENERATOR_PACKAGE.length()) < 0) {
                        classes.add(n);
                    }
                }
            }
        }
        Collections.sort(classes);
        return classes;
    }

    /** Metadata texts (rationales, notes) may exceed writeUTF's 64 KiB; write them with an int length. */
    private static void writeLongUtf(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongUtf(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}

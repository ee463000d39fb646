package io.osbaseline.drl.pack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.OsFamily;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Finds the baseline packs on the class path and reads them. Each jar that ships packs lists them, one resource
 * folder per line, in {@value #INDEX}; a pack folder holds {@code baseline.yaml} (the description and its rule
 * files) and the rule files.
 */
public final class PackLoader {
    public static final String INDEX = "META-INF/osbaseline/baselines.list";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Header(String id, String title, OsFamily osFamily, String recommendation, String drlPackage,
            List<String> ruleFiles) {
    }

    private PackLoader() {
    }

    /**
     * Every pack on the class path of {@code loader}.
     *
     * @throws IllegalStateException when a pack shipped in a jar is broken: a bug of that jar, named in the message
     */
    public static List<BaselinePack> load(ClassLoader loader) {
        List<BaselinePack> packs = new ArrayList<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                URL index = indexes.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        String folder = line.strip();
                        if (!folder.isEmpty() && !folder.startsWith("#")) {
                            packs.add(loadPack(loader, folder));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline index " + INDEX, e);
        }
        return packs;
    }

    private static BaselinePack loadPack(ClassLoader loader, String folder) throws IOException {
        Header h = read(loader, folder + "/baseline.yaml", new TypeReference<Header>() { });
        List<BaselinePack.RuleFile> files = new ArrayList<>();
        for (String f : h.ruleFiles()) {
            String resource = folder + "/" + f;
            files.add(new BaselinePack.RuleFile(resource, read(loader, resource, new TypeReference<List<RuleSpec>>() { })));
        }
        return new BaselinePack(new Baseline(h.id(), h.title(), h.osFamily(), h.recommendation()), h.drlPackage(), files);
    }

    private static <T> T read(ClassLoader loader, String resource, TypeReference<T> type) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("baseline pack resource missing: " + resource);
            }
            return YAML.readValue(in, type);
        } catch (JsonMappingException e) {
            throw new IllegalStateException("broken baseline pack file " + resource + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
        }
    }
}

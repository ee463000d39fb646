package io.osbaseline.bench;

import io.osbaseline.OsBaselineException;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realistic snapshots the benchmarks run on, captured through the real providers from real roots at the start of
 * a run, so that they always carry what today's collectors read:
 *
 * <ul>
 * <li>{@code host}: this machine, live (runtime sysctl values, mounts, services);</li>
 * <li>{@code debian12}: the offline root in {@code /tmp/bookworm} (a debootstrap Debian 12), when it exists;</li>
 * <li>{@code rhel9}: a RHEL 9-like offline root written by {@link RhelLikeRoot};</li>
 * <li>more offline roots named in the system property {@value #ROOTS} as {@code name=DIR,name=DIR};</li>
 * <li>{@code windows2022}: a Windows Server 2022 member server, the collector bundle written by
 *     {@link WindowsLikeExport} read by the {@code windows-export} provider;</li>
 * <li>{@code windows-NAME}: the Windows exports the {@code windows-export} provider finds in the directories in
 *     {@value #WINDOWS} (default: {@code /work/shared/testdata/windows}, GPO backups and loose tool exports when it
 *     exists), one per GPO backup or folder of exports, NAME being its name in lower case with dashes.</li>
 * </ul>
 */
public final class Corpus {
    public static final String ROOTS = "osbaseline.bench.roots";
    public static final String WINDOWS = "osbaseline.bench.windows";
    private static final Path BOOKWORM = Path.of("/tmp/bookworm");
    private static final Path WINDOWS_TESTDATA = Path.of("/work/shared/testdata/windows");
    private static final Logger LOG = LoggerFactory.getLogger(Corpus.class);

    private final Map<String, ConfigurationSnapshot> snapshots;

    private Corpus(Map<String, ConfigurationSnapshot> snapshots) {
        this.snapshots = snapshots;
    }

    /** Captures every available snapshot. */
    public static Corpus capture() {
        Map<String, ConfigurationSnapshot> out = new LinkedHashMap<>();
        try {
            out.put("host", collectOne("local", Map.of("name", "bench-host")));
            if (Files.isDirectory(BOOKWORM.resolve("etc"))) {
                out.put("debian12", collectOne("local", Map.of("root", BOOKWORM.toString(), "name", "debian12")));
            }
            Path rhel = Files.createTempDirectory("osbaseline-rhel9-");
            try {
                RhelLikeRoot.write(rhel);
                out.put("rhel9", collectOne("local", Map.of("root", rhel.toString(), "name", "rhel9")));
            } finally {
                deleteTree(rhel);
            }
            for (String entry : System.getProperty(ROOTS, "").split(",")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    String name = entry.substring(0, eq).strip();
                    out.put(name, collectOne("local", Map.of("root", entry.substring(eq + 1).strip(), "name", name)));
                }
            }
            Path windows = Files.createTempDirectory("osbaseline-windows2022-");
            try {
                ConfigurationSnapshot s = collectOne("windows-export",
                        Map.of("path", WindowsLikeExport.write(windows).toString()));
                // The provider names a bundle by its path, here a temporary one: give it a stable id.
                Machine m = s.machine();
                out.put("windows2022", new ConfigurationSnapshot(new Machine("windows2022", m.name(), m.osFamily(),
                        m.osName(), m.osVersion(), m.cloud(), m.region(), m.resourceId(), m.tags()),
                        s.collectedAt(), s.facts(), s.coverage()));
            } finally {
                deleteTree(windows);
            }
            out.putAll(windows());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the RHEL-like root or the Windows bundle", e);
        } catch (OsBaselineException e) {
            throw new IllegalStateException("cannot capture the benchmark snapshots: " + e.getMessage(), e);
        }
        return new Corpus(out);
    }

    /** The snapshots, by name. */
    public Map<String, ConfigurationSnapshot> snapshots() {
        return snapshots;
    }

    /** The snapshots of machines of one OS family, in capture order. */
    public List<ConfigurationSnapshot> of(OsFamily family) {
        return snapshots.values().stream().filter(s -> s.machine().osFamily() == family).toList();
    }

    /** The named snapshot. */
    public ConfigurationSnapshot get(String name) {
        ConfigurationSnapshot s = snapshots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no snapshot '" + name + "'; captured: " + snapshots.keySet());
        }
        return s;
    }

    private static ConfigurationSnapshot collectOne(String provider, Map<String, String> options)
            throws OsBaselineException {
        try (Provider p = Providers.create(provider, options)) {
            Machine m = p.machines().findFirst().orElseThrow(() -> new IllegalStateException(
                    "provider " + provider + " " + options + " lists no machine"));
            return p.collect(m);
        }
    }

    private static Map<String, ConfigurationSnapshot> windows() {
        Map<String, ConfigurationSnapshot> out = new LinkedHashMap<>();
        String configured = System.getProperty(WINDOWS);
        List<Path> dirs = new ArrayList<>();
        if (configured != null) {
            for (String d : configured.split(",")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d.strip()));
                }
            }
        } else if (Files.isDirectory(WINDOWS_TESTDATA)) {
            dirs.add(WINDOWS_TESTDATA);
        }
        for (Path dir : dirs) {
            try (Provider p = Providers.create("windows-export", Map.of("path", dir.toString()))) {
                for (Machine m : p.machines().toList()) {
                    try {
                        out.put("windows-" + m.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                                .replaceAll("^-|-$", ""), p.collect(m));
                    } catch (OsBaselineException e) {
                        LOG.warn("cannot capture {}: {}", m.name(), e.getMessage());
                    }
                }
            } catch (OsBaselineException e) {
                LOG.warn("cannot read the Windows exports in {}: {}", dir, e.getMessage());
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

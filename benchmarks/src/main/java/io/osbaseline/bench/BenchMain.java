package io.osbaseline.bench;

import io.osbaseline.bench.reference.ReferenceEngineFactory;
import io.osbaseline.drl.DroolsEngineFactory;
import io.osbaseline.engine.EngineException;
import io.osbaseline.model.Baseline;
import io.osbaseline.model.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entry point of {@code benchmarks.jar}: JMH's own command line, with the parameters that depend on what is
 * present filled in unless given with {@code -p}: {@code snapshot} (the snapshots {@link Corpus} captures),
 * {@code family} (their OS families), {@code baselines} (each built-in baseline, and {@code all}) and {@code engine}
 * ({@code drools-covered} only when the reference does not cover every rule).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("-h") && !all.contains("-l") && !all.contains("-lp")) {
            addDefaults(all);
        }
        org.openjdk.jmh.Main.main(all.toArray(String[]::new));
    }

    private static void addDefaults(List<String> args) throws EngineException {
        Set<String> given = new LinkedHashSet<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-p")) {
                given.add(args.get(i + 1).substring(0, Math.max(0, args.get(i + 1).indexOf('='))));
            }
        }
        Corpus corpus = Corpus.capture();
        param(args, given, "snapshot", corpus.snapshots().keySet());
        Set<String> families = new LinkedHashSet<>();
        for (OsFamily f : OsFamily.values()) {
            if (!corpus.of(f).isEmpty()) {
                families.add(f.name());
            }
        }
        param(args, given, "family", families);
        Set<String> baselines = new LinkedHashSet<>();
        new DroolsEngineFactory().builtInBaselines().stream().map(Baseline::id).forEach(baselines::add);
        if (baselines.size() > 1) {
            baselines.add("all");
        }
        param(args, given, "baselines", baselines);
        boolean fullyCovered = ReferenceEngineFactory.uncovered(List.of()).isEmpty();
        param(args, given, "engine", fullyCovered ? List.of("drools", "reference")
                : List.of("drools", "drools-covered", "reference"));
    }

    private static void param(List<String> args, Set<String> given, String name, Iterable<String> values) {
        if (!given.contains(name)) {
            args.add("-p");
            args.add(name + "=" + String.join(",", values));
        }
    }
}

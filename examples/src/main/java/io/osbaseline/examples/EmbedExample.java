package io.osbaseline.examples;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.model.FailedCheck;
import io.osbaseline.model.Recommendation;
import io.osbaseline.model.Report;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.Providers;
import io.osbaseline.scan.FleetScan;
import java.util.Map;

/**
 * Embeds the engine in a program: build it once, snapshot this host (or an offline root given as the first argument)
 * and print the failed checks of each recommendation.
 */
public final class EmbedExample {
    private EmbedExample() {
    }

    public static void main(String[] args) throws Exception {
        Report report = scan(args.length > 0 ? Map.of("root", args[0]) : Map.of());
        for (Recommendation r : report.recommendations()) {
            System.out.println(r.title() + ": " + r.unhealthy().size() + " unhealthy, " + r.healthy().size()
                    + " healthy");
            for (FailedCheck c : r.failedChecks()) {
                System.out.println("  " + c.rule().severity().displayName() + " " + c.rule().id() + " "
                        + c.rule().title() + " (expected " + c.rule().expected() + ", found "
                        + c.machines().get(0).actual() + ")");
            }
        }
    }

    /** Scans with the {@code local} provider and the Azure Linux baseline. */
    public static Report scan(Map<String, String> localOptions) throws Exception {
        BaselineEngine engine = BaselineEngine.builder().baselines("azure-linux").build();
        try (Provider local = Providers.create("local", localOptions)) {
            return FleetScan.of(local, engine).report();
        }
    }
}

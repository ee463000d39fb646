package io.osbaseline.cli;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.json.Json;
import io.osbaseline.model.Assessment;
import io.osbaseline.model.AssessmentStatus;
import io.osbaseline.model.Report;
import io.osbaseline.model.Severity;
import io.osbaseline.model.Status;
import io.osbaseline.provider.Provider;
import io.osbaseline.report.HtmlRenderer;
import io.osbaseline.report.OcsfRenderer;
import io.osbaseline.report.SarifRenderer;
import io.osbaseline.report.TableRenderer;
import io.osbaseline.scan.FleetScan;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", description = "Collect and assess: this host by default, or the machines of --provider.")
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions provider = new ProviderOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "informational",
            description = "Exit with 1 when a check of this severity or a more severe one fails: critical, "
                    + "important, warning, informational (default: any failed check), or none.")
    String failOn;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Machines collected and assessed at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--all", description = "In the table, list passing checks too.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        Severity threshold = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
        BaselineEngine built = engine.build();
        Report report;
        try (Provider p = provider.create()) {
            report = FleetScan.of(p, built).parallelism(parallel).report();
        }
        PrintWriter out = spec.commandLine().getOut();
        output.write(out, switch (output.format) {
            case TABLE -> new TableRenderer(all).render(report);
            case JSON -> Json.write(report);
            case SARIF -> new SarifRenderer(Main.version()).render(report, built.rules());
            case OCSF -> new OcsfRenderer(Main.version()).render(report, built.baselines());
            case HTML -> new HtmlRenderer().render(report);
        });
        PrintWriter err = spec.commandLine().getErr();
        boolean errors = false;
        for (Assessment a : report.assessments()) {
            if (a.status() == AssessmentStatus.ERROR) {
                err.println("osbaseline: could not assess " + a.machine().name() + ": " + a.reason());
                errors = true;
            }
        }
        boolean failed = threshold != null && report.assessments().stream().flatMap(a -> a.findings().stream())
                .anyMatch(f -> f.status() == Status.FAIL && f.severity().atLeast(threshold));
        if (failed) {
            return Main.FAILED_CHECKS;
        }
        return errors ? Main.INPUT_ERROR : Main.OK;
    }
}

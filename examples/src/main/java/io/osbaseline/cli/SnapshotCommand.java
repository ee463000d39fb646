package io.osbaseline.cli;

import io.osbaseline.json.Json;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.annotation.CheckForNull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "snapshot", description = "Collect only, and write each machine's snapshot as JSON.")
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions provider = new ProviderOptions();

    @Option(names = "--output", paramLabel = "PATH",
            description = "A file for one machine, or a directory that receives MACHINE.json per machine "
                    + "(default: standard output, one machine).")
    @CheckForNull
    String output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // A String, not a Path: a Path would drop the trailing slash that asks for a directory.
        Path target = output == null ? null : Path.of(output);
        boolean toDirectory = target != null && (Files.isDirectory(target) || output.endsWith("/"));
        int written = 0;
        int failed = 0;
        try (Provider p = provider.create(); Stream<Machine> machines = p.machines()) {
            for (Iterator<Machine> it = machines.iterator(); it.hasNext(); ) {
                Machine m = it.next();
                ConfigurationSnapshot s;
                try {
                    s = p.collect(m);
                } catch (SnapshotException e) {
                    err.println("osbaseline: could not collect " + m.name() + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                if (written == 1 && !toDirectory) {
                    throw new IllegalArgumentException("the provider lists several machines; give --output DIR/ to "
                            + "write one file per machine");
                }
                write(s, target, toDirectory, out);
                written++;
            }
        }
        return failed > 0 ? Main.INPUT_ERROR : Main.OK;
    }

    private static void write(ConfigurationSnapshot s, @CheckForNull Path output, boolean toDirectory, PrintWriter out)
            throws IOException {
        String json = Json.write(s) + "\n";
        if (output == null) {
            out.print(json);
            out.flush();
            return;
        }
        Path file = toDirectory ? output.resolve(s.machine().id().replaceAll("[^A-Za-z0-9._-]", "_") + ".json") : output;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}

package io.osbaseline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.CheckForNull;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}. */
final class OutputOptions {
    enum Format { TABLE, JSON, SARIF, OCSF, HTML }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    @CheckForNull
    Path output;

    /** For the listings, which only have a table and a JSON form. */
    void requireTableOrJson() {
        if (format != Format.TABLE && format != Format.JSON) {
            throw new IllegalArgumentException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " is for scan reports; listings are table or json");
        }
    }

    /** Writes {@code text} to the output file, or to {@code out}. */
    void write(PrintWriter out, String text) throws IOException {
        if (output == null) {
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
            out.flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        }
    }
}

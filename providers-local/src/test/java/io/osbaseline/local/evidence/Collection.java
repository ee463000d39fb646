package io.osbaseline.local.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * One run of the collector script with {@code sh} or {@code bash}, over a test root (or, with a null root, over this
 * host), as a cloud provider runs it on a machine.
 *
 * @param exitCode the script's exit code
 * @param stdout what it wrote to stdout: the base64 text
 * @param stderr what it wrote to stderr
 * @param workDir the TMPDIR it was given (it must leave nothing there)
 */
record Collection(int exitCode, String stdout, String stderr, Path workDir) {

    static Collection run(String shell, @Nullable Path root, @Nullable Path commands, Path tmp) {
        try {
            Path dir = Files.createTempDirectory(tmp, "run-");
            Path script = dir.resolve("collect-linux.sh");
            Files.writeString(script, LinuxEvidence.collectorScript());
            Path work = Files.createDirectory(dir.resolve("tmp"));
            ProcessBuilder pb = new ProcessBuilder(shell, script.toString())
                    .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = pb.environment();
            env.remove("OSBASELINE_ROOT");
            env.remove("OSBASELINE_COMMANDS");
            if (root != null) {
                env.put("OSBASELINE_ROOT", root.toString());
            }
            if (commands != null) {
                env.put("OSBASELINE_COMMANDS", commands.toString());
            }
            env.put("TMPDIR", work.toString());
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the collector script did not finish within 2 minutes");
            }
            return new Collection(p.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8), work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The evidence, as a cloud provider has it once it decoded the output; fails when the script failed. */
    byte[] evidence() {
        if (exitCode != 0) {
            throw new AssertionError("the collector script exited with " + exitCode + ": " + stderr);
        }
        return Base64.getMimeDecoder().decode(stdout);
    }
}

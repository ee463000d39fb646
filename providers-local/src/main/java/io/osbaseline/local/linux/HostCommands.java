package io.osbaseline.local.linux;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.annotation.CheckForNull;

/** The commands of the host the SDK runs on ({@code rpm}, {@code systemctl}), found on a search path. */
final class HostCommands {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private final List<Path> searchPath;

    HostCommands(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    /** The commands on this process's {@code PATH}. */
    static HostCommands fromEnvironment() {
        String path = System.getenv("PATH");
        return new HostCommands(path == null ? List.of()
                : Arrays.stream(path.split(":")).filter(s -> !s.isEmpty()).map(Path::of).toList());
    }

    /** The executable named {@code name} on the search path, or null. */
    @CheckForNull
    Path find(String name) {
        for (Path dir : searchPath) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs a command to completion (at most two minutes).
     *
     * @throws IOException when it cannot start, or times out
     */
    Result run(List<String> command) throws IOException {
        Path out = Files.createTempFile("osbaseline-", ".out");
        Path err = Files.createTempFile("osbaseline-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("'" + String.join(" ", command) + "' did not finish within " + TIMEOUT);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while running " + command.get(0));
            }
            return new Result(p.exitValue(), decode(out).lines().toList(), decode(err).strip());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String decode(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * How a command ended.
     *
     * @param exitCode its exit code
     * @param stdout its output lines
     * @param stderr its error output, stripped
     */
    record Result(int exitCode, List<String> stdout, String stderr) {
        /** The first line of the error output, or the exit code when there is none. */
        String problem() {
            return stderr.isEmpty() ? "exit code " + exitCode : stderr.lines().findFirst().orElse(stderr);
        }
    }
}

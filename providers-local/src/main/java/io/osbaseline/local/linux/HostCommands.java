package io.osbaseline.local.linux;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * The commands that collectors run ({@code rpm}, {@code systemctl}): either the host's own, found on a search path
 * and run as processes, or commands that a collector script ran earlier on another machine, replayed from their
 * recorded output (see {@link #replaying}).
 */
public final class HostCommands {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private final List<Path> searchPath;
    @Nullable
    private final Map<String, Optional<Path>> programs;
    private final Map<List<String>, Recorded> recorded;

    HostCommands(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
        this.programs = null;
        this.recorded = Map.of();
    }

    private HostCommands(Map<String, Optional<Path>> programs, List<Recorded> runs) {
        this.searchPath = List.of();
        this.programs = Map.copyOf(programs);
        Map<List<String>, Recorded> byKey = new HashMap<>();
        for (Recorded r : runs) {
            if (byKey.putIfAbsent(key(r.command()), r) != null) {
                throw new IllegalArgumentException("two recordings of " + String.join(" ", key(r.command())));
            }
        }
        this.recorded = Map.copyOf(byKey);
    }

    /** The commands on this process's {@code PATH}. */
    static HostCommands fromEnvironment() {
        String path = System.getenv("PATH");
        return new HostCommands(path == null ? List.of()
                : Arrays.stream(path.split(":")).filter(s -> !s.isEmpty()).map(Path::of).toList());
    }

    /**
     * Commands that ran elsewhere: nothing is executed here. A command is answered from the recording whose program
     * has the same base name and whose arguments are equal; a command that was not recorded fails with an
     * {@link IOException} that says so.
     *
     * @param programs for each program the script looked for, where the machine had it, or empty when it had none.
     *     A program the script did not look for is reported as present, so that running it fails as not recorded
     *     rather than passing for a program the machine lacks
     * @param runs the recorded runs
     */
    public static HostCommands replaying(Map<String, Optional<Path>> programs, List<Recorded> runs) {
        return new HostCommands(programs, runs);
    }

    /** The executable named {@code name}, or null when there is none. */
    @CheckForNull
    Path find(String name) {
        if (programs != null) {
            Optional<Path> location = programs.get(name);
            return location == null ? Path.of(name) : location.orElse(null);
        }
        for (Path dir : searchPath) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs a command to completion (at most two minutes), or answers it from its recording.
     *
     * @throws IOException when it cannot start, times out, or was not recorded
     */
    Result run(List<String> command) throws IOException {
        if (programs != null) {
            Recorded r = recorded.get(key(command));
            if (r == null) {
                throw new IOException("'" + String.join(" ", key(command)) + "' was not recorded on the machine");
            }
            return Result.of(r.exitCode(), r.stdout(), r.stderr());
        }
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
            return Result.of(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The program's base name and the arguments: what identifies a command wherever its program lives. */
    private static List<String> key(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        List<String> key = new ArrayList<>(command);
        String program = command.get(0);
        key.set(0, program.substring(program.lastIndexOf('/') + 1));
        return List.copyOf(key);
    }

    /**
     * A command that ran on a machine, and how it ended.
     *
     * @param command the program as it was run (a path or a name) and its arguments
     * @param exitCode its exit code
     * @param stdout its output
     * @param stderr its error output
     */
    public record Recorded(List<String> command, int exitCode, byte[] stdout, byte[] stderr) {
        public Recorded {
            command = List.copyOf(command);
            stdout = stdout.clone();
            stderr = stderr.clone();
        }
    }

    private static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * How a command ended.
     *
     * @param exitCode its exit code
     * @param stdout its output lines
     * @param stderr its error output, stripped
     */
    record Result(int exitCode, List<String> stdout, String stderr) {
        static Result of(int exitCode, byte[] stdout, byte[] stderr) {
            return new Result(exitCode, decode(stdout).lines().toList(), decode(stderr).strip());
        }

        /** The first line of the error output, or the exit code when there is none. */
        String problem() {
            return stderr.isEmpty() ? "exit code " + exitCode : stderr.lines().findFirst().orElse(stderr);
        }
    }
}

package io.osbaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osbaseline.provider.SnapshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport's shell commands run by a real {@code sh} on this machine, whose output is cut at SSM's 24,000
 * characters as the service cuts it.
 */
class ChunkedTransportTest {
    @TempDir
    Path tmp;

    /** Runs commands with sh in a temporary directory of the test; counts them. */
    private class LocalShell implements ChunkedTransport.Shell {
        final List<List<String>> sent = new ArrayList<>();
        final List<List<String>> detached = new ArrayList<>();
        UnaryOperator<String> tamper = UnaryOperator.identity();

        @Override
        public String run(List<String> commands) throws SnapshotException {
            sent.add(commands);
            try {
                Path script = Files.createTempFile(tmp, "_script", ".sh");
                Files.writeString(script, String.join("\n", commands));
                Path out = Files.createTempFile(tmp, "_out", "");
                Path err = Files.createTempFile(tmp, "_err", "");
                ProcessBuilder pb = new ProcessBuilder("sh", script.toString());
                pb.environment().put("TMPDIR", tmp.toString());
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new SnapshotException("timed out");
                }
                String stdout = tamper.apply(Files.readString(out));
                if (p.exitValue() != 0) {
                    throw new SnapshotException("exit " + p.exitValue() + ": " + Files.readString(err));
                }
                int limit = ChunkedTransport.SSM_OUTPUT_LIMIT;
                return stdout.length() > limit ? stdout.substring(0, limit) : stdout;
            } catch (IOException e) {
                throw new SnapshotException(e.toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapshotException("interrupted", e);
            }
        }

        @Override
        public void runDetached(List<String> commands) {
            detached.add(commands);
            try {
                run(commands);
            } catch (SnapshotException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The transport with the POSIX commands. */
    private static ChunkedTransport sh(int chunkSize) {
        return new ChunkedTransport(PosixScripts.INSTANCE, chunkSize);
    }

    private Path payload(int bytes, long seed) throws IOException {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        Path file = tmp.resolve("payload-" + bytes + ".bin");
        Files.write(file, data);
        return file;
    }

    /** A collector that prints the base64 of a file, wrapped at 76 characters as base64(1) does. */
    private static String printBase64(Path file) {
        return "#!/bin/sh\nset -e\nbase64 '" + file + "'\n";
    }

    private List<Path> leftovers() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("osbaseline.")).toList();
        }
    }

    @Test
    void sixtyKilobytesArriveByteIdenticalInChunks() throws Exception {
        Path file = payload(60 * 1024, 1);
        LocalShell shell = new LocalShell();
        byte[] received = sh(ChunkedTransport.DEFAULT_CHUNK_SIZE).fetch(printBase64(file), shell);

        assertThat(received).isEqualTo(Files.readAllBytes(file));
        // 61,440 bytes are 81,920 characters of base64: five commands of at most 20,000
        assertThat(shell.sent).hasSize(5);
        assertThat(shell.detached).isEmpty();
        assertThat(leftovers()).as("the last chunk removes the evidence").isEmpty();
    }

    @Test
    void smallEvidenceTakesOneCommandAndLeavesNothing() throws Exception {
        Path file = payload(1000, 2);
        LocalShell shell = new LocalShell();
        assertThat(sh(ChunkedTransport.DEFAULT_CHUNK_SIZE).fetch(printBase64(file), shell))
                .isEqualTo(Files.readAllBytes(file));
        assertThat(shell.sent).hasSize(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void evidenceOfExactlyOneChunkAndEmptyEvidence() throws Exception {
        Path exact = payload(15_000, 3); // 20,000 characters of base64
        LocalShell shell = new LocalShell();
        assertThat(sh(20_000).fetch(printBase64(exact), shell))
                .isEqualTo(Files.readAllBytes(exact));
        assertThat(shell.sent).hasSize(1);

        Path empty = tmp.resolve("empty");
        Files.write(empty, new byte[0]);
        assertThat(sh(20_000).fetch(printBase64(empty), new LocalShell())).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aChunkLargerThanSsmKeepsIsCaughtAsCut() throws Exception {
        Path file = payload(60 * 1024, 4);
        LocalShell shell = new LocalShell();
        assertThatThrownBy(() -> sh(30_000).fetch(printBase64(file), shell))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("chunk 1 of 3 of the evidence arrived cut: 23")
                .hasMessageContaining("of 30000 characters, no end line")
                .hasMessageContaining("SSM keeps the first 24000");
        assertThat(shell.detached).as("the evidence left on the machine is removed").hasSize(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDamagedCharacterIsCaughtBySha256() throws Exception {
        Path file = payload(30_000, 5);
        LocalShell shell = new LocalShell();
        // change one base64 character of the second chunk, keeping its length
        shell.tamper = out -> out.startsWith(ChunkedTransport.CHUNK + " 1\n")
                ? out.substring(0, 30) + (out.charAt(30) == 'A' ? 'B' : 'A') + out.substring(31) : out;
        assertThatThrownBy(() -> sh(20_000).fetch(printBase64(file), shell))
                .isInstanceOf(SnapshotException.class)
                .hasMessageMatching("the evidence arrived damaged: its SHA-256 is [0-9a-f]{64}, the machine announced"
                        + " [0-9a-f]{64}");
        assertThat(shell.sent).hasSize(2);
    }

    @Test
    void aFailingCollectorReportsItsStatusAndStandardError() throws Exception {
        LocalShell shell = new LocalShell();
        assertThatThrownBy(() -> sh(20_000).fetch("echo 'cannot read /etc/shadow' >&2\nexit 3\n",
                shell))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("exit 3")
                .hasMessageContaining("cannot read /etc/shadow")
                .hasMessageContaining("osbaseline: the collector exited with status 3");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void outputThatIsNotBase64IsReportedWithItsStart() throws Exception {
        LocalShell shell = new LocalShell();
        assertThatThrownBy(() -> sh(20_000).fetch("echo 'Welcome to the machine!'\n", shell))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("not base64")
                .hasMessageContaining("it starts with 'Welcome to the machine!'");
    }

    @Test
    void evidenceRemovedBetweenCommandsIsReported() throws Exception {
        Path file = payload(30_000, 6);
        LocalShell shell = new LocalShell() {
            @Override
            public String run(List<String> commands) throws SnapshotException {
                if (!sent.isEmpty()) {
                    try {
                        for (Path p : leftovers()) {
                            Files.deleteIfExists(p.resolve("evidence"));
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
                return super.run(commands);
            }
        };
        assertThatThrownBy(() -> sh(20_000).fetch(printBase64(file), shell))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("exit 66")
                .hasMessageContaining("is gone (removed or the machine restarted since the collector ran)");
    }

    @Test
    void aScriptContainingHereDocumentsAndQuotesRunsUnchanged() throws Exception {
        String script = "cat <<'EOF' | base64\nit's \"quoted\" $HOME `date`\nEOF\n";
        byte[] received = sh(20_000).fetch(script, new LocalShell());
        assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo("it's \"quoted\" $HOME `date`\n");
    }

    @Test
    void headersAreCheckedBeforeAnyChunkIsAskedFor() throws Exception {
        ChunkedTransport transport = sh(20_000);
        String sum = "0".repeat(64);
        assertThatThrownBy(() -> transport.parseHeader("Last login: Mon\n"))
                .hasMessage("the command printed no evidence header; its output starts with 'Last login: Mon'");
        assertThatThrownBy(() -> transport.parseHeader("OSBASELINE-EVIDENCE 1 10 abc 20000 /tmp/osbaseline.a\n"))
                .hasMessageStartingWith("malformed evidence header");
        assertThatThrownBy(() -> transport.parseHeader("OSBASELINE-EVIDENCE 1 10 " + sum
                + " 20000 /tmp/x'; rm -rf /; '/osbaseline.a\n"))
                .hasMessage("the evidence header names '/tmp/x'; rm -rf /; '/osbaseline.a', not a directory that"
                        + " osbaseline's commands make");
        assertThatThrownBy(() -> transport.parseHeader("OSBASELINE-EVIDENCE 2 10 " + sum
                + " 20000 /tmp/osbaseline.a\n")).hasMessage("evidence header of version 2; this osbaseline reads"
                + " version 1");
        assertThatThrownBy(() -> transport.parseHeader("OSBASELINE-EVIDENCE 1 2000001 " + sum
                + " 20000 /tmp/osbaseline.a\n")).hasMessage("the evidence is 2000001 characters of base64, more than"
                + " the 2000000 this transport carries in 100 commands");
        assertThat(transport.parseHeader("OSBASELINE-EVIDENCE 1 45000 " + sum + " 20000 /var/tmp/osbaseline.Ab3\n"))
                .isEqualTo(new ChunkedTransport.Header("/var/tmp/osbaseline.Ab3", 45000, sum, 20000));
    }

    @Test
    void powerShellHeadersNameWindowsDirectoriesAndEndLinesWithCrLf() throws Exception {
        ChunkedTransport transport = new ChunkedTransport(PowerShellScripts.INSTANCE, 20_000);
        String sum = "ab".repeat(32);
        assertThat(transport.parseHeader("OSBASELINE-EVIDENCE 1 45000 " + sum
                + " 20000 C:\\Windows\\TEMP\\osbaseline.0a1b2c3d4e\r\nAAAA"))
                .isEqualTo(new ChunkedTransport.Header("C:\\Windows\\TEMP\\osbaseline.0a1b2c3d4e", 45000, sum,
                        20000));
        assertThat(transport.parseHeader("OSBASELINE-EVIDENCE 1 1 " + sum
                + " 20000 C:\\Users\\Jane Doe\\AppData\\Local\\Temp\\osbaseline.f00\n").dir())
                .isEqualTo("C:\\Users\\Jane Doe\\AppData\\Local\\Temp\\osbaseline.f00");
        assertThatThrownBy(() -> transport.parseHeader("OSBASELINE-EVIDENCE 1 1 " + sum
                + " 20000 C:\\x' ; Remove-Item C:\\ -Recurse ; '\\osbaseline.a\n"))
                .hasMessageContaining("not a directory that osbaseline's commands make");
        assertThatThrownBy(() -> transport.parseHeader("OSBASELINE-EVIDENCE 1 1 " + sum + " 20000 C:\\Windows\n"))
                .hasMessageContaining("not a directory that osbaseline's commands make");
    }

    @Test
    void powerShellCommandsCarryThePackedCollectorAndPrintTheSameFraming() {
        String collector = "Write-Output 'evidence'";
        List<String> collect = PowerShellScripts.INSTANCE.collect(ChunkedTransport.packed(collector), 20_000);
        int start = collect.indexOf("$packed = @'");
        int end = collect.indexOf("'@");
        assertThat(start).isPositive();
        assertThat(collect.subList(start + 1, end)).isEqualTo(ChunkedTransport.packed(collector));
        assertThat(String.join("\n", collect))
                .contains("[Console]::Out.Write(\"OSBASELINE-EVIDENCE 1 $($evidence.Length) $sum 20000 $dir`n\")")
                .contains("[Console]::Out.Write(\"`nOSBASELINE-END 0`n\")")
                .contains("-RedirectStandardOutput $out -RedirectStandardError $err");
        assertThat(String.join("\n", PowerShellScripts.INSTANCE.chunk("C:\\Windows\\TEMP\\osbaseline.a", 2, 20_000,
                true)))
                .contains("$file = Join-Path 'C:\\Windows\\TEMP\\osbaseline.a' 'evidence'")
                .contains("$from = 2 * 20000")
                .contains("Remove-Item -LiteralPath 'C:\\Windows\\TEMP\\osbaseline.a' -Recurse -Force");
    }
}

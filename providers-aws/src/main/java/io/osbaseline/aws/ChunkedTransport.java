package io.osbaseline.aws;

import io.osbaseline.provider.SnapshotException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Carries a collector's evidence from a machine through SSM Run Command, whose answer keeps only the first 24,000
 * characters of a command's output, while evidence is typically tens of kilobytes.
 *
 * <p>The first command unpacks the collector (sent gzip'ed and base64-encoded), runs it, keeps its base64 output
 * (line breaks removed) in a private directory on the machine, and prints a header line with the total length and the
 * SHA-256 of that text, the chunk size and the directory, then its first chunk. Each further command prints one more
 * chunk; the last one removes the directory. Every chunk is framed by an end line with its index, so that a cut answer
 * is seen; the chunks put together must have the announced length and SHA-256, so that a damaged one is seen too. Only
 * then is the text decoded. A transfer that fails half-way removes the directory with one more command, which is not
 * waited for. The commands themselves are the {@link TransportScripts} of the machine's shell.
 *
 * <p>Cost: one command per started {@value #DEFAULT_CHUNK_SIZE} characters of base64, about 15 KB of evidence.
 */
final class ChunkedTransport {
    /** What SSM keeps of a command's standard output. */
    static final int SSM_OUTPUT_LIMIT = 24_000;
    /** Leaves room under the limit for the header and the framing lines. */
    static final int DEFAULT_CHUNK_SIZE = 20_000;
    /** Refuses evidence that would need more commands than a scan should send to one machine (about 2 MB). */
    static final int MAX_CHUNKS = 100;

    static final String HEADER = "OSBASELINE-EVIDENCE";
    static final String CHUNK = "OSBASELINE-CHUNK";
    static final String END = "OSBASELINE-END";
    static final int FORMAT_VERSION = 1;

    private static final Pattern HEADER_LINE = Pattern.compile(
            HEADER + " (\\d+) (\\d{1,12}) ([0-9a-f]{64}) (\\d+) (.+)");

    /** Runs shell commands on one machine. */
    interface Shell {
        /**
         * Runs {@code commands} as one script and returns its standard output.
         *
         * @throws SnapshotException when the script cannot run or does not exit with status 0
         */
        String run(List<String> commands) throws SnapshotException;

        /** Sends {@code commands} without waiting for them; failures are only logged. */
        void runDetached(List<String> commands);
    }

    private final TransportScripts scripts;
    private final int chunkSize;

    ChunkedTransport(TransportScripts scripts, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        this.scripts = scripts;
        this.chunkSize = chunkSize;
    }

    TransportScripts scripts() {
        return scripts;
    }

    /**
     * Runs {@code script} on the machine behind {@code shell} and returns the decoded evidence it printed.
     *
     * @throws SnapshotException when a command fails, or the evidence arrives cut, damaged or not base64
     */
    byte[] fetch(String script, Shell shell) throws SnapshotException {
        String first = shell.run(scripts.collect(packed(script), chunkSize));
        Header header = parseHeader(first);
        int chunks = header.chunks();
        StringBuilder text = new StringBuilder(header.length());
        boolean done = false;
        try {
            text.append(chunkData(first, 0, header, true));
            for (int i = 1; i < chunks; i++) {
                List<String> commands = scripts.chunk(header.dir(), i, header.chunkSize(), i == chunks - 1);
                text.append(chunkData(shell.run(commands), i, header, false));
            }
            done = true;
        } finally {
            if (!done && chunks > 1) {
                shell.runDetached(scripts.remove(header.dir()));
            }
        }
        verify(text, header);
        try {
            return Base64.getDecoder().decode(text.toString());
        } catch (IllegalArgumentException e) {
            throw new SnapshotException("the collector's output is not base64 (" + e.getMessage()
                    + "); it starts with '" + excerpt(text.toString()) + "'");
        }
    }

    /** The header line of the first command's output. */
    Header parseHeader(String stdout) throws SnapshotException {
        String line = firstLine(stdout);
        Matcher m = HEADER_LINE.matcher(line);
        if (!m.matches()) {
            throw new SnapshotException(line.startsWith(HEADER)
                    ? "malformed evidence header '" + excerpt(line) + "'"
                    : "the command printed no evidence header; its output starts with '" + excerpt(stdout) + "'");
        }
        int version = Integer.parseInt(m.group(1));
        String dir = m.group(5).strip();
        if (version != FORMAT_VERSION) {
            throw new SnapshotException("evidence header of version " + version + "; this osbaseline reads version "
                    + FORMAT_VERSION);
        }
        long length = Long.parseLong(m.group(2));
        int size = Integer.parseInt(m.group(4));
        if (!scripts.isWorkDirectory(dir)) {
            throw new SnapshotException("the evidence header names '" + excerpt(dir) + "', not a directory that"
                    + " osbaseline's commands make");
        }
        if (size != chunkSize) {
            throw new SnapshotException("the evidence header announces chunks of " + size + " characters, " + chunkSize
                    + " were asked for");
        }
        long chunks = length == 0 ? 1 : (length + size - 1) / size;
        if (chunks > MAX_CHUNKS) {
            throw new SnapshotException("the evidence is " + length + " characters of base64, more than the "
                    + (long) MAX_CHUNKS * size + " this transport carries in " + MAX_CHUNKS + " commands");
        }
        return new Header(dir, (int) length, m.group(3), size);
    }

    /** The data of chunk {@code index}: the line after the header (first command) or after the chunk line. */
    private static String chunkData(String stdout, int index, Header header, boolean afterHeader)
            throws SnapshotException {
        List<String> lines = stdout.lines().toList();
        if (!afterHeader) {
            String expected = CHUNK + " " + index;
            if (lines.isEmpty() || !lines.get(0).equals(expected)) {
                throw new SnapshotException("chunk " + (index + 1) + " of " + header.chunks() + " of the evidence has"
                        + " no '" + expected + "' line; the output starts with '" + excerpt(stdout) + "'");
            }
        }
        int expectedLength = Math.min(header.chunkSize(), header.length() - index * header.chunkSize());
        String data = lines.size() > 1 ? lines.get(1) : "";
        boolean framed = lines.size() > 2 && lines.get(2).equals(END + " " + index);
        if (!framed || data.length() != expectedLength) {
            throw new SnapshotException("chunk " + (index + 1) + " of " + header.chunks() + " of the evidence arrived"
                    + " cut: " + data.length() + " of " + expectedLength + " characters"
                    + (framed ? "" : ", no end line")
                    + " (the command's output was " + stdout.length() + " characters; SSM keeps the first "
                    + SSM_OUTPUT_LIMIT + ")");
        }
        return data;
    }

    private static void verify(CharSequence text, Header header) throws SnapshotException {
        if (text.length() != header.length()) {
            throw new SnapshotException("the evidence arrived with " + text.length() + " characters, "
                    + header.length() + " were announced");
        }
        String sum = sha256(text.toString());
        if (!sum.equals(header.sha256())) {
            throw new SnapshotException("the evidence arrived damaged: its SHA-256 is " + sum + ", the machine"
                    + " announced " + header.sha256());
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The script gzip'ed and base64-encoded, in lines of 76 characters. */
    static List<String> packed(String script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        String text = Base64.getEncoder().encodeToString(bytes.toByteArray());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 76) {
            lines.add(text.substring(i, Math.min(text.length(), i + 76)));
        }
        return lines;
    }

    /** The first line, without its line break (LF, or CRLF as Windows writes). */
    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }

    /**
     * The first line of the collect command's output.
     *
     * @param dir the directory on the machine that holds the evidence
     * @param length characters of base64
     * @param sha256 of the base64 text, lower-case hex
     * @param chunkSize characters per chunk
     */
    record Header(String dir, int length, String sha256, int chunkSize) {
        int chunks() {
            return length == 0 ? 1 : (length + chunkSize - 1) / chunkSize;
        }
    }
}

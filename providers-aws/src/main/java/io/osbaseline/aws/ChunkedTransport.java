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
 * Carries a collector's evidence from a Linux machine through SSM Run Command, whose answer keeps only the first
 * 24,000 characters of a command's output, while evidence is typically tens of kilobytes.
 *
 * <p>The first command unpacks the collector (sent gzip'ed and base64-encoded), runs it, keeps its base64 output
 * (line breaks removed) in a private directory made by {@code mktemp -d} under {@code $TMPDIR} or {@code /var/tmp},
 * and prints a header line with the directory, the total length and the SHA-256 of that text, then its first chunk.
 * Each further command prints one more chunk ({@code dd} with the chunk size as block size); the last one removes the
 * directory. Every chunk is framed by an end
 * line with its index, so that a cut answer is seen; the chunks put together must have the announced length and
 * SHA-256, so that a damaged one is seen too. Only then is the text decoded. A transfer that fails half-way removes the
 * directory with one more command, which is not waited for; a collect command also removes directories that earlier,
 * interrupted runs left for more than a day.
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
            HEADER + " (\\d+) (/[A-Za-z0-9._/-]*/osbaseline\\.[A-Za-z0-9]+) (\\d{1,12}) ([0-9a-f]{64}) (\\d+)");
    /** Ends the here-document of the packed script; no base64 line can equal it (base64 has no '_'). */
    private static final String SCRIPT_END = "OSBASELINE_COLLECTOR_END";

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

    private final int chunkSize;

    ChunkedTransport(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /**
     * Runs {@code script} on the machine behind {@code shell} and returns the decoded evidence it printed.
     *
     * @throws SnapshotException when a command fails, or the evidence arrives cut, damaged or not base64
     */
    byte[] fetch(String script, Shell shell) throws SnapshotException {
        String first = shell.run(collectCommands(script));
        Header header = parseHeader(first);
        int chunks = header.chunks();
        StringBuilder text = new StringBuilder(header.length());
        boolean done = false;
        try {
            text.append(chunkData(first, 0, header, true));
            for (int i = 1; i < chunks; i++) {
                text.append(chunkData(shell.run(chunkCommands(header, i, i == chunks - 1)), i, header, false));
            }
            done = true;
        } finally {
            if (!done && chunks > 1) {
                shell.runDetached(List.of("rm -rf '" + header.dir() + "'"));
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

    /**
     * The first command: unpack the collector, run it, keep its output, print the header and the first chunk. The
     * collector travels gzip'ed and base64-encoded, which makes the request about three times smaller than the
     * script and leaves no quoting to get wrong.
     */
    List<String> collectCommands(String script) {
        List<String> lines = new ArrayList<>();
        lines.add("# osbaseline: run the collector, keep its evidence here, print it in chunks of " + chunkSize);
        lines.add("umask 077");
        lines.add("base=\"${TMPDIR:-/var/tmp}\"");
        lines.add("find \"$base\" -maxdepth 1 -type d -name 'osbaseline.*' -mmin +1440 -exec rm -rf {} + 2>/dev/null");
        lines.add("dir=$(mktemp -d \"$base/osbaseline.XXXXXXXXXX\") || { echo \"osbaseline: cannot create a directory"
                + " in $base\" >&2; exit 73; }");
        lines.add("command -v sha256sum >/dev/null 2>&1 || { echo 'osbaseline: sha256sum is missing' >&2;"
                + " rm -rf \"$dir\"; exit 69; }");
        lines.add("# the collector script, gzip'ed and base64-encoded");
        lines.add("base64 -d > \"$dir/collector.gz\" <<'" + SCRIPT_END + "'");
        lines.addAll(packed(script));
        lines.add(SCRIPT_END);
        lines.add("gzip -dc \"$dir/collector.gz\" > \"$dir/collector.sh\" || { echo 'osbaseline: cannot unpack the"
                + " collector' >&2; rm -rf \"$dir\"; exit 65; }");
        lines.add("sh \"$dir/collector.sh\" < /dev/null > \"$dir/out\" 2> \"$dir/err\"");
        lines.add("rc=$?");
        lines.add("if [ \"$rc\" -ne 0 ]; then");
        lines.add("  tail -c 4000 \"$dir/err\" >&2");
        lines.add("  echo \"osbaseline: the collector exited with status $rc\" >&2");
        lines.add("  rm -rf \"$dir\"");
        lines.add("  exit \"$rc\"");
        lines.add("fi");
        lines.add("tr -d '\\r\\n' < \"$dir/out\" > \"$dir/evidence\"");
        lines.add("rm -f \"$dir/out\" \"$dir/err\" \"$dir/collector.sh\" \"$dir/collector.gz\"");
        lines.add("length=$(wc -c < \"$dir/evidence\" | tr -d ' ')");
        lines.add("sum=$(sha256sum \"$dir/evidence\" | cut -d ' ' -f 1)");
        lines.add("printf '" + HEADER + " " + FORMAT_VERSION + " %s %s %s " + chunkSize + "\\n' \"$dir\" \"$length\""
                + " \"$sum\"");
        lines.add("dd if=\"$dir/evidence\" bs=" + chunkSize + " count=1 2>/dev/null");
        lines.add("printf '\\n" + END + " 0\\n'");
        lines.add("if [ \"$length\" -le " + chunkSize + " ]; then rm -rf \"$dir\"; fi");
        lines.add("exit 0");
        return lines;
    }

    /** The command that prints chunk {@code index}; the last one removes the directory. */
    List<String> chunkCommands(Header header, int index, boolean last) {
        String file = "'" + header.dir() + "/evidence'";
        List<String> lines = new ArrayList<>();
        lines.add("# osbaseline: print chunk " + index + " of " + header.chunks() + " of the evidence");
        lines.add("if [ ! -f " + file + " ]; then echo \"osbaseline: \"" + file + "\" is gone (removed or the machine"
                + " restarted since the collector ran)\" >&2; exit 66; fi");
        lines.add("printf '" + CHUNK + " " + index + "\\n'");
        lines.add("dd if=" + file + " bs=" + header.chunkSize() + " skip=" + index + " count=1 2>/dev/null");
        lines.add("printf '\\n" + END + " " + index + "\\n'");
        if (last) {
            lines.add("rm -rf '" + header.dir() + "'");
        }
        return lines;
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
        if (version != FORMAT_VERSION) {
            throw new SnapshotException("evidence header of version " + version + "; this osbaseline reads version "
                    + FORMAT_VERSION);
        }
        long length = Long.parseLong(m.group(3));
        int size = Integer.parseInt(m.group(5));
        if (size != chunkSize) {
            throw new SnapshotException("the evidence header announces chunks of " + size + " characters, " + chunkSize
                    + " were asked for");
        }
        long chunks = length == 0 ? 1 : (length + size - 1) / size;
        if (chunks > MAX_CHUNKS) {
            throw new SnapshotException("the evidence is " + length + " characters of base64, more than the "
                    + (long) MAX_CHUNKS * size + " this transport carries in " + MAX_CHUNKS + " commands");
        }
        return new Header(m.group(2), (int) length, m.group(4), size);
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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
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

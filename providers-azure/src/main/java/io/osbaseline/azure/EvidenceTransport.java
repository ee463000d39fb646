package io.osbaseline.azure;

import io.osbaseline.provider.SnapshotException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets the collector's evidence from a machine intact, past the 4,096 bytes of output a run command keeps. The
 * evidence is the collector's base64 output with whitespace removed; the machine measures its length and SHA-256
 * before it leaves ({@link ShellDialect}), and {@link #verify} checks both on arrival, so that a truncated or altered
 * transfer is an error, never a wrong snapshot.
 */
abstract class EvidenceTransport {
    static final long MAX_EVIDENCE_BYTES = 64L * 1024 * 1024;
    private static final Pattern HEADER = Pattern.compile(
            "OSBASELINE-EVIDENCE v1 rc=(\\d+) bytes=(\\d+) sha256=([0-9a-f]{64}|unavailable)");

    /**
     * Runs the collector on the machine and returns its evidence, verified.
     *
     * @param dialect the language of the machine's shell
     * @param what the machine, as messages name it
     * @throws SnapshotException when the collector fails or the evidence does not arrive intact
     */
    abstract byte[] fetch(RemoteShell shell, ShellDialect dialect, String collectorScript, String what)
            throws SnapshotException;

    /**
     * Finds the header in a run's output and checks the collector's exit code.
     *
     * @throws SnapshotException when there is no header, the collector failed, or the machine cannot hash
     */
    static Header header(String output, String stderr, String what) throws SnapshotException {
        Matcher m = HEADER.matcher(output);
        Header found = null;
        while (m.find()) {
            found = new Header(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), m.group(3));
        }
        if (found == null) {
            throw new SnapshotException("the collector's output on " + what + " has no evidence header"
                    + " (garbage, or the script did not run); output: " + quote(output)
                    + (stderr.isBlank() ? "" : "; stderr: " + quote(stderr)));
        }
        if (found.exitCode != 0) {
            throw new SnapshotException("the collector failed on " + what + " (exit code " + found.exitCode + ")"
                    + (stderr.isBlank() ? "" : ": " + quote(stderr)));
        }
        if (found.sha256.equals("unavailable")) {
            throw new SnapshotException("neither sha256sum nor openssl exists on " + what
                    + ": the evidence cannot be verified in transit, so it is not used");
        }
        if (found.bytes > MAX_EVIDENCE_BYTES) {
            throw new SnapshotException("the evidence of " + what + " has " + found.bytes + " bytes, more than the "
                    + MAX_EVIDENCE_BYTES + " this provider accepts");
        }
        if (found.bytes == 0) {
            throw new SnapshotException("the collector printed no evidence on " + what
                    + (stderr.isBlank() ? "" : ": " + quote(stderr)));
        }
        return found;
    }

    /**
     * Checks what arrived against the header.
     *
     * @throws SnapshotException naming both lengths and hashes when they differ
     */
    static byte[] verify(byte[] received, Header header, String what) throws SnapshotException {
        String sha = sha256(received);
        if (received.length != header.bytes || !sha.equals(header.sha256)) {
            throw new SnapshotException("the evidence of " + what + " did not arrive intact: the machine sent "
                    + header.bytes + " bytes with sha256 " + header.sha256 + ", " + received.length
                    + " bytes with sha256 " + sha + " arrived");
        }
        return received;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String quote(String output) {
        String s = ArmRest.shorten(output);
        return s.isEmpty() ? "(nothing)" : "'" + s + "'";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** What the machine says about the evidence it left. */
    record Header(int exitCode, long bytes, String sha256) {
    }
}

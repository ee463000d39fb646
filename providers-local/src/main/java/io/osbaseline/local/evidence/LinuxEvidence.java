package io.osbaseline.local.evidence;

import io.osbaseline.local.linux.CollectorInputs;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Linux remote evidence: a collector script to run on a machine, and the reader of what it writes.
 *
 * <pre>{@code
 * String script = LinuxEvidence.collectorScript();           // run it as root on the VM, e.g. through Run Command
 * byte[] evidence = Base64.getMimeDecoder().decode(stdout);  // its output, reassembled and decoded
 * ConfigurationSnapshot snapshot = LinuxEvidence.read(machine, evidence);
 * }</pre>
 *
 * <p>The script captures what the {@code local} provider's collectors read, and the snapshot is taken by those very
 * collectors over an in-memory root, exactly as on the live machine: runtime values (/proc) and the output of
 * {@code rpm} and {@code systemctl} included. See the providers-local README for the format.
 */
public final class LinuxEvidence {
    /** The version of the archive layout that the script writes and this reader reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String TEMPLATE = "collect-linux.sh";
    /** The verbs the script implements; see {@link CollectorInputs}. */
    private static final Set<String> VERBS = Set.of("read", "config", "stat", "redact", "dpkg-status", "list", "sshd",
            "sysctl-key", "sysctl-source", "sysctl-runtime", "runtime", "command", "homes", "grub", "netconf", "netdev");

    private static final Script SCRIPT = render();

    private LinuxEvidence() {
    }

    /**
     * The POSIX sh collector to run as root on a Linux machine; writes the evidence (gzip'ed tar), base64-encoded, to
     * stdout. It changes nothing on the machine and cleans up its temporary directory.
     */
    public static String collectorScript() {
        return SCRIPT.text;
    }

    /**
     * The id of this SDK's collector script: a digest of its text, which changes whenever what it captures changes.
     * The evidence records it ({@link EvidenceManifest#script()}) and gaps of things it did not capture name it.
     */
    public static String scriptId() {
        return SCRIPT.id;
    }

    /**
     * Reads the evidence the script produced (the gzip'ed tar bytes, base64 already decoded) into a snapshot of
     * {@code machine}, through the local provider's collectors. Bad evidence throws SnapshotException naming what is
     * wrong.
     */
    public static ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException {
        return parse(evidence).snapshot(machine);
    }

    /** Like {@link #read(Machine, InputStream)}, from bytes. */
    public static ConfigurationSnapshot read(Machine machine, byte[] evidence) throws SnapshotException {
        return read(machine, new ByteArrayInputStream(evidence));
    }

    /**
     * Reads and checks the evidence, for a caller that wants its manifest (host name, time, script) before taking
     * the snapshot.
     *
     * @throws SnapshotException when the evidence is not gzip'ed tar, is truncated or corrupt, is of another format
     *     version, too large, or holds an entry the format does not allow (an absolute name, a {@code ..})
     */
    public static Evidence parse(InputStream evidence) throws SnapshotException {
        return new EvidenceReader("not in the evidence (collector script " + SCRIPT.id + " did not capture it)")
                .read(evidence);
    }

    private record Script(String text, String id) {
    }

    private static Script render() {
        String template;
        try (InputStream in = LinuxEvidence.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the class path");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
        List<CollectorInputs.Input> inputs = CollectorInputs.all();
        for (CollectorInputs.Input i : inputs) {
            if (!VERBS.contains(i.verb())) {
                throw new IllegalStateException("the collector script has no verb '" + i.verb() + "'");
            }
        }
        String plan = inputs.stream().map(i -> i.verb() + " " + String.join(" ", i.args()))
                .collect(Collectors.joining("\n"));
        String text = template.replace("@FORMAT@", String.valueOf(FORMAT_VERSION))
                .replace("@MAX_FILE_BYTES@", String.valueOf(EvidenceReader.MAX_FILE_BYTES)).replace("@PLAN@", plan);
        String id;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            id = HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        text = text.replace("@SCRIPT_ID@", id);
        return new Script(text, id);
    }
}

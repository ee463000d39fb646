package io.osbaseline.local.evidence;

import java.time.Instant;
import javax.annotation.Nullable;

/**
 * What the collector script says about the evidence it wrote ({@code osbaseline/manifest}, the archive's first entry).
 *
 * @param format the evidence format version ({@link LinuxEvidence#FORMAT_VERSION})
 * @param script the id of the collector script that wrote it ({@link LinuxEvidence#scriptId()} of the SDK it came from)
 * @param collectedAt when the script ran, by the machine's clock
 * @param hostname the machine's host name, or null when it has none
 * @param root the root the script read: {@code /} on a machine
 */
public record EvidenceManifest(int format, String script, Instant collectedAt, @Nullable String hostname,
        String root) {
}

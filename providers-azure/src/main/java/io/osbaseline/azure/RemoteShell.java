package io.osbaseline.azure;

import io.osbaseline.provider.SnapshotException;
import java.time.Duration;
import javax.annotation.CheckForNull;

/** Runs a script on one machine through one of Azure's run command APIs and returns what it printed. */
interface RemoteShell {

    /**
     * Runs {@code script} as root and waits for it.
     *
     * @param outputBlobUrl where the service writes the full standard output (a blob URL with a SAS), or null to read
     *     it from the response, where only its last 4,096 bytes are kept
     * @throws SnapshotException when the command cannot be started, fails, or does not finish within {@code timeout}
     */
    Output run(String script, @CheckForNull String outputBlobUrl, Duration timeout) throws SnapshotException;

    /** Whether this shell can write the output to a blob. */
    boolean supportsOutputBlob();

    /**
     * What a run printed (the tails the service kept).
     *
     * @param stdout standard output, or the part the service kept
     * @param stderr standard error, or the part the service kept
     */
    record Output(String stdout, String stderr) {
    }
}

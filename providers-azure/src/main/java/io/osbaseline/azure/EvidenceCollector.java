package io.osbaseline.azure;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.InputStream;

/**
 * A collector that runs on the machine and the reader of what it collects: the run-command mode ships
 * {@link #script()} to the machine, brings back what it printed, and hands the decoded bytes to {@link #read}.
 */
public interface EvidenceCollector {

    /**
     * The script, run as root (SYSTEM on Windows), that prints the evidence base64-encoded on standard output: POSIX sh
     * for Linux machines, PowerShell for Windows machines.
     */
    String script();

    /**
     * Builds the snapshot of {@code machine} from the evidence (the script's output, base64-decoded).
     *
     * @throws SnapshotException when the evidence cannot be read
     */
    ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException;
}

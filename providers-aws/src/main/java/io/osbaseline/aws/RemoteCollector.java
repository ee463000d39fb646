package io.osbaseline.aws;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.InputStream;

/**
 * A collector that runs on a machine through SSM Run Command and the reader of the evidence it prints. The script
 * must write its evidence to standard output, base64-encoded (line breaks are ignored), and exit with status 0; the
 * provider carries it back intact whatever its size (see {@link ChunkedTransport}) and hands the decoded bytes to
 * {@link #read}.
 *
 * <p>The default for Linux is the {@code local} provider's collector ({@code io.osbaseline.local.evidence}), so that
 * one parser reads a machine's files whether they are local or remote. Embedders may give their own, for example to
 * collect more.
 */
public interface RemoteCollector {

    /** The POSIX sh script to run as root; it writes the base64 of its evidence to standard output. */
    String script();

    /**
     * Reads the decoded evidence into a snapshot of {@code machine}.
     *
     * @throws SnapshotException when the evidence is not what the script writes, naming what is wrong
     */
    ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException;
}

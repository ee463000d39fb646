package io.osbaseline.aws;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.InputStream;

/**
 * A collector that runs on a machine through SSM Run Command, and the reader of the evidence it prints. The script is
 * POSIX sh for Linux machines and PowerShell for Windows machines; run with no arguments, as root or SYSTEM, in a
 * private directory of its own, it must write the base64 of its evidence to standard output (line breaks and other
 * white space are ignored) and exit with status 0. The provider carries the evidence back intact whatever its size
 * (see {@link ChunkedTransport}) and hands the decoded bytes to {@link #read}.
 *
 * <p>The defaults are the {@code local} provider's collectors, so that one parser reads a machine's files whether
 * they are local or remote: for Linux its evidence script and reader ({@code io.osbaseline.local.evidence}), for
 * Windows {@code osbaseline-collect.ps1} and the {@code windows-export} reader. Embedders may give their own, for
 * example to collect more.
 */
public interface RemoteCollector {

    /** The script to run: POSIX sh for Linux, PowerShell for Windows. */
    String script();

    /**
     * Reads the decoded evidence into a snapshot of {@code machine}.
     *
     * @throws SnapshotException when the evidence is not what the script writes, naming what is wrong
     */
    ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException;
}

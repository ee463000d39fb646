package io.osbaseline.azure;

import io.osbaseline.provider.SnapshotException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence in chunks: a first run leaves the evidence in a root-only file on the machine and prints its length and
 * SHA-256; each following run prints one chunk of it between markers, small enough for the 4,096 bytes a run command
 * keeps; a last run deletes the file. Needs no storage account, costs one run per chunk (each run takes some 20 s on
 * Azure; runs on one machine go one at a time).
 */
final class ChunkedTransport extends EvidenceTransport {
    static final int DEFAULT_CHUNK_SIZE = 3072;
    static final int MAX_CHUNK_SIZE = 3584;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedTransport.class);
    private static final Pattern CHUNK = Pattern.compile("OSBASELINE-CHUNK (\\d+) ([A-Za-z0-9+/=]*) OSBASELINE-END");

    private final int chunkSize;
    private final Duration collectTimeout;
    private final Duration chunkTimeout;

    ChunkedTransport(int chunkSize, Duration collectTimeout, Duration chunkTimeout) {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1 to " + MAX_CHUNK_SIZE + ", got " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.collectTimeout = collectTimeout;
        this.chunkTimeout = chunkTimeout;
    }

    @Override
    byte[] fetch(RemoteShell shell, ShellDialect dialect, String collectorScript, String what)
            throws SnapshotException {
        String file = "osbaseline-" + UUID.randomUUID() + ".b64";
        try {
            RemoteShell.Output first = shell.run(dialect.collect(collectorScript, file, false), null, collectTimeout);
            Header header = header(first.stdout(), first.stderr(), what);
            long chunks = (header.bytes() + chunkSize - 1) / chunkSize;
            LOG.debug("evidence of {}: {} bytes in {} chunks", what, header.bytes(), chunks);
            ByteArrayOutputStream received = new ByteArrayOutputStream((int) header.bytes());
            for (long k = 0; k < chunks; k++) {
                RemoteShell.Output out = shell.run(dialect.chunk(file, k, chunkSize), null, chunkTimeout);
                received.writeBytes(ascii(chunk(out.stdout(), k, chunks, what)));
            }
            return verify(received.toByteArray(), header, what);
        } finally {
            try {
                shell.run(dialect.cleanup(file), null, chunkTimeout);
            } catch (SnapshotException e) {
                LOG.warn("could not delete the evidence file {} on {}: {}", file, what, e.getMessage());
            }
        }
    }

    private static String chunk(String output, long k, long chunks, String what) throws SnapshotException {
        Matcher m = CHUNK.matcher(output);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) == k) {
                return m.group(2);
            }
        }
        throw new SnapshotException("chunk " + (k + 1) + " of " + chunks + " of the evidence of " + what
                + " is missing from the run command's output: " + quote(output));
    }
}

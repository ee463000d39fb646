package io.osbaseline.aws;

import java.util.List;

/**
 * The commands of the chunked transport in one shell language, with the SSM document that runs them. Each prints what
 * {@link ChunkedTransport} reads: the first command a header line
 * {@code OSBASELINE-EVIDENCE <version> <length> <sha256> <chunk size> <directory>}, then chunk 0 and an end line
 * {@code OSBASELINE-END 0}; each further command a line {@code OSBASELINE-CHUNK <i>}, chunk {@code i} and
 * {@code OSBASELINE-END <i>}.
 */
interface TransportScripts {

    /** The SSM document that runs these commands, for example {@code AWS-RunShellScript}. */
    String document();

    /**
     * Unpacks the collector from {@code packed} (its gzip'ed text, base64-encoded in lines), runs it in a private
     * directory, keeps its output there without line breaks, and prints the header and chunk 0.
     */
    List<String> collect(List<String> packed, int chunkSize);

    /** Prints chunk {@code index} of the evidence kept in {@code dir}; the last one removes {@code dir}. */
    List<String> chunk(String dir, int index, int chunkSize, boolean last);

    /** Removes {@code dir}, after a transfer that failed half-way. */
    List<String> remove(String dir);

    /**
     * Whether {@code dir}, as a header announced it, is a directory these commands make: a path that can be quoted
     * safely in the next commands.
     */
    boolean isWorkDirectory(String dir);
}

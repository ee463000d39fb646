package io.osbaseline.azure;

/**
 * The scripts of the evidence protocol in one shell's language: run the collector into a file and print the
 * evidence header ({@code OSBASELINE-EVIDENCE v1 rc=N bytes=N sha256=HEX}), print one chunk of the file between
 * {@code OSBASELINE-CHUNK K} and {@code OSBASELINE-END}, print the whole file, delete what the collector left. The
 * evidence in the file is the collector's base64 output with whitespace removed; length and hash are of those bytes.
 */
interface ShellDialect {

    /** The action Run Command's command id for scripts in this language. */
    String commandId();

    /**
     * Runs {@code collector} (a script in this language that prints base64 on standard output) into the evidence file
     * {@code name} and prints the header, on standard output or, when {@code headerToStderr}, on standard error.
     */
    String collect(String collector, String name, boolean headerToStderr);

    /** Prints chunk {@code k} (from 0) of {@code size} bytes of the evidence file between the markers. */
    String chunk(String name, long k, int size);

    /** Prints the whole evidence file on standard output. */
    String emit(String name);

    /** Deletes the evidence file and whatever the collect script left. */
    String cleanup(String name);
}

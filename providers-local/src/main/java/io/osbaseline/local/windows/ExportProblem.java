package io.osbaseline.local.windows;

import java.util.Objects;

/**
 * Something in an export file that could not be read: a malformed line, a truncated entry. The rest of the file
 * is still read; the problem becomes a coverage gap of the snapshot.
 *
 * @param file the file, as the user named it (for a GPO backup or a zip, the path inside it)
 * @param line the line (for binary files, the entry), 1-based; 0 for the file as a whole
 * @param message what is wrong, in words that say what to fix
 */
public record ExportProblem(String file, int line, String message) {
    public ExportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}, or {@code file: message} for the file as a whole. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}

package io.osbaseline.provider;

import io.osbaseline.OsBaselineException;

/**
 * The snapshot of one machine could not be collected or read. A fleet scan reports that machine as an ERROR
 * assessment with this message and goes on with the others.
 */
public class SnapshotException extends OsBaselineException {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}

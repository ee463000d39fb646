package io.osbaseline.engine;

import io.osbaseline.OsBaselineException;

/** An engine could not be built from what it was given: unknown engine or baseline, bad rules, bad parameters. */
public class EngineException extends OsBaselineException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}

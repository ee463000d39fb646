package io.osbaseline.provider;

import io.osbaseline.OsBaselineException;

/** A provider cannot be created or cannot list its machines: bad options, missing credentials, an unreachable API. */
public class ProviderException extends OsBaselineException {
    private static final long serialVersionUID = 1L;

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}

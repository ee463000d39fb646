package io.osbaseline.azure;

import javax.annotation.CheckForNull;

/**
 * An Azure REST call failed: an error status (after the pipeline's retries), a body that is not the JSON the API
 * documents, or no answer at all. The message names the request and what Azure said.
 */
final class ArmCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @CheckForNull String errorCode;

    ArmCallException(String message, int status, @CheckForNull String errorCode, @CheckForNull Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or 0 when there was no response. */
    int status() {
        return status;
    }

    /** The ARM error code ({@code ResourceNotFound}, {@code TooManyRequests} ...), when Azure sent one. */
    @CheckForNull
    String errorCode() {
        return errorCode;
    }
}

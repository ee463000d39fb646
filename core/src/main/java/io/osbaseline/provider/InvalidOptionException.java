package io.osbaseline.provider;

/** An option a provider does not accept, a required option that is missing, or a value that does not fit. */
public class InvalidOptionException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public InvalidOptionException(String message) {
        super(message);
    }
}

package io.osbaseline.provider;

/**
 * Carries a {@link ProviderException} out of a lazily paged inventory stream, for example when the third page of a
 * cloud listing fails. {@link io.osbaseline.scan.FleetScan} unwraps it.
 */
public class UncheckedProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UncheckedProviderException(ProviderException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized ProviderException getCause() {
        return (ProviderException) super.getCause();
    }
}

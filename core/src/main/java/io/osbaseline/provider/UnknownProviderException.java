package io.osbaseline.provider;

import java.util.List;

/** No provider with the requested id is on the class path. The message lists those that are. */
public class UnknownProviderException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public UnknownProviderException(String id, List<String> available) {
        super("no provider '" + id + "'; available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
    }
}

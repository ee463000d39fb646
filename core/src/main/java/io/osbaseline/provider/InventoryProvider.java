package io.osbaseline.provider;

import io.osbaseline.model.Machine;
import java.util.stream.Stream;

/** Lists the machines of a fleet. */
public interface InventoryProvider {

    /**
     * The machines, streamed: implementations page lazily and never hold the whole fleet in memory. A page that fails
     * after the stream has started surfaces as {@link UncheckedProviderException}. Close the stream when done.
     *
     * @throws ProviderException when the listing cannot start (credentials, unreachable API)
     */
    Stream<Machine> machines() throws ProviderException;
}

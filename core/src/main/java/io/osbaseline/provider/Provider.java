package io.osbaseline.provider;

/**
 * A configured provider: it lists machines and collects their snapshots. Close it to release clients and threads.
 */
public interface Provider extends InventoryProvider, SnapshotProvider, AutoCloseable {

    /** Releases clients and threads; the default does nothing. */
    @Override
    default void close() {
    }
}

package io.osbaseline.provider;

import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;

/** Collects the configuration of one machine. Implementations are thread-safe: fleet scans collect in parallel. */
public interface SnapshotProvider {

    /**
     * Collects a snapshot of {@code machine}, as listed by the same provider's inventory. What cannot be read becomes
     * a coverage gap in the snapshot, not an exception.
     *
     * @throws MachineNotApplicableException when the machine cannot be assessed by design (deallocated, unmanaged)
     * @throws SnapshotException when nothing usable could be collected, with the reason
     */
    ConfigurationSnapshot collect(Machine machine) throws SnapshotException;
}

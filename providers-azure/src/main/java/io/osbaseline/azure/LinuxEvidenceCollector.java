package io.osbaseline.azure;

import io.osbaseline.local.evidence.LinuxEvidence;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.InputStream;

/**
 * Our Linux collector: the local provider's evidence script, and its reader, which takes the snapshot through the
 * local provider's own collectors (one parser of the collected files).
 */
final class LinuxEvidenceCollector implements EvidenceCollector {

    @Override
    public String script() {
        return LinuxEvidence.collectorScript();
    }

    @Override
    public ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException {
        return LinuxEvidence.read(machine, evidence);
    }
}

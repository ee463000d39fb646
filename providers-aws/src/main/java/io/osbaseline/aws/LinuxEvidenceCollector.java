package io.osbaseline.aws;

import io.osbaseline.local.evidence.LinuxEvidence;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.provider.SnapshotException;
import java.io.InputStream;

/** The default Linux collector: the {@code local} provider's evidence script and its reader. */
final class LinuxEvidenceCollector implements RemoteCollector {
    static final LinuxEvidenceCollector INSTANCE = new LinuxEvidenceCollector();

    private LinuxEvidenceCollector() {
    }

    @Override
    public String script() {
        return LinuxEvidence.collectorScript();
    }

    @Override
    public ConfigurationSnapshot read(Machine machine, InputStream evidence) throws SnapshotException {
        return LinuxEvidence.read(machine, evidence);
    }
}

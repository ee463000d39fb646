package io.osbaseline.azure;

import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;
import io.osbaseline.model.OsFamily;
import io.osbaseline.provider.SnapshotException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.CheckForNull;

/**
 * The run-command mode: runs the collector for the machine's OS family on the machine, brings its evidence back
 * through the configured transport, and reads it into a snapshot. VMs use the action Run Command for chunked transfers
 * and a managed run command for blob transfers; Arc machines always use managed run commands.
 */
final class RunCommandSnapshots {
    private final Function<String, ComputeManagementClient> compute;
    private final ArmRest arm;
    private final EvidenceTransport transport;
    private final boolean blob;
    private final Map<OsFamily, EvidenceCollector> collectors;
    private final Duration pollInterval;
    private final ShellDialect posix;
    private final ShellDialect powerShell = new PowerShellDialect();

    /** @param evidenceDir where the evidence waits on Linux machines (Windows: %SystemRoot%\Temp) */
    RunCommandSnapshots(Function<String, ComputeManagementClient> compute, ArmRest arm, EvidenceTransport transport,
            Map<OsFamily, EvidenceCollector> collectors, Duration pollInterval, String evidenceDir) {
        this.compute = compute;
        this.arm = arm;
        this.transport = transport;
        this.blob = transport instanceof BlobTransport;
        this.collectors = collectors.isEmpty() ? Map.of() : new EnumMap<>(collectors);
        this.pollInterval = pollInterval;
        this.posix = new PosixShellDialect(evidenceDir);
    }

    ConfigurationSnapshot collect(Machine machine, AzureResourceId id) throws SnapshotException {
        EvidenceCollector collector = collectors.get(machine.osFamily());
        if (collector == null) {
            throw new SnapshotException("run-command mode has no collector for " + machine.osFamily()
                    + " machines" + (collectors.isEmpty() ? "" : " (it has one for " + collectors.keySet() + ")")
                    + "; assess " + id.name() + " with mode=guest-configuration instead");
        }
        String what = id.kind() + " " + id.name();
        ShellDialect dialect = machine.osFamily() == OsFamily.WINDOWS ? powerShell : posix;
        byte[] base64 = transport.fetch(shell(machine, id, dialect), dialect, collector.script(), what);
        byte[] evidence;
        try {
            evidence = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException("the evidence of " + what + " is not base64: " + e.getMessage(), e);
        }
        return collector.read(machine, new ByteArrayInputStream(evidence));
    }

    private RemoteShell shell(Machine machine, AzureResourceId id, ShellDialect dialect) throws SnapshotException {
        if (id.isVirtualMachine() && !blob) {
            return new ActionRunCommandShell(compute.apply(id.subscription()).getVirtualMachines(), id,
                    dialect.commandId());
        }
        return new ManagedRunCommandShell(arm, id, location(machine, id), pollInterval);
    }

    private static String location(Machine machine, AzureResourceId id) throws SnapshotException {
        @CheckForNull String region = machine.region();
        if (region == null) {
            throw new SnapshotException("the location of " + id.kind() + " " + id.name()
                    + " is unknown, and a managed run command needs it");
        }
        return region;
    }
}

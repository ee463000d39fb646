package io.osbaseline.local.evidence;

import io.osbaseline.local.MemoryTree;
import io.osbaseline.local.RootFs;
import io.osbaseline.local.linux.HostCommands;
import io.osbaseline.local.linux.LinuxSnapshotter;
import io.osbaseline.model.ConfigurationSnapshot;
import io.osbaseline.model.Machine;

/**
 * Evidence read and checked: the machine's files as an in-memory tree and the commands it ran. Immutable; a snapshot
 * can be taken from it any number of times.
 */
public final class Evidence {
    private final EvidenceManifest manifest;
    private final MemoryTree tree;
    private final HostCommands commands;

    Evidence(EvidenceManifest manifest, MemoryTree tree, HostCommands commands) {
        this.manifest = manifest;
        this.tree = tree;
        this.commands = commands;
    }

    public EvidenceManifest manifest() {
        return manifest;
    }

    /**
     * The snapshot of {@code machine}, taken by the {@code local} provider's collectors as on the live machine, at the
     * time the evidence was collected. What the evidence does not hold becomes a coverage gap, never a guess.
     */
    public ConfigurationSnapshot snapshot(Machine machine) {
        return LinuxSnapshotter.replaying(RootFs.of(tree), commands, manifest.collectedAt()).snapshot(machine);
    }

    @Override
    public String toString() {
        return "evidence of " + (manifest.hostname() == null ? "a machine" : manifest.hostname()) + " collected "
                + manifest.collectedAt() + " by script " + manifest.script() + " (" + tree.size() + " entries)";
    }
}

package io.osbaseline.azure;

import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInstanceViewInner;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.provider.MachineNotApplicableException;
import io.osbaseline.provider.SnapshotException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Checks, just before a machine is collected, that it runs: a stopped or deallocated VM, or an Arc machine whose agent
 * is disconnected, is out of scope (NOT_APPLICABLE with the reason); its last report would be stale and a run command
 * cannot reach it.
 */
final class MachineState {
    private final Function<String, ComputeManagementClient> compute;
    private final ArmRest arm;

    MachineState(Function<String, ComputeManagementClient> compute, ArmRest arm) {
        this.compute = compute;
        this.arm = arm;
    }

    void requireRunning(AzureResourceId id) throws SnapshotException {
        if (id.isVirtualMachine()) {
            requireRunningVm(id);
        } else if (id.isArcMachine()) {
            requireConnectedArc(id);
        } else {
            throw new SnapshotException("not a VM or an Arc machine: " + id.id());
        }
    }

    private void requireRunningVm(AzureResourceId id) throws SnapshotException {
        VirtualMachineInstanceViewInner view;
        try {
            view = compute.apply(id.subscription()).getVirtualMachines().instanceView(id.resourceGroup(), id.name());
        } catch (RuntimeException e) {
            throw new SnapshotException("cannot read the instance view of VM " + id.name() + ": "
                    + AzureErrors.describe(e), e);
        }
        if (view == null || view.statuses() == null) {
            return;
        }
        for (InstanceViewStatus s : view.statuses()) {
            String code = s.code() == null ? "" : s.code();
            if (code.startsWith("PowerState/")) {
                String state = code.substring("PowerState/".length()).toLowerCase(Locale.ROOT);
                if (!state.equals("running")) {
                    throw new MachineNotApplicableException("VM " + id.name() + " is " + state
                            + ": only running VMs are assessed; start it and scan again");
                }
            }
        }
    }

    private void requireConnectedArc(AzureResourceId id) throws SnapshotException {
        JsonNode machine;
        try {
            machine = arm.get(arm.url(id.id() + "?api-version=" + AzureInventory.ARC_API_VERSION));
        } catch (ArmCallException e) {
            throw new SnapshotException("cannot read Arc machine " + id.name() + ": " + e.getMessage(), e);
        }
        String status = machine.path("properties").path("status").asText("");
        if (!status.equalsIgnoreCase("Connected")) {
            String since = machine.path("properties").path("lastStatusChange").asText("");
            throw new MachineNotApplicableException("Arc machine " + id.name() + " is "
                    + (status.isEmpty() ? "in an unknown state" : status)
                    + (since.isEmpty() ? "" : " since " + since)
                    + ": its agent does not report, so it is not assessed; reconnect the agent (azcmagent connect)");
        }
    }
}

package io.osbaseline.azure;

import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.compute.fluent.VirtualMachinesClient;
import com.azure.resourcemanager.compute.fluent.models.RunCommandResultInner;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.compute.models.RunCommandInput;
import io.osbaseline.provider.SnapshotException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.annotation.CheckForNull;

/**
 * The VM action Run Command ({@code POST .../virtualMachines/{vm}/runCommand}, {@code RunShellScript} or
 * {@code RunPowerShellScript}), a
 * long-running operation polled by azure-resourcemanager. The service keeps the last 4,096 bytes of the output; Linux
 * returns standard output and error in one message between {@code [stdout]} and {@code [stderr]} markers.
 */
final class ActionRunCommandShell implements RemoteShell {
    private final VirtualMachinesClient vms;
    private final AzureResourceId vm;
    private final String commandId;

    /** @param commandId {@code RunShellScript} or {@code RunPowerShellScript} */
    ActionRunCommandShell(VirtualMachinesClient vms, AzureResourceId vm, String commandId) {
        this.vms = vms;
        this.vm = vm;
        this.commandId = commandId;
    }

    @Override
    public boolean supportsOutputBlob() {
        return false;
    }

    @Override
    public Output run(String script, @CheckForNull String outputBlobUrl, Duration timeout) throws SnapshotException {
        if (outputBlobUrl != null) {
            throw new IllegalArgumentException("the action Run Command cannot write to a blob");
        }
        RunCommandInput input = new RunCommandInput().withCommandId(commandId)
                .withScript(Arrays.asList(script.split("\n", -1)));
        RunCommandResultInner result;
        try {
            SyncPoller<PollResult<RunCommandResultInner>, RunCommandResultInner> poller =
                    vms.beginRunCommand(vm.resourceGroup(), vm.name(), input);
            PollResponse<PollResult<RunCommandResultInner>> last = poller.waitForCompletion(timeout);
            if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                if (!last.getStatus().isComplete()) {
                    throw timedOut(timeout);
                }
                throw new SnapshotException("Run Command on " + vm.kind() + " " + vm.name() + " ended "
                        + last.getStatus());
            }
            result = poller.getFinalResult();
        } catch (SnapshotException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
                throw timedOut(timeout);
            }
            throw new SnapshotException("Run Command on " + vm.kind() + " " + vm.name() + " failed: "
                    + AzureErrors.describe(e), e);
        }
        if (result == null || result.value() == null || result.value().isEmpty()) {
            throw new SnapshotException("Run Command on " + vm.kind() + " " + vm.name() + " returned no output");
        }
        return parse(result.value());
    }

    private SnapshotException timedOut(Duration timeout) {
        return new SnapshotException("Run Command on " + vm.kind() + " " + vm.name() + " did not finish within "
                + Durations.describe(timeout));
    }

    /** Linux: one status whose message holds both streams; Windows: one status per stream. */
    static Output parse(List<InstanceViewStatus> statuses) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (InstanceViewStatus s : statuses) {
            String code = s.code() == null ? "" : s.code().toLowerCase(Locale.ROOT);
            String message = s.message() == null ? "" : s.message();
            if (code.contains("/stdout/")) {
                out.append(message);
            } else if (code.contains("/stderr/")) {
                err.append(message);
            } else {
                int o = message.indexOf("[stdout]\n");
                int e = message.lastIndexOf("\n[stderr]\n");
                if (o >= 0 && e >= o) {
                    out.append(message, o + "[stdout]\n".length(), e);
                    err.append(message.substring(e + "\n[stderr]\n".length()));
                } else if (e >= 0) {
                    // the head of the message, with the [stdout] marker, fell off the 4,096-byte tail
                    out.append(message, 0, e);
                    err.append(message.substring(e + "\n[stderr]\n".length()));
                } else {
                    out.append(message);
                }
            }
        }
        return new Output(out.toString(), err.toString());
    }
}

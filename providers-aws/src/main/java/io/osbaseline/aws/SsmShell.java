package io.osbaseline.aws;

import io.osbaseline.provider.SnapshotException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.waiters.SsmWaiter;

/**
 * Runs scripts on one managed node through SSM Run Command ({@code AWS-RunShellScript} or
 * {@code AWS-RunPowerShellScript}): SendCommand, then
 * GetCommandInvocation through the SDK's waiter until the invocation ends. The waiter throws when the invocation ends
 * in a failure state (Failed, Cancelled, TimedOut) or when it gives up; the invocation is then read once more, so that
 * the error names the status, the exit code and the end of standard error.
 */
final class SsmShell implements ChunkedTransport.Shell {
    private static final Logger LOG = LoggerFactory.getLogger(SsmShell.class);
    private static final Set<CommandInvocationStatus> RUNNING = Set.of(CommandInvocationStatus.PENDING,
            CommandInvocationStatus.IN_PROGRESS, CommandInvocationStatus.DELAYED);
    private static final int STDERR_EXCERPT = 600;

    private final SsmClient ssm;
    private final SsmWaiter waiter;
    private final String instanceId;
    private final String document;
    private final Duration timeout;

    /**
     * @param waiter a waiter of {@code ssm} whose wait timeout covers {@code timeout}
     * @param document the SSM document that runs the commands
     * @param timeout how long a command may run on the node
     */
    SsmShell(SsmClient ssm, SsmWaiter waiter, String instanceId, String document, Duration timeout) {
        this.ssm = ssm;
        this.waiter = waiter;
        this.instanceId = instanceId;
        this.document = document;
        this.timeout = timeout;
    }

    @Override
    public String run(List<String> commands) throws SnapshotException {
        String commandId = send(commands);
        GetCommandInvocationRequest request = GetCommandInvocationRequest.builder()
                .commandId(commandId).instanceId(instanceId).build();
        GetCommandInvocationResponse invocation;
        try {
            invocation = waiter.waitUntilCommandExecuted(request).matched().response().orElse(null);
        } catch (SdkException e) {
            LOG.debug("waiter for command {} on {} stopped: {}", commandId, instanceId, e.getMessage());
            invocation = null;
        }
        if (invocation == null) {
            invocation = read(request);
        }
        CommandInvocationStatus status = invocation.status();
        if (status == CommandInvocationStatus.SUCCESS) {
            return invocation.standardOutputContent() == null ? "" : invocation.standardOutputContent();
        }
        if (RUNNING.contains(status)) {
            cancel(commandId);
            throw new SnapshotException("SSM command " + commandId + " did not finish within " + readable(timeout)
                    + " (status " + invocation.statusAsString() + "); it was cancelled");
        }
        throw new SnapshotException(failure(commandId, invocation));
    }

    @Override
    public void runDetached(List<String> commands) {
        try {
            String commandId = send(commands);
            LOG.debug("sent clean-up command {} to {}", commandId, instanceId);
        } catch (SnapshotException e) {
            LOG.warn("could not send the clean-up command to {}: {}", instanceId, e.getMessage());
        }
    }

    private String send(List<String> commands) throws SnapshotException {
        long seconds = Math.max(30, timeout.toSeconds());
        SendCommandRequest request = SendCommandRequest.builder()
                .instanceIds(instanceId)
                .documentName(document)
                .comment("osbaseline evidence collection")
                .timeoutSeconds((int) Math.min(Integer.MAX_VALUE, seconds))
                .parameters(Map.of("commands", commands, "executionTimeout", List.of(Long.toString(seconds))))
                .build();
        try {
            return ssm.sendCommand(request).command().commandId();
        } catch (SdkException e) {
            throw new SnapshotException("SSM SendCommand failed: " + AwsErrors.describe(e), e);
        }
    }

    private GetCommandInvocationResponse read(GetCommandInvocationRequest request) throws SnapshotException {
        try {
            return ssm.getCommandInvocation(request);
        } catch (SdkException e) {
            throw new SnapshotException("cannot read SSM command " + request.commandId() + ": "
                    + AwsErrors.describe(e), e);
        }
    }

    private void cancel(String commandId) {
        try {
            ssm.cancelCommand(b -> b.commandId(commandId).instanceIds(instanceId));
        } catch (SdkException e) {
            LOG.warn("could not cancel SSM command {} on {}: {}", commandId, instanceId, AwsErrors.describe(e));
        }
    }

    private static String readable(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static String failure(String commandId, GetCommandInvocationResponse invocation) {
        StringBuilder why = new StringBuilder("SSM command ").append(commandId).append(" ended ")
                .append(invocation.statusAsString());
        String details = invocation.statusDetails();
        if (details != null && !details.isBlank() && !details.equals(invocation.statusAsString())) {
            why.append(" (").append(details).append(')');
        }
        Integer code = invocation.responseCode();
        if (code != null && code >= 0) {
            why.append(", exit code ").append(code);
        }
        String stderr = invocation.standardErrorContent();
        if (stderr != null && !stderr.isBlank()) {
            String tail = stderr.strip();
            if (tail.length() > STDERR_EXCERPT) {
                tail = "..." + tail.substring(tail.length() - STDERR_EXCERPT);
            }
            why.append(": ").append(tail.replaceAll("\\s*\\n\\s*", " | "));
        }
        return why.toString();
    }
}

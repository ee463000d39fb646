package io.osbaseline.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osbaseline.provider.SnapshotException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.annotation.CheckForNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A managed run command: a child resource {@code {machine}/runCommands/{name}} that is PUT with the script, polled
 * with {@code $expand=instanceView} until its execution state is final, then deleted. VMs
 * ({@code Microsoft.Compute}) and Arc machines ({@code Microsoft.HybridCompute}, agent 1.33 or later) share the shape.
 * The instance view keeps the last 4,096 bytes of each stream; with {@code outputBlobUri} the service writes the whole
 * standard output to that append blob.
 */
final class ManagedRunCommandShell implements RemoteShell {
    static final String VM_API_VERSION = "2024-07-01";
    static final String ARC_API_VERSION = "2024-11-10-preview";
    private static final Logger LOG = LoggerFactory.getLogger(ManagedRunCommandShell.class);
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "timedout", "canceled");

    private final ArmRest arm;
    private final AzureResourceId machine;
    private final String location;
    private final Duration pollInterval;

    ManagedRunCommandShell(ArmRest arm, AzureResourceId machine, String location, Duration pollInterval) {
        this.arm = arm;
        this.machine = machine;
        this.location = location;
        this.pollInterval = pollInterval;
    }

    @Override
    public boolean supportsOutputBlob() {
        return true;
    }

    @Override
    public Output run(String script, @CheckForNull String outputBlobUrl, Duration timeout) throws SnapshotException {
        String apiVersion = machine.isArcMachine() ? ARC_API_VERSION : VM_API_VERSION;
        String resource = machine.id() + "/runCommands/osbaseline-" + UUID.randomUUID();
        String url = arm.url(resource + "?api-version=" + apiVersion);
        ObjectNode body = ArmRest.JSON.createObjectNode().put("location", location);
        ObjectNode props = body.putObject("properties");
        props.putObject("source").put("script", script);
        props.put("asyncExecution", false);
        props.put("timeoutInSeconds", Math.max(60, timeout.toSeconds()));
        if (outputBlobUrl != null) {
            props.put("outputBlobUri", outputBlobUrl);
        }
        String where = "managed run command on " + machine.kind() + " " + machine.name();
        try {
            arm.put(url, body);
            return await(arm.url(resource + "?$expand=instanceView&api-version=" + apiVersion), timeout, where);
        } catch (ArmCallException e) {
            throw new SnapshotException(where + " failed: " + e.getMessage(), e);
        } finally {
            try {
                arm.delete(url);
            } catch (ArmCallException e) {
                LOG.warn("could not delete the run command {}: {}", resource, e.getMessage());
            }
        }
    }

    private Output await(String url, Duration timeout, String where) throws ArmCallException, SnapshotException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode view = arm.get(url).path("properties").path("instanceView");
            String state = view.path("executionState").asText("");
            if (FINAL.contains(state.toLowerCase(Locale.ROOT))) {
                String stdout = view.path("output").asText("");
                String stderr = view.path("error").asText("");
                if (!state.equalsIgnoreCase("succeeded")) {
                    String message = view.path("executionMessage").asText("");
                    throw new SnapshotException(where + " ended " + state
                            + (view.path("exitCode").isInt() ? " with exit code " + view.path("exitCode").asInt() : "")
                            + (message.isBlank() ? "" : ": " + message)
                            + (stderr.isBlank() ? "" : "; stderr: " + ArmRest.shorten(stderr)));
                }
                return new Output(stdout, stderr);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SnapshotException(where + " did not finish within " + Durations.describe(timeout) + " (state "
                        + (state.isEmpty() ? "unknown" : state) + ")");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapshotException(where + " was interrupted while waiting", e);
            }
        }
    }
}

package io.osbaseline.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Machines behind the fake ARM: their power state or agent status, and run commands that really execute the script
 * they are sent with {@code sh} on this host (as the Azure agent would on the VM), keeping only the last 4,096 bytes
 * of output as the service does. The action Run Command is a long-running operation (202, Azure-AsyncOperation,
 * Location); managed run commands are PUT, polled with {@code $expand=instanceView}, and may write standard output
 * to a blob that this server then serves.
 */
final class FakeMachines {
    static final int OUTPUT_LIMIT = 4096;
    private static final String VM = "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft.Compute/"
            + "virtualMachines/([^/]+)";
    private static final String ARC = "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
            + "Microsoft.HybridCompute/machines/([^/]+)";

    private final FakeArm arm;
    private final Map<String, String> vmPower = new ConcurrentHashMap<>();
    private final Map<String, String> arcStatus = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> operations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pollsLeft = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> managed = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runsPerMachine = new ConcurrentHashMap<>();
    private final Map<String, String> environment = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, String> stdoutTamper = (machine, run) -> null;
    private volatile BiFunction<String, Integer, byte[]> blobTamper = (machine, run) -> null;

    FakeMachines(FakeArm arm) {
        this.arm = arm;
        arm.on("GET", VM + "/instanceView", r -> FakeArm.Reply.json(200, """
                {"computerName":"%s","osName":"ubuntu","osVersion":"22.04","statuses":[
                 {"code":"ProvisioningState/succeeded","level":"Info"},{"code":"PowerState/%s","level":"Info"}]}"""
                .formatted(r.group(3), vmPower.getOrDefault(r.group(3), "running"))));
        arm.on("GET", ARC, r -> FakeArm.Reply.json(200, """
                {"id":"%s","name":"%s","properties":{"status":"%s","lastStatusChange":"2026-11-20T10:00:00Z"}}"""
                .formatted(r.call().path(), r.group(3), arcStatus.getOrDefault(r.group(3), "Connected"))));
        arm.on("POST", VM + "/runCommand", r -> actionRunCommand(r.group(3), r.call().json()));
        arm.on("GET", "/subscriptions/[^/]+/providers/Microsoft.Compute/locations/[^/]+/operations/([^/]+)",
                this::operationStatus);
        arm.on("GET", "/subscriptions/[^/]+/providers/Microsoft.Compute/locations/[^/]+/operations/([^/]+)/result",
                r -> FakeArm.Reply.json(200, operations.get(r.group(1)).toString()));
        for (String machine : List.of(VM, ARC)) {
            arm.on("PUT", machine + "/runCommands/([^/]+)", r -> managedPut(r));
            arm.on("GET", machine + "/runCommands/([^/]+)", r -> managed.containsKey(r.call().path())
                    ? FakeArm.Reply.json(200, managed.get(r.call().path()).toString())
                    : FakeArm.Reply.json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no run command\"}}"));
            arm.on("DELETE", machine + "/runCommands/([^/]+)", r -> {
                managed.remove(r.call().path());
                return FakeArm.Reply.json(200, "");
            });
        }
        arm.on("GET", "/blobs/(.+)", r -> blobs.containsKey(r.group(1))
                ? new FakeArm.Reply(200, Map.of("Content-Type", "application/octet-stream"),
                        new String(blobs.get(r.group(1)), StandardCharsets.ISO_8859_1))
                : FakeArm.Reply.json(404, "<?xml version=\"1.0\"?><Error><Code>BlobNotFound</Code></Error>"));
        arm.on("DELETE", "/blobs/(.+)", r -> {
            blobs.remove(r.group(1));
            return FakeArm.Reply.json(202, "");
        });
    }

    FakeMachines power(String vm, String state) {
        vmPower.put(vm, state);
        return this;
    }

    FakeMachines arcStatus(String machine, String status) {
        arcStatus.put(machine, status);
        return this;
    }

    /** An environment variable the scripts see (the collector's OSBASELINE_ROOT). */
    FakeMachines env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Replaces the standard output of a run (machine name, run number from 1) when the function returns non-null. */
    FakeMachines tamperStdout(BiFunction<String, Integer, String> tamper) {
        this.stdoutTamper = tamper;
        return this;
    }

    /** Replaces the blob a run writes when the function returns non-null. */
    FakeMachines tamperBlob(BiFunction<String, Integer, byte[]> tamper) {
        this.blobTamper = tamper;
        return this;
    }

    int runs(String machine) {
        AtomicInteger n = runsPerMachine.get(machine);
        return n == null ? 0 : n.get();
    }

    Map<String, byte[]> blobs() {
        return blobs;
    }

    private FakeArm.Reply actionRunCommand(String vm, JsonNode body) {
        if ("RunPowerShellScript".equals(body.path("commandId").asText())) {
            // this host has no PowerShell: the test machine can only refuse, as Azure does when a script cannot run
            return FakeArm.Reply.json(409, "{\"error\":{\"code\":\"Conflict\",\"message\":\"this test machine"
                    + " cannot run PowerShell\"}}");
        }
        if (!"RunShellScript".equals(body.path("commandId").asText())) {
            return FakeArm.Reply.json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"commandId\"}}");
        }
        StringBuilder script = new StringBuilder();
        body.path("script").forEach(line -> script.append(line.asText()).append('\n'));
        Result result = execute(vm, script.toString());
        String message = tail("Enable succeeded: \n[stdout]\n" + result.stdout + "\n[stderr]\n" + result.stderr);
        String op = UUID.randomUUID().toString();
        ObjectNode value = ArmRest.JSON.createObjectNode();
        ArrayNode statuses = value.putArray("value");
        statuses.addObject().put("code", "ProvisioningState/succeeded").put("level", "Info")
                .put("displayStatus", "Provisioning succeeded").put("message", message);
        operations.put(op, value);
        pollsLeft.put(op, new AtomicInteger(1));
        String operation = arm.base() + "subscriptions/" + FakeArm.SUB
                + "/providers/Microsoft.Compute/locations/westeurope/operations/" + op;
        return new FakeArm.Reply(202, Map.of(
                "Azure-AsyncOperation", operation + "?api-version=2025-04-01",
                "Location", operation + "/result?api-version=2025-04-01"), "");
    }

    private FakeArm.Reply operationStatus(FakeArm.Request r) {
        AtomicInteger left = pollsLeft.get(r.group(1));
        if (left == null) {
            return FakeArm.Reply.json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no operation\"}}");
        }
        return left.getAndDecrement() > 0
                ? FakeArm.Reply.json(200, "{\"status\":\"InProgress\",\"name\":\"" + r.group(1) + "\"}")
                : FakeArm.Reply.json(200, "{\"status\":\"Succeeded\",\"startTime\":\"2026-11-28T10:00:00Z\","
                        + "\"endTime\":\"2026-11-28T10:00:21Z\",\"name\":\"" + r.group(1) + "\"}");
    }

    private FakeArm.Reply managedPut(FakeArm.Request r) {
        String machine = r.group(3);
        JsonNode props = r.call().json().path("properties");
        Result result = execute(machine, props.path("source").path("script").asText());
        ObjectNode resource = ArmRest.JSON.createObjectNode().put("id", r.call().path()).put("name", r.group(4));
        ObjectNode p = resource.putObject("properties");
        p.put("provisioningState", "Succeeded");
        ObjectNode view = p.putObject("instanceView");
        view.put("executionState", result.exitCode == 0 ? "Succeeded" : "Failed").put("exitCode", result.exitCode);
        String blobUri = props.path("outputBlobUri").asText("");
        if (!blobUri.isEmpty()) {
            String blob = blobUri.substring(blobUri.indexOf("/blobs/") + "/blobs/".length(), blobUri.indexOf('?'));
            byte[] tampered = blobTamper.apply(machine, runs(machine));
            blobs.put(blob, tampered != null ? tampered : result.stdout.getBytes(StandardCharsets.ISO_8859_1));
        }
        view.put("output", tail(result.stdout)).put("error", tail(result.stderr));
        managed.put(r.call().path(), resource);
        return FakeArm.Reply.json(201, resource.toString());
    }

    private Result execute(String machine, String script) {
        int run = runsPerMachine.computeIfAbsent(machine, m -> new AtomicInteger()).incrementAndGet();
        try {
            Path out = Files.createTempFile("fake-vm-", ".out");
            Path err = Files.createTempFile("fake-vm-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                pb.environment().putAll(environment);
                Process p = pb.start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("script ran over 60 s");
                }
                String stdout = Files.readString(out, StandardCharsets.ISO_8859_1);
                String tampered = stdoutTamper.apply(machine, run);
                return new Result(tampered != null ? tampered : stdout,
                        Files.readString(err, StandardCharsets.ISO_8859_1), p.exitValue());
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the service keeps of an output: its last 4,096 bytes. */
    static String tail(String output) {
        byte[] bytes = output.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length <= OUTPUT_LIMIT ? output
                : new String(bytes, bytes.length - OUTPUT_LIMIT, OUTPUT_LIMIT, StandardCharsets.ISO_8859_1);
    }

    private record Result(String stdout, String stderr, int exitCode) {
    }
}

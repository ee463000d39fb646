package io.osbaseline.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * A local stand-in for EC2 and SSM on 127.0.0.1, speaking their wire protocols to the real SDK clients: EC2's query
 * protocol (form-encoded {@code Action=...}, XML answers) and SSM's JSON 1.1 ({@code X-Amz-Target: AmazonSSM.Op}).
 * The region of a request is read from its SigV4 credential scope, so that one server holds several regions.
 *
 * <p>Its SSM agent runs the commands it is sent with {@code sh}, as the SSM Agent runs AWS-RunShellScript, in a
 * temporary directory of the test, and keeps the first 24,000 characters of standard output as the service does.
 */
final class FakeAws implements AutoCloseable {
    static final int STDOUT_LIMIT = 24_000;
    static final int STDERR_LIMIT = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/([a-z0-9]+)/");

    record Ec2Instance(String region, String id, String owner, String state, @Nullable String platform,
            String platformDetails, Map<String, String> tags) {
    }

    record Node(String region, String id, String pingStatus, String platformType, String platformName,
            String platformVersion, String resourceType, @Nullable String name, Map<String, String> tags) {
    }

    /** One request as the server saw it: service, operation, region and parameters (EC2) or body (SSM). */
    record Call(String service, String operation, String region, Map<String, String> params, @Nullable JsonNode body) {
    }

    private record Canned(int status, String contentType, String body) {
    }

    private record Invocation(String instanceId, String status, int code, String stdout, String stderr) {
    }

    private final HttpServer server;
    private final Path agentHome;
    private final List<Ec2Instance> instances = Collections.synchronizedList(new ArrayList<>());
    private final List<Node> nodes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Map<String, String>>> applications = new ConcurrentHashMap<>();
    private final Map<String, Deque<Canned>> faults = new ConcurrentHashMap<>();
    private final Map<String, Invocation> invocations = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<String>> tamper = new ConcurrentHashMap<>();
    private final Set<String> hanging = ConcurrentHashMap.newKeySet();
    private final Map<String, String> agentEnv = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> instanceEnv = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile int ssmPageSize = 50;

    FakeAws(Path agentHome) throws IOException {
        this.agentHome = agentHome;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A builder pointed at this server, with test credentials and the SDK's retries without their waits. */
    AwsProvider.Builder provider(Region... regions) {
        return AwsProvider.builder()
                .regions(regions)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .ec2Endpoint(endpoint())
                .ssmEndpoint(endpoint())
                .overrideConfiguration(fastRetries())
                .pollInterval(Duration.ofMillis(5));
    }

    /** The SDK's default retry strategy, with its backoff delays shortened. */
    static ClientOverrideConfiguration fastRetries() {
        BackoffStrategy quick = BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(1));
        return ClientOverrideConfiguration.builder()
                .retryStrategy(b -> b.backoffStrategy(quick).throttlingBackoffStrategy(quick))
                .build();
    }

    // ---- fleet ----

    FakeAws instance(Ec2Instance instance) {
        instances.add(instance);
        return this;
    }

    FakeAws node(Node node) {
        nodes.add(node);
        return this;
    }

    /** A running Linux EC2 instance that SSM manages and reaches. */
    FakeAws linux(String region, String id, String name) {
        instance(new Ec2Instance(region, id, "123456789012", "running", null, "Linux/UNIX", Map.of("Name", name)));
        return node(new Node(region, id, "Online", "Linux", "Ubuntu", "22.04", "EC2Instance", null, Map.of()));
    }

    FakeAws applications(String instanceId, List<Map<String, String>> entries) {
        applications.put(instanceId, entries);
        return this;
    }

    /** Environment of the commands the agent runs, for example {@code OSBASELINE_ROOT}. */
    FakeAws agentEnv(String name, String value) {
        agentEnv.put(name, value);
        return this;
    }

    /** Environment of the commands run on one instance only, as machines differ. */
    FakeAws agentEnv(String instanceId, String name, String value) {
        instanceEnv.computeIfAbsent(instanceId, k -> new ConcurrentHashMap<>()).put(name, value);
        return this;
    }

    /** Changes what an instance's commands print before SSM keeps it, as a damaged transfer would. */
    FakeAws tamper(String instanceId, UnaryOperator<String> stdout) {
        tamper.put(instanceId, stdout);
        return this;
    }

    /** The instance's commands never finish. */
    FakeAws hang(String instanceId) {
        hanging.add(instanceId);
        return this;
    }

    FakeAws ssmPageSize(int size) {
        this.ssmPageSize = size;
        return this;
    }

    /** The next {@code times} calls of {@code operation} (for example "DescribeInstances") get this answer. */
    FakeAws fail(String operation, int times, int status, String contentType, String body) {
        Deque<Canned> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Canned(status, contentType, body));
        }
        return this;
    }

    FakeAws throttleSsm(String operation, int times) {
        return fail(operation, times, 400, "application/x-amz-json-1.1",
                "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    }

    FakeAws throttleEc2(String operation, int times) {
        return fail(operation, times, 503, "text/xml", "<Response><Errors><Error><Code>RequestLimitExceeded</Code>"
                + "<Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-1</RequestID></Response>");
    }

    List<Call> calls(String operation) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.operation().equals(operation)).toList();
        }
    }

    /** The files and directories the agent's commands left in its temporary directory. */
    List<Path> leftovers() throws IOException {
        try (var s = Files.list(agentHome)) {
            return s.filter(p -> p.getFileName().toString().startsWith("osbaseline.")).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- protocol ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher scope = SCOPE.matcher(auth == null ? "" : auth);
            String region = scope.find() ? scope.group(1) : "";
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Canned answer;
            if (target != null) {
                String operation = target.substring(target.indexOf('.') + 1);
                JsonNode json = JSON.readTree(body.isEmpty() ? "{}" : body);
                calls.add(new Call("ssm", operation, region, Map.of(), json));
                answer = fault(operation);
                if (answer == null) {
                    answer = ssm(operation, region, json);
                }
            } else {
                Map<String, String> params = form(body);
                String operation = params.getOrDefault("Action", "");
                calls.add(new Call("ec2", operation, region, params, null));
                answer = fault(operation);
                if (answer == null) {
                    answer = ec2(operation, region, params);
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException | IOException e) {
            errors.add(e);
            throw e;
        }
    }

    /** Exceptions the server met while answering; a test's fake must not fail silently. */
    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Nullable
    private Canned fault(String operation) {
        Deque<Canned> queue = faults.get(operation);
        return queue == null ? null : queue.poll();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
        }
        return params;
    }

    // ---- EC2 ----

    private Canned ec2(String action, String region, Map<String, String> params) {
        return switch (action) {
            case "DescribeInstances" -> describeInstances(region, params);
            case "DescribeRegions" -> xml("DescribeRegionsResponse", "<regionInfo>"
                    + regions().stream().map(r -> "<item><regionName>" + r + "</regionName><regionEndpoint>ec2." + r
                            + ".amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>")
                            .reduce("", String::concat)
                    + "</regionInfo>");
            default -> new Canned(400, "text/xml", "<Response><Errors><Error><Code>InvalidAction</Code><Message>"
                    + action + " is not supported here</Message></Error></Errors><RequestID>r</RequestID></Response>");
        };
    }

    private List<String> regions() {
        synchronized (instances) {
            return instances.stream().map(Ec2Instance::region).distinct().sorted().toList();
        }
    }

    private Canned describeInstances(String region, Map<String, String> params) {
        Map<String, List<String>> filters = new HashMap<>();
        for (int n = 1; params.containsKey("Filter." + n + ".Name"); n++) {
            List<String> values = new ArrayList<>();
            for (int m = 1; params.containsKey("Filter." + n + ".Value." + m); m++) {
                values.add(params.get("Filter." + n + ".Value." + m));
            }
            filters.put(params.get("Filter." + n + ".Name"), values);
        }
        List<Ec2Instance> matching;
        synchronized (instances) {
            matching = instances.stream().filter(i -> i.region().equals(region)).filter(i -> filters.entrySet()
                    .stream().allMatch(f -> f.getKey().equals("instance-id") ? f.getValue().contains(i.id())
                            : f.getKey().startsWith("tag:")
                                    && f.getValue().contains(i.tags().get(f.getKey().substring(4)))))
                    .toList();
        }
        int size = Integer.parseInt(params.getOrDefault("MaxResults", "1000"));
        int from = Integer.parseInt(params.getOrDefault("NextToken", "0"));
        List<Ec2Instance> page = matching.subList(Math.min(from, matching.size()),
                Math.min(from + size, matching.size()));
        StringBuilder xml = new StringBuilder("<reservationSet>");
        for (Ec2Instance i : page) {
            xml.append("<item><reservationId>r-").append(i.id()).append("</reservationId><ownerId>")
                    .append(i.owner()).append("</ownerId><instancesSet><item><instanceId>").append(i.id())
                    .append("</instanceId><imageId>ami-1</imageId><instanceState><code>16</code><name>")
                    .append(i.state()).append("</name></instanceState>");
            if (!i.state().equals("running")) {
                xml.append("<stateReason><code>Client.UserInitiatedShutdown</code><message>"
                        + "Client.UserInitiatedShutdown: User initiated shutdown</message></stateReason>");
            }
            xml.append("<instanceType>t3.micro</instanceType><placement><availabilityZone>").append(region)
                    .append("a</availabilityZone></placement>");
            if (i.platform() != null) {
                xml.append("<platform>").append(i.platform()).append("</platform>");
            }
            xml.append("<platformDetails>").append(esc(i.platformDetails())).append("</platformDetails><tagSet>");
            i.tags().forEach((k, v) -> xml.append("<item><key>").append(esc(k)).append("</key><value>")
                    .append(esc(v)).append("</value></item>"));
            xml.append("</tagSet></item></instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (from + size < matching.size()) {
            xml.append("<nextToken>").append(from + size).append("</nextToken>");
        }
        return xml("DescribeInstancesResponse", xml.toString());
    }

    private static Canned xml(String root, String content) {
        return new Canned(200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root
                + " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-1</requestId>" + content + "</"
                + root + ">");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- SSM ----

    private Canned ssm(String operation, String region, JsonNode req) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        switch (operation) {
            case "DescribeInstanceInformation" -> describeInstanceInformation(region, req, out);
            case "SendCommand" -> {
                String id = req.path("InstanceIds").path(0).asText();
                String commandId = UUID.randomUUID().toString();
                List<String> lines = new ArrayList<>();
                req.path("Parameters").path("commands").forEach(l -> lines.add(l.asText()));
                boolean powerShell = req.path("DocumentName").asText().equals("AWS-RunPowerShellScript");
                invocations.put(commandId, hanging.contains(id) ? new Invocation(id, "InProgress", -1, "", "")
                        : execute(id, String.join("\n", lines), powerShell));
                ObjectNode command = out.putObject("Command");
                command.put("CommandId", commandId).put("DocumentName", req.path("DocumentName").asText())
                        .put("Status", "Pending").putArray("InstanceIds").add(id);
            }
            case "GetCommandInvocation" -> {
                String commandId = req.path("CommandId").asText();
                Invocation inv = invocations.get(commandId);
                int poll = polls.merge(commandId, 1, Integer::sum);
                if (inv == null || poll == 1) {
                    // as the real service answers right after SendCommand
                    return new Canned(400, "application/x-amz-json-1.1",
                            "{\"__type\":\"InvocationDoesNotExist\",\"message\":\"no invocation yet\"}");
                }
                boolean running = poll == 2 || inv.status().equals("InProgress");
                out.put("CommandId", commandId).put("InstanceId", inv.instanceId())
                        .put("DocumentName", "AWS-RunShellScript").put("PluginName", "aws:runShellScript")
                        .put("Status", running ? "InProgress" : inv.status())
                        .put("StatusDetails", running ? "InProgress" : inv.status())
                        .put("ResponseCode", running ? -1 : inv.code())
                        .put("StandardOutputContent", running ? "" : inv.stdout())
                        .put("StandardErrorContent", running ? "" : inv.stderr());
            }
            case "CancelCommand" -> {
                String commandId = req.path("CommandId").asText();
                Invocation inv = invocations.get(commandId);
                if (inv != null) {
                    invocations.put(commandId, new Invocation(inv.instanceId(), "Cancelled", -1, "", ""));
                }
            }
            case "ListInventoryEntries" -> {
                String id = req.path("InstanceId").asText();
                List<Map<String, String>> entries = applications.get(id);
                out.put("TypeName", req.path("TypeName").asText()).put("InstanceId", id);
                ArrayNode array = out.putArray("Entries");
                if (entries != null) {
                    int size = req.path("MaxResults").asInt(50);
                    int from = req.hasNonNull("NextToken") ? Integer.parseInt(req.get("NextToken").asText()) : 0;
                    out.put("SchemaVersion", "1.1").put("CaptureTime", "2026-11-27T08:00:00Z");
                    entries.subList(from, Math.min(entries.size(), from + size))
                            .forEach(e -> array.add(JSON.valueToTree(e)));
                    if (from + size < entries.size()) {
                        out.put("NextToken", Integer.toString(from + size));
                    }
                }
            }
            case "ListTagsForResource" -> {
                String id = req.path("ResourceId").asText();
                ArrayNode tags = out.putArray("TagList");
                nodesOf(region).stream().filter(n -> n.id().equals(id)).findFirst().ifPresent(n -> n.tags()
                        .forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v)));
            }
            default -> {
                return new Canned(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"InvalidAction\",\"message\":\"" + operation + " is not supported here\"}");
            }
        }
        return new Canned(200, "application/x-amz-json-1.1", JSON.writeValueAsString(out));
    }

    private List<Node> nodesOf(String region) {
        synchronized (nodes) {
            return nodes.stream().filter(n -> n.region().equals(region)).toList();
        }
    }

    private void describeInstanceInformation(String region, JsonNode req, ObjectNode out) {
        Map<String, List<String>> filters = new TreeMap<>();
        req.path("Filters").forEach(f -> {
            List<String> values = new ArrayList<>();
            f.path("Values").forEach(v -> values.add(v.asText()));
            filters.put(f.path("Key").asText(), values);
        });
        List<Node> matching = nodesOf(region).stream().filter(n -> filters.entrySet().stream().allMatch(f ->
                switch (f.getKey()) {
                    case "InstanceIds" -> f.getValue().contains(n.id());
                    case "ResourceType" -> f.getValue().contains(n.resourceType());
                    default -> f.getKey().startsWith("tag:")
                            && f.getValue().contains(n.tags().get(f.getKey().substring(4)));
                })).toList();
        int from = req.hasNonNull("NextToken") ? Integer.parseInt(req.get("NextToken").asText()) : 0;
        int size = ssmPageSize;
        ArrayNode list = out.putArray("InstanceInformationList");
        for (Node n : matching.subList(Math.min(from, matching.size()), Math.min(from + size, matching.size()))) {
            ObjectNode o = list.addObject();
            o.put("InstanceId", n.id()).put("PingStatus", n.pingStatus()).put("LastPingDateTime", 1.7945E9)
                    .put("PlatformType", n.platformType()).put("PlatformName", n.platformName())
                    .put("PlatformVersion", n.platformVersion()).put("ResourceType", n.resourceType())
                    .put("AgentVersion", "3.3.0.0").put("ComputerName", "host-" + n.id());
            if (n.name() != null) {
                o.put("Name", n.name());
            }
        }
        if (from + size < matching.size()) {
            out.put("NextToken", Integer.toString(from + size));
        }
    }

    /** Where PowerShell 7 is installed on this machine, if it is. */
    @Nullable
    static Path pwsh() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "pwsh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Runs a command as the SSM Agent runs AWS-RunShellScript (the lines as one sh script) or AWS-RunPowerShellScript
     * (as one .ps1 script, with PowerShell 7 when this machine has it; without it the command fails, as on a node
     * without PowerShell).
     */
    private Invocation execute(String instanceId, String script, boolean powerShell) throws IOException {
        Path pwsh = pwsh();
        if (powerShell && pwsh == null) {
            return new Invocation(instanceId, "Failed", 127, "", "powershell: not installed on this test agent");
        }
        Path file = Files.createTempFile(agentHome, "_script", powerShell ? ".ps1" : ".sh");
        Files.writeString(file, script);
        ProcessBuilder pb = powerShell
                ? new ProcessBuilder(pwsh.toString(), "-NoProfile", "-NonInteractive", "-File", file.toString())
                : new ProcessBuilder("sh", file.toString());
        pb.environment().put("TMPDIR", agentHome.toString());
        pb.environment().putAll(agentEnv);
        pb.environment().putAll(instanceEnv.getOrDefault(instanceId, Map.of()));
        Path stdout = Files.createTempFile(agentHome, "_stdout", "");
        Path stderr = Files.createTempFile(agentHome, "_stderr", "");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Invocation(instanceId, "TimedOut", -1, "", "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = Files.readString(stdout);
        String err = Files.readString(stderr);
        Files.delete(file);
        Files.delete(stdout);
        Files.delete(stderr);
        UnaryOperator<String> change = tamper.get(instanceId);
        if (change != null) {
            out = change.apply(out);
        }
        out = out.length() > STDOUT_LIMIT ? out.substring(0, STDOUT_LIMIT) : out;
        err = err.length() > STDERR_LIMIT ? err.substring(0, STDERR_LIMIT) : err;
        int code = p.exitValue();
        return new Invocation(instanceId, code == 0 ? "Success" : "Failed", code, out, err);
    }
}

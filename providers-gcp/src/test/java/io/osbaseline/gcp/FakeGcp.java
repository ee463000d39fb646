package io.osbaseline.gcp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Compute Engine and OS Config on 127.0.0.1, speaking their REST JSON: the real SDK clients of {@link GcpProvider}
 * talk to it. Responses are scripted per path and page token; several scripted for one key are served in turn, the
 * last one again and again (so "429, then 200" is two). A request nobody scripted gets 501 and fails the test that
 * made it.
 */
final class FakeGcp implements AutoCloseable {
    /** Short SDK retries, so that a throttling test takes milliseconds. */
    static final RetrySettings FAST_RETRIES = RetrySettings.newBuilder()
            .setInitialRetryDelayDuration(Duration.ofMillis(1))
            .setRetryDelayMultiplier(1.0)
            .setMaxRetryDelayDuration(Duration.ofMillis(1))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(10))
            .setTotalTimeoutDuration(Duration.ofSeconds(20))
            .setMaxAttempts(3)
            .build();

    record Request(String path, Map<String, String> query) {
        String param(String name) {
            return query.get(name);
        }
    }

    private record Response(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Deque<Response>> scripted = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeGcp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A provider of {@code projects} whose clients talk to this server, without credentials. */
    GcpProvider.Builder provider(String... projects) {
        return GcpProvider.builder()
                .projects(List.of(projects))
                .credentials(NoCredentialsProvider.create())
                .computeEndpoint(endpoint())
                .osConfigEndpoint(endpoint())
                .retrySettings(FAST_RETRIES);
    }

    /** Scripts the answer to GET {@code path} with no page token. */
    FakeGcp on(String path, int status, String body) {
        return on(path, null, status, body);
    }

    /** Scripts the answer to GET {@code path} with {@code pageToken} (null: none). */
    FakeGcp on(String path, String pageToken, int status, String body) {
        scripted.computeIfAbsent(key(path, pageToken), k -> new ArrayDeque<>()).add(new Response(status, body));
        return this;
    }

    /** The requests served so far, in order. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests to {@code path}. */
    List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static String key(String path, String pageToken) {
        return path + "#" + (pageToken == null ? "" : pageToken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(new Request(path, query));
        Response response;
        Deque<Response> queue = scripted.get(key(path, query.get("pageToken")));
        if (!"GET".equals(exchange.getRequestMethod()) || queue == null) {
            response = new Response(501, GcpJson.error(501, "fake server: nothing scripted for "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI(), "UNIMPLEMENTED"));
        } else {
            synchronized (queue) {
                response = queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
            }
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(name), decode(value));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

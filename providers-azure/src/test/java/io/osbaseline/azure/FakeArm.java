package io.osbaseline.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * A stand-in for Azure Resource Manager on 127.0.0.1: a JDK HTTP server that answers the routes a test declares, with
 * bodies shaped like the real API's, and records every request. The Azure environment it hands out says
 * {@code https://127.0.0.1:PORT/} (the SDK's token policy refuses plain http); {@link #httpClient()} rewrites to http
 * just before the wire, so that the production pipeline runs unchanged.
 */
final class FakeArm implements AutoCloseable {
    static final String SUB = "00000000-0000-0000-0000-000000000001";

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeArm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients are configured with (https; see the class comment). */
    String base() {
        return "https://127.0.0.1:" + port() + "/";
    }

    /** The plain-http base URL of this server, for URLs the SDK does not authenticate (blob SAS URLs). */
    String httpBase() {
        return "http://127.0.0.1:" + port() + "/";
    }

    AzureProfile profile() {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base());
        return new AzureProfile("tenant-1", SUB, new AzureEnvironment(endpoints));
    }

    static TokenCredential credential() {
        return ctx -> Mono.just(new AccessToken("test-token", OffsetDateTime.now().plusHours(1)));
    }

    /** A Netty client that sends https://127.0.0.1 requests as plain http to the same port. */
    static HttpClient httpClient() {
        HttpClient real = new NettyAsyncHttpClientBuilder().build();
        return new HttpClient() {
            private HttpRequest downgrade(HttpRequest r) {
                return r.setUrl(r.getUrl().toString().replaceFirst("^https://127\\.0\\.0\\.1:", "http://127.0.0.1:"));
            }

            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                return real.send(downgrade(request));
            }

            @Override
            public Mono<HttpResponse> send(HttpRequest request, Context context) {
                return real.send(downgrade(request), context);
            }

            @Override
            public HttpResponse sendSync(HttpRequest request, Context context) {
                return real.sendSync(downgrade(request), context);
            }
        };
    }

    /**
     * Answers {@code method} requests whose path (leading slashes collapsed) matches {@code pathRegex}; the route
     * declared last is tried first, and a handler that returns null passes the request to the routes before it.
     */
    FakeArm on(String method, String pathRegex, Handler handler) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), handler));
        return this;
    }

    /** Answers with a fixed JSON body. */
    FakeArm json(String method, String pathRegex, String body) {
        return on(method, pathRegex, r -> Reply.json(200, body));
    }

    List<Call> calls() {
        return Collections.unmodifiableList(new ArrayList<>(calls));
    }

    List<Call> calls(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE);
        return calls.stream().filter(c -> c.method.equals(method) && p.matcher(c.path).matches()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath().replaceFirst("^/+", "/");
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Call call = new Call(method, path, query, body, exchange.getRequestHeaders().getFirst("Authorization"),
                    System.nanoTime());
            calls.add(call);
            Reply reply = null;
            for (Route route : routes) {
                Matcher m = route.path.matcher(path);
                if (route.method.equals(method) && m.matches()) {
                    reply = route.handler.handle(new Request(call, m));
                    if (reply != null) {
                        break;
                    }
                }
            }
            if (reply == null) {
                reply = Reply.json(404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"no route for "
                        + method + " " + path + "\"}}");
            }
            byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
            reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (!reply.headers.containsKey("Content-Type")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("test route failed", e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                q.put(k, v);
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** One request the server received. */
    record Call(String method, String path, Map<String, String> query, String body, String authorization,
            long receivedAtNanos) {
        JsonNode json() {
            try {
                return ArmRest.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A request handed to a route, with the route's regex groups. */
    record Request(Call call, Matcher match) {
        String group(int i) {
            return match.group(i);
        }
    }

    /** What a route answers. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Request request);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }
}

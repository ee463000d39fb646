package io.osbaseline.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.annotation.CheckForNull;
import javax.annotation.Nullable;

/**
 * REST calls to Azure Resource Manager for the APIs that have no Java SDK here (Arc machines, guest configuration,
 * managed run commands), sent through the same {@link HttpPipeline} as the SDK's own calls: the same credential, retry
 * policy (429 with Retry-After, 5xx) and logging. Bodies are read as {@link JsonNode}s.
 */
final class ArmRest {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_SHOWN_BODY = 300;

    private final HttpPipeline pipeline;
    private final String endpoint;

    /**
     * @param pipeline the pipeline that authenticates and retries
     * @param resourceManagerEndpoint the ARM endpoint, for example {@code https://management.azure.com/}
     */
    ArmRest(HttpPipeline pipeline, String resourceManagerEndpoint) {
        this.pipeline = pipeline;
        this.endpoint = resourceManagerEndpoint.endsWith("/") ? resourceManagerEndpoint : resourceManagerEndpoint + "/";
    }

    /** The absolute URL of an ARM path such as {@code /subscriptions/S/providers/...?api-version=V}. */
    String url(String path) {
        return endpoint + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** GETs a JSON document. */
    JsonNode get(String url) throws ArmCallException {
        return send(HttpMethod.GET, url, null);
    }

    /** PUTs a JSON document and returns the response's. */
    JsonNode put(String url, JsonNode body) throws ArmCallException {
        return send(HttpMethod.PUT, url, body);
    }

    /** DELETEs a resource; a 404 counts as done. */
    void delete(String url) throws ArmCallException {
        try {
            send(HttpMethod.DELETE, url, null);
        } catch (ArmCallException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * The items of a list API ({@code {"value":[...],"nextLink":"..."}}), page after page, each page fetched only when
     * the previous one is used up. A page that fails surfaces as {@link PageFailure}.
     */
    Iterator<JsonNode> list(String firstPageUrl) {
        return new Iterator<>() {
            private @Nullable String next = firstPageUrl;
            private Iterator<JsonNode> page = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && next != null) {
                    String url = next;
                    JsonNode body;
                    try {
                        body = get(url);
                    } catch (ArmCallException e) {
                        throw new PageFailure(e);
                    }
                    JsonNode value = body.path("value");
                    if (!value.isArray()) {
                        throw new PageFailure(new ArmCallException("malformed list page from GET " + url
                                + ": no \"value\" array", 200, null, null));
                    }
                    page = value.elements();
                    JsonNode link = body.path("nextLink");
                    next = link.isTextual() && !link.asText().isBlank() ? link.asText() : null;
                }
                return page.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    private JsonNode send(HttpMethod method, String url, @CheckForNull JsonNode body) throws ArmCallException {
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString());
        }
        String text;
        int status;
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            status = response.getStatusCode();
            byte[] bytes = response.getBodyAsBinaryData() == null ? new byte[0]
                    : response.getBodyAsBinaryData().toBytes();
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new ArmCallException(method + " " + url + " failed: " + e.getMessage(), 0, null, e);
        }
        if (status >= 400) {
            throw error(method, url, status, text);
        }
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ArmCallException("malformed JSON from " + method + " " + url + " (HTTP " + status + "): "
                    + e.getOriginalMessage() + "; body starts with: " + shorten(text), status, null, e);
        }
    }

    private static ArmCallException error(HttpMethod method, String url, int status, String text) {
        String code = null;
        String message = null;
        try {
            JsonNode error = JSON.readTree(text).path("error");
            code = error.path("code").isTextual() ? error.path("code").asText() : null;
            message = error.path("message").isTextual() ? error.path("message").asText() : null;
        } catch (JsonProcessingException e) {
            // not an ARM error body: show its start instead
        }
        String said = code != null || message != null ? (code == null ? "" : code + ": ") + (message == null ? "" : message)
                : shorten(text);
        return new ArmCallException(method + " " + url + " answered HTTP " + status + (said.isBlank() ? "" : ": " + said),
                status, code, null);
    }

    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SHOWN_BODY ? oneLine : oneLine.substring(0, MAX_SHOWN_BODY) + "...";
    }

    /** A list page failed while the items were being iterated. */
    static final class PageFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PageFailure(ArmCallException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized ArmCallException getCause() {
            return (ArmCallException) super.getCause();
        }
    }
}

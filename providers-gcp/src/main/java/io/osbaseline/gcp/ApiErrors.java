package io.osbaseline.gcp;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.httpjson.RestSerializationException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import javax.annotation.CheckForNull;

/** Turns SDK errors into reasons a user can act on. */
final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * The status code and the service's own message ({@code error.message} of its JSON error body) and, for the codes
     * a user can fix, what to do; for a body the SDK could not parse, where the parser stopped.
     *
     * @param permissionHint the permission and role that grant the call, named on PERMISSION_DENIED
     */
    static String describe(RuntimeException e, String permissionHint) {
        Throwable unreadable = find(e, RestSerializationException.class);
        if (unreadable != null) {
            // the parser's own message (the cause) says what it met, and where for a syntax error
            return "unreadable response: " + firstLine(unreadable.getCause() != null ? unreadable.getCause()
                    : unreadable);
        }
        if (!(e instanceof ApiException api)) {
            return "unexpected error: " + e;
        }
        StatusCode.Code code = api.getStatusCode().getCode();
        String serviceMessage = serviceMessage(find(e, HttpResponseException.class));
        String reason = code + ": " + (serviceMessage != null ? serviceMessage : firstLine(e));
        return switch (code) {
            case PERMISSION_DENIED -> reason + " (the credentials need " + permissionHint + ")";
            case UNAUTHENTICATED -> reason + " (check the Application Default Credentials: "
                    + "gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS)";
            default -> reason;
        };
    }

    /** {@code error.message} of a Google JSON error body, or null when the body is not one. */
    @CheckForNull
    private static String serviceMessage(@CheckForNull HttpResponseException http) {
        if (http == null || http.getContent() == null) {
            return null;
        }
        try {
            JsonElement body = JsonParser.parseString(http.getContent());
            if (body.isJsonObject() && body.getAsJsonObject().get("error") instanceof JsonObject error
                    && error.get("message") != null && error.get("message").isJsonPrimitive()) {
                return error.get("message").getAsString();
            }
        } catch (JsonParseException notJson) {
            // a proxy's HTML page, for example: the status line says enough
        }
        return null;
    }

    @CheckForNull
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

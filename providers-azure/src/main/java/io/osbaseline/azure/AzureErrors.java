package io.osbaseline.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;

/** Turns the SDK's exceptions into one line that says what Azure answered. */
final class AzureErrors {
    private AzureErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof ManagementException m && m.getValue() != null) {
            String code = m.getValue().getCode();
            String message = m.getValue().getMessage();
            return "HTTP " + m.getResponse().getStatusCode() + (code == null ? "" : " " + code)
                    + (message == null ? "" : ": " + message);
        }
        if (e instanceof HttpResponseException h && h.getResponse() != null) {
            return "HTTP " + h.getResponse().getStatusCode() + ": " + firstLine(h.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        return root == e || root.getMessage() == null ? message : message + " (" + firstLine(root.getMessage()) + ")";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

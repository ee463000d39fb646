package io.osbaseline.aws;

import javax.annotation.CheckForNull;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into the short reasons reports show. */
final class AwsErrors {
    /** How the SDK's default credentials chain starts its message when no provider in it has credentials. */
    private static final String NO_CREDENTIALS = "Unable to load credentials";
    private AwsErrors() {
    }

    /** {@code Code: message (HTTP 400)} for a service error, the client's message otherwise. */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null ? null : details.errorMessage();
            StringBuilder s = new StringBuilder();
            s.append(code == null ? "error" : code);
            if (message != null && !message.isBlank()) {
                s.append(": ").append(message.strip());
            }
            return s.append(" (HTTP ").append(service.statusCode()).append(')').toString();
        }
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        if (message.startsWith(NO_CREDENTIALS)) {
            return "no AWS credentials found: give the option profile=NAME, set AWS_PROFILE or AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, or run where an instance or container role applies (" + message + ")";
        }
        return message;
    }

    /** The service's error code, or null for a client-side error. */
    @CheckForNull
    static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return null;
    }
}

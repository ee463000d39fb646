package io.osbaseline.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import io.osbaseline.provider.SnapshotException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence through a blob: one managed run command writes the collector's whole standard output to an append blob in
 * a container the user gives as a SAS URL (permissions: create, write, read, and delete to clean up), and prints the
 * evidence's length and SHA-256 on standard error. The provider downloads the blob without its ARM credential,
 * verifies it and deletes it. One run per machine, however large the evidence.
 */
final class BlobTransport extends EvidenceTransport {
    private static final Logger LOG = LoggerFactory.getLogger(BlobTransport.class);

    private final String containerSasUrl;
    private final HttpPipeline anonymous;
    private final Duration timeout;

    /**
     * @param containerSasUrl the container's URL with a SAS query, for example
     *     {@code https://acct.blob.core.windows.net/evidence?sv=...&sig=...}
     */
    BlobTransport(String containerSasUrl, HttpPipeline anonymous, Duration timeout) {
        int q = containerSasUrl.indexOf('?');
        if (q < 0 || !containerSasUrl.startsWith("http")) {
            throw new IllegalArgumentException("not a container SAS URL (https://ACCOUNT.blob.core.windows.net/"
                    + "CONTAINER?SAS): " + redact(containerSasUrl));
        }
        this.containerSasUrl = containerSasUrl;
        this.anonymous = anonymous;
        this.timeout = timeout;
    }

    @Override
    byte[] fetch(RemoteShell shell, ShellDialect dialect, String collectorScript, String what)
            throws SnapshotException {
        if (!shell.supportsOutputBlob()) {
            throw new IllegalStateException("blob transport needs a managed run command");
        }
        String name = "osbaseline-" + UUID.randomUUID();
        int q = containerSasUrl.indexOf('?');
        String blobUrl = containerSasUrl.substring(0, q).replaceAll("/+$", "") + "/" + name + ".b64"
                + containerSasUrl.substring(q);
        String file = name + ".b64";
        String script = dialect.collect(collectorScript, file, true) + dialect.emit(file) + dialect.cleanup(file);
        RemoteShell.Output out = shell.run(script, blobUrl, timeout);
        Header header = header(out.stderr(), out.stderr(), what);
        try {
            return verify(download(blobUrl, what), header, what);
        } finally {
            delete(blobUrl, what);
        }
    }

    private byte[] download(String blobUrl, String what) throws SnapshotException {
        HttpRequest get = new HttpRequest(HttpMethod.GET, blobUrl)
                .setHeader(HttpHeaderName.fromString("x-ms-version"), "2021-12-02");
        try (HttpResponse r = anonymous.sendSync(get, Context.NONE)) {
            if (r.getStatusCode() != 200) {
                throw new SnapshotException("cannot download the evidence of " + what + " from its blob "
                        + redact(blobUrl) + ": HTTP " + r.getStatusCode() + " " + quote(r.getBodyAsBinaryData() == null
                        ? "" : r.getBodyAsBinaryData().toString()));
            }
            return r.getBodyAsBinaryData() == null ? new byte[0] : r.getBodyAsBinaryData().toBytes();
        } catch (RuntimeException e) {
            throw new SnapshotException("cannot download the evidence of " + what + " from its blob "
                    + redact(blobUrl) + ": " + AzureErrors.describe(e), e);
        }
    }

    private void delete(String blobUrl, String what) {
        HttpRequest delete = new HttpRequest(HttpMethod.DELETE, blobUrl)
                .setHeader(HttpHeaderName.fromString("x-ms-version"), "2021-12-02");
        try (HttpResponse r = anonymous.sendSync(delete, Context.NONE)) {
            if (r.getStatusCode() >= 300 && r.getStatusCode() != 404) {
                LOG.warn("could not delete the evidence blob {} of {}: HTTP {}", redact(blobUrl), what,
                        r.getStatusCode());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete the evidence blob {} of {}: {}", redact(blobUrl), what, e.getMessage());
        }
    }

    /** The URL without its SAS signature, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)([?&]sig=)[^&]*", "$1REDACTED");
    }
}

package io.osbaseline.local.linux;

import io.osbaseline.model.CollectorRun;
import io.osbaseline.model.fact.FileLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code file-lines}: the text of small files that rules read line by line and that hold no secrets: the login
 * banners, {@code /etc/inetd.conf} and {@code /etc/sysconfig/sshd} (RHEL's sshd environment, which can override the
 * crypto policy). Absent files emit nothing (see the {@code files} facts).
 */
final class FileLinesCollector implements Collector {
    static final String NAME = "file-lines";
    static final List<String> PATHS = List.of("/etc/issue", "/etc/issue.net", "/etc/motd",
            "/etc/inetd.conf", "/etc/sysconfig/sshd");
    /** These files are small; a larger one is not shipped in a snapshot. */
    static final int MAX_BYTES = 64 * 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorRun collect(CollectorContext ctx) {
        int read = 0;
        for (String path : PATHS) {
            Optional<byte[]> bytes;
            try {
                bytes = ctx.fs().read(path, MAX_BYTES);
            } catch (IOException e) {
                ctx.gap(path, e);
                continue;
            }
            if (bytes.isPresent()) {
                ctx.emit(new FileLines(path, new String(bytes.get(), StandardCharsets.UTF_8).lines().toList()));
                read++;
            }
        }
        return ctx.done(read + " of " + PATHS.size() + " files present (" + String.join(", ", PATHS) + ")");
    }
}

package io.osbaseline.local;

import java.nio.file.FileSystemException;

/**
 * A path whose resolution would leave the root: a {@code ..} above the root, directly or through a symbolic link.
 * The path is refused, never followed; collectors record it as a coverage gap.
 */
public class RootEscapeException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    /**
     * @param path the path inside the root that was being resolved
     * @param reason what would have left the root
     */
    public RootEscapeException(String path, String reason) {
        super(path, null, reason);
    }
}

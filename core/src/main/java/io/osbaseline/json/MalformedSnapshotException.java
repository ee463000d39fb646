package io.osbaseline.json;

import io.osbaseline.provider.SnapshotException;

/** A snapshot JSON document that cannot be read. Names the file, the line and the JSON path of the problem. */
public class MalformedSnapshotException extends SnapshotException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final String jsonPath;

    public MalformedSnapshotException(String source, int line, String jsonPath, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": at " + jsonPath + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.jsonPath = jsonPath;
    }

    /** The file or name of the document. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** Where in the document, for example {@code $.facts[3].mode}. */
    public String jsonPath() {
        return jsonPath;
    }
}

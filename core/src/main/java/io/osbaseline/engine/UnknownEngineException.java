package io.osbaseline.engine;

import java.util.List;

/** No engine with the requested id is on the class path. The message lists those that are. */
public class UnknownEngineException extends EngineException {
    private static final long serialVersionUID = 1L;

    public UnknownEngineException(String id, List<String> available) {
        super(available.isEmpty()
                ? "no engine '" + id + "': no engine is on the class path; add osbaseline-rules-drl"
                : "no engine '" + id + "'; available: " + String.join(", ", available));
    }
}

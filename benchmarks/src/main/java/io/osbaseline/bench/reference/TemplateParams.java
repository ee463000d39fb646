package io.osbaseline.bench.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a templated check's YAML parameters, for the Linux and the Windows kinds alike. */
final class TemplateParams {
    private TemplateParams() {
    }

    /** The parameter {@code name}, which must be there. */
    static String text(JsonNode p, String name) {
        if (!p.hasNonNull(name)) {
            throw new IllegalArgumentException("needs the parameter '" + name + "'");
        }
        return p.get(name).asText();
    }

    /** The parameter {@code name} as a non-empty map of key: value, in YAML order. */
    static Map<String, String> map(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || !v.isObject() || v.isEmpty()) {
            throw new IllegalArgumentException("needs '" + name + "' as a map of key: value");
        }
        Map<String, String> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** The parameter {@code name} as a list; a single value is a list of one. */
    static List<String> list(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("needs the parameter '" + name + "'");
        }
        List<String> l = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(i -> l.add(i.asText()));
        } else {
            l.add(v.asText());
        }
        return l;
    }

    /** The outcome word of parameter {@code name}, or {@code fallback} when it is not given. */
    static ReferenceCheck.Outcome outcome(JsonNode p, String name, ReferenceCheck.Outcome fallback) {
        return ReferenceCheck.Outcome.parse(p.hasNonNull(name) ? p.get(name).asText() : null, fallback);
    }
}

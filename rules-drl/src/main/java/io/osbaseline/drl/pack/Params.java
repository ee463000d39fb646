package io.osbaseline.drl.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.CheckForNull;

/** The parameters of a templated check, with errors that name the rule and the parameter. */
final class Params {
    private final String where;
    private final JsonNode node;

    Params(String where, JsonNode node) {
        this.where = where;
        this.node = node;
    }

    /** A required text parameter. */
    String text(String name) {
        String v = optional(name);
        if (v == null) {
            throw error("needs the parameter '" + name + "'");
        }
        return v;
    }

    @CheckForNull
    String optional(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    String optional(String name, String fallback) {
        String v = optional(name);
        return v == null ? fallback : v;
    }

    /** A required map of text to text, in file order. */
    Map<String, String> map(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isObject() || v.isEmpty()) {
            throw error("needs '" + name + "' as a map of key: value");
        }
        Map<String, String> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** An optional map of text to text. */
    Map<String, String> optionalMap(String name) {
        return node.has(name) ? map(name) : Map.of();
    }

    /** A required list of text; a single text value counts as a list of one. */
    List<String> list(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw error("needs the parameter '" + name + "'");
        }
        List<String> l = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(i -> l.add(i.asText()));
        } else {
            l.add(v.asText());
        }
        if (l.isEmpty()) {
            throw error("needs at least one value in '" + name + "'");
        }
        return l;
    }

    /** What a check does when the thing it looks at is absent: pass, fail, not-applicable or unknown. */
    Outcome outcome(String name, Outcome fallback) {
        String v = optional(name);
        if (v == null) {
            return fallback;
        }
        for (Outcome o : Outcome.values()) {
            if (o.word.equals(v)) {
                return o;
            }
        }
        throw error("'" + name + "' must be one of pass, fail, not-applicable, unknown; got '" + v + "'");
    }

    IllegalStateException error(String message) {
        return new IllegalStateException(where + ": " + message);
    }

    /** A verdict a template gives for a situation, such as an absent file. */
    enum Outcome {
        PASS("pass"), FAIL("fail"), NOT_APPLICABLE("not-applicable"), UNKNOWN("unknown");

        final String word;

        Outcome(String word) {
            this.word = word;
        }

        /** The {@code @unreported} metadata of this outcome with {@code text} as actual value or reason. */
        String unreported(String text) {
            return word + ": " + text;
        }

        /** The DRL consequence reporting this outcome with {@code text} (a Java expression) as actual or reason. */
        String call(String textExpression) {
            return switch (this) {
                case PASS -> "verdicts.pass(drools, " + textExpression + ");";
                case FAIL -> "verdicts.fail(drools, " + textExpression + ");";
                case NOT_APPLICABLE -> "verdicts.notApplicable(drools, " + textExpression + ");";
                case UNKNOWN -> "verdicts.unknown(drools, " + textExpression + ");";
            };
        }
    }
}

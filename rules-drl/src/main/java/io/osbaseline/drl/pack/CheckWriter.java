package io.osbaseline.drl.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.CheckForNull;

/**
 * Writes the DRL rules of one check. The first rule carries the check's metadata; every rule carries its {@code @id},
 * and its {@code @part} and {@code @expect} when it judges a value.
 */
final class CheckWriter {
    private final DrlFile out;
    private final String id;
    private final String baselineId;
    private final Map<String, String> metadata;
    private boolean first = true;

    CheckWriter(DrlFile out, String id, String baselineId, Map<String, String> metadata) {
        this.out = out;
        this.id = id;
        this.baselineId = baselineId;
        this.metadata = metadata;
        out.startCheck(id);
    }

    /**
     * Writes one rule.
     *
     * @param suffix distinguishes the rule from the check's others; empty for the check's main rule
     * @param part the part of the check the rule judges, or null
     * @param expect the expectation {@code verdicts.judge} tests against, or null
     * @param when the conditions
     * @param then the consequence
     */
    void rule(String suffix, @CheckForNull String part, @CheckForNull String expect, String when, String then) {
        rule(suffix, part, expect, null, when, then);
    }

    /**
     * Writes one rule that also says what its part, or its check when it has no part, stands at when no rule reported
     * on it ({@code @unreported}, which the engine records itself).
     *
     * @param unreported {@code "STATUS: TEXT"}, made by {@link Params.Outcome#unreported}; null for none
     */
    void rule(String suffix, @CheckForNull String part, @CheckForNull String expect, @CheckForNull String unreported,
            String when, String then) {
        String name = suffix.isEmpty() ? id : id + " " + suffix;
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("id", id);
        if (first) {
            annotations.putAll(metadata);
            first = false;
        }
        if (part != null) {
            annotations.put("part", part);
        }
        if (expect != null) {
            annotations.put("expect", expect);
        }
        if (unreported != null) {
            annotations.put("unreported", unreported);
        }
        StringBuilder s = new StringBuilder("rule ").append(lit(name)).append('\n');
        annotations.forEach((k, v) -> s.append("    @").append(k).append('(').append(lit(v)).append(")\n"));
        s.append("when\n").append(indent(when)).append("then\n").append(indent(then)).append("end\n\n");
        out.append(s.toString());
    }

    /**
     * Writes a rule that says what it means that {@code part} of the check, or the whole check when {@code part} is
     * null, reported nothing, under conditions of its own (without them, {@code @unreported} says it for less): it
     * matches the {@link io.osbaseline.drl.NoVerdict} the engine then inserts, so that it costs nothing on the
     * machines where the check's other rules reported. Its conditions follow that pattern.
     *
     * @param part the part, which the rules that report on it name too; null for the whole check
     * @param expect the expectation {@code verdicts.judge} tests against, or null
     * @param when further conditions, or empty
     */
    void whenUnreported(String suffix, @CheckForNull String part, @CheckForNull String expect, String when, String then) {
        String none = "NoVerdict( check == " + lit(id) + ", part == " + lit(part == null ? "" : part)
                + ", baseline == " + lit(baselineId) + " )";
        rule(suffix, part, expect, when.isBlank() ? none : none + "\n" + when, then);
    }

    private static String indent(String block) {
        StringBuilder s = new StringBuilder();
        for (String line : block.strip().split("\n")) {
            s.append("    ").append(line.stripTrailing()).append('\n');
        }
        return s.toString();
    }

    /** A DRL (and Java) string literal. */
    static String lit(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Java source of an immutable list of string literals. */
    static String listLit(List<String> values) {
        return "java.util.List.of(" + String.join(", ", values.stream().map(CheckWriter::lit).toList()) + ")";
    }
}

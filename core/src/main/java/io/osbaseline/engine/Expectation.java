package io.osbaseline.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/**
 * An expected value, written the way baselines state them, and the test of an actual value against it. Rules carry
 * expectations as data, so that users can override them without editing rules.
 *
 * <table>
 * <caption>Syntax</caption>
 * <tr><td>{@code = v}, {@code != v}</td><td>equal, not equal: numerically when both sides are integers, else ignoring
 * case</td></tr>
 * <tr><td>{@code < n}, {@code <= n}, {@code > n}, {@code >= n}</td><td>numeric comparison</td></tr>
 * <tr><td>{@code in a|b|c}</td><td>equal to one of the values</td></tr>
 * <tr><td>{@code subset-of a,b,c}</td><td>every comma- or space-separated item of the actual value is one of these</td></tr>
 * <tr><td>{@code contains v}</td><td>one of the comma- or space-separated items is {@code v}</td></tr>
 * <tr><td>{@code matches regex}</td><td>the regular expression matches the whole value</td></tr>
 * <tr><td>{@code set}</td><td>present and not blank</td></tr>
 * <tr><td>{@code A and B}</td><td>both hold</td></tr>
 * </table>
 */
public final class Expectation {
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,\\s]+");

    private enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), SUBSET_OF("subset-of"),
        CONTAINS("contains"), MATCHES("matches"), SET("set");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private record Term(Op op, String operand, @CheckForNull Set<String> items, @CheckForNull Pattern regex,
            @CheckForNull Double number) {
    }

    private final String text;
    private final List<Term> terms;

    private Expectation(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    /**
     * Parses an expectation.
     *
     * @throws IllegalArgumentException with a message that shows the accepted syntax
     */
    public static Expectation parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Term> terms = new ArrayList<>();
        for (String part : text.trim().split("\\s+and\\s+")) {
            terms.add(parseTerm(part.trim(), text));
        }
        return new Expectation(terms.stream().map(Expectation::render).collect(Collectors.joining(" and ")), List.copyOf(terms));
    }

    private static Term parseTerm(String term, String whole) {
        for (Op op : new Op[] {Op.SUBSET_OF, Op.CONTAINS, Op.MATCHES, Op.IN}) {
            if (term.startsWith(op.symbol + " ")) {
                String operand = term.substring(op.symbol.length()).trim();
                return switch (op) {
                    case IN -> new Term(op, operand, lowerSet(operand.split("\\|")), null, null);
                    case SUBSET_OF -> new Term(op, operand, lowerSet(ITEM_SEPARATOR.split(operand)), null, null);
                    case MATCHES -> new Term(op, operand, null, compile(operand, whole), null);
                    default -> new Term(op, operand, null, null, null);
                };
            }
        }
        if (term.equals("set")) {
            return new Term(Op.SET, "", null, null, null);
        }
        for (Op op : new Op[] {Op.LE, Op.GE, Op.NE, Op.LT, Op.GT, Op.EQ}) {
            if (term.startsWith(op.symbol)) {
                String operand = term.substring(op.symbol.length()).trim();
                if (operand.isEmpty()) {
                    break;
                }
                Double number = null;
                if (op != Op.EQ && op != Op.NE) {
                    number = parseNumber(operand);
                    if (number == null) {
                        throw new IllegalArgumentException("bad expectation '" + whole + "': " + op.symbol
                                + " needs a number, got '" + operand + "'");
                    }
                }
                return new Term(op, operand, null, null, number);
            }
        }
        throw new IllegalArgumentException("bad expectation '" + whole + "'; write one of: = v, != v, < n, <= n, > n, "
                + ">= n, in a|b, subset-of a,b, contains v, matches REGEX, set; join several with 'and'");
    }

    private static Pattern compile(String regex, String whole) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad expectation '" + whole + "': " + e.getDescription(), e);
        }
    }

    private static Set<String> lowerSet(String[] values) {
        return Arrays.stream(values).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @CheckForNull
    private static Double parseNumber(String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String render(Term t) {
        return t.op == Op.SET ? "set" : t.op.symbol + " " + t.operand;
    }

    /** Whether {@code actual} meets the expectation; a null actual (absent) meets none. */
    public boolean test(@CheckForNull String actual) {
        if (actual == null) {
            return false;
        }
        for (Term t : terms) {
            if (!test(t, actual.trim())) {
                return false;
            }
        }
        return true;
    }

    private static boolean test(Term t, String actual) {
        return switch (t.op) {
            case EQ -> same(actual, t.operand);
            case NE -> !same(actual, t.operand);
            case LT, LE, GT, GE -> {
                Double a = parseNumber(actual);
                if (a == null) {
                    yield false;
                }
                int c = Double.compare(a, t.number);
                yield switch (t.op) {
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
            }
            case IN -> t.items.contains(actual.toLowerCase(Locale.ROOT)) || t.items.stream().anyMatch(i -> same(actual, i));
            case SUBSET_OF -> !actual.isEmpty() && Arrays.stream(ITEM_SEPARATOR.split(actual))
                    .allMatch(i -> t.items.contains(i.toLowerCase(Locale.ROOT)));
            case CONTAINS -> Arrays.stream(ITEM_SEPARATOR.split(actual)).anyMatch(i -> i.equalsIgnoreCase(t.operand));
            case MATCHES -> t.regex.matcher(actual).matches();
            case SET -> !actual.isBlank();
        };
    }

    private static boolean same(String a, String b) {
        if (isInteger(a) && isInteger(b)) {
            try {
                return Long.parseLong(a) == Long.parseLong(b);
            } catch (NumberFormatException e) {
                return a.equals(b);
            }
        }
        return a.equalsIgnoreCase(b);
    }

    /** Whether {@code s} is an optionally signed run of ASCII digits; without a regex, as every test asks it. */
    private static boolean isInteger(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The expectation in canonical form, for example {@code <= 365}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expectation e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}

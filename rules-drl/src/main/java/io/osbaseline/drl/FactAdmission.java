package io.osbaseline.drl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.base.ValueType;
import org.drools.base.reteoo.NodeTypeEnums;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.ExistsNode;
import org.drools.core.reteoo.NotNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBaseConfiguration;

/**
 * Which facts are worth inserting into a session of one rule base: those some pattern can match, read from the rule
 * network itself, so that it holds for any DRL, built-in or custom. A fact enters the network through the object type
 * nodes of its class and of its supertypes, then passes down chains of alpha nodes, one per constraint of a pattern.
 * At each point of the network:
 *
 * <ul>
 * <li>below a node that tests {@code field == "literal"} (or {@code field in ("a", "b")}) on a String field, only
 *     facts whose field holds that literal (one of them) go on;</li>
 * <li>into an {@code exists Type()} or {@code not Type()} with nothing to join, one fact is as good as many: only
 *     whether there is one counts;</li>
 * <li>anywhere else (a join, the first pattern of a rule, an accumulate, a constraint that is not such an equality),
 *     every fact goes on.</li>
 * </ul>
 *
 * A fact that goes on nowhere is left out, which spares the session a fact handle and a propagation: most of a
 * machine's facts are of this kind (hundreds of installed packages of which rules name a dozen, PAM lines of services
 * no rule reads, the sshd options no rule names). The second case holds only while no rule deletes or changes the
 * facts it matched, which the DRL tells ({@link DrlCompiler#mayChangeFacts}); otherwise every fact goes on there too.
 *
 * <p>Thread-safe; one per rule base, which must not change after this is made. {@link #newPass} makes the state of one
 * assessment.
 */
final class FactAdmission {
    /** {@code f == "a" || f == "b"}, literals without escapes. */
    private static final Pattern LITERAL_ALTERNATIVES =
            Pattern.compile("(\\w+) == \"[^\"\\\\]*\"(?: \\|\\| \\1 == \"[^\"\\\\]*\")*");
    private static final Pattern ALTERNATIVE = Pattern.compile("(\\w+) == \"([^\"\\\\]*)\"");
    /** {@code f in ("a", "b")}, literals without escapes, as the executable model keeps it. */
    private static final Pattern LITERAL_LIST =
            Pattern.compile("(\\w+)\\s+in\\s*\\(\\s*\"[^\"\\\\]*\"(?:\\s*,\\s*\"[^\"\\\\]*\")*\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

    /** Whether a fact that reached a point of the network can go further. */
    private interface Gate {
        Gate ALL = (fact, pass) -> true;
        Gate NONE = (fact, pass) -> false;

        boolean admits(Object fact, Pass pass);
    }

    /**
     * A point below which nodes compare String fields with literals, and where, if {@code existence >= 0}, an
     * unconstrained {@code exists} or {@code not} also takes facts: the first fact of an assessment to reach it.
     */
    private record Literals(List<Function<Object, Object>> fields, List<Map<Object, Gate>> below, int existence)
            implements Gate {
        @Override
        public boolean admits(Object fact, Pass pass) {
            boolean onward = false;
            for (int i = 0; i < fields.size() && !onward; i++) {
                Gate next = below.get(i).get(fields.get(i).apply(fact));
                onward = next != null && next.admits(fact, pass);
            }
            // Any fact admitted here reaches the existence point too: only the first of the pass is needed for it.
            return existence >= 0 ? pass.first(existence) || onward : onward;
        }
    }

    /**
     * What a node lets through: facts whose field, read by {@code reader}, holds one of {@code values}. Nodes that
     * read the same field ({@code key}) share one read.
     */
    private record LiteralTest(Object key, Function<Object, Object> reader, List<String> values) {
    }

    /** The state of one assessment: which existence points already have a fact. Not thread-safe. */
    static final class Pass {
        private final BitSet reached = new BitSet();

        private boolean first(int existence) {
            if (reached.get(existence)) {
                return false;
            }
            reached.set(existence);
            return true;
        }
    }

    private final List<ObjectTypeNode> nodes;
    private final KieBaseConfiguration configuration;
    private final boolean factsMayChange;
    private final AtomicInteger existencePoints = new AtomicInteger();
    private final ClassValue<Gate> gates = new ClassValue<>() {
        @Override
        protected Gate computeValue(Class<?> type) {
            return gateFor(type);
        }
    };

    private FactAdmission(List<ObjectTypeNode> nodes, KieBaseConfiguration configuration, boolean factsMayChange) {
        this.nodes = nodes;
        this.configuration = configuration;
        this.factsMayChange = factsMayChange;
    }

    /**
     * The admission of facts into sessions of {@code ruleBase}, for facts inserted at the default entry point.
     *
     * @param factsMayChange whether some rule may delete or change a fact it matched
     */
    static FactAdmission of(InternalRuleBase ruleBase, boolean factsMayChange) {
        Map<ObjectType, ObjectTypeNode> byType = ruleBase.getRete().getObjectTypeNodes(EntryPointId.DEFAULT);
        return new FactAdmission(byType == null ? List.of() : List.copyOf(byType.values()),
                ruleBase.getConfiguration(), factsMayChange);
    }

    /** The state of one assessment's insertions. */
    Pass newPass() {
        return new Pass();
    }

    /** Whether some pattern of the rule base can match {@code fact}, given the facts of this pass admitted so far. */
    boolean admits(Object fact, Pass pass) {
        return gates.get(fact.getClass()).admits(fact, pass);
    }

    /** Whether some pattern of the rule base can match some fact of {@code type}. */
    boolean matchesType(Class<?> type) {
        return gates.get(type) != Gate.NONE;
    }

    private Gate gateFor(Class<?> type) {
        List<ObjectSink> sinks = new ArrayList<>();
        for (ObjectTypeNode otn : nodes) {
            if (otn.getObjectType() instanceof ClassObjectType cot && cot.getClassType().isAssignableFrom(type)) {
                sinks.addAll(List.of(otn.getObjectSinkPropagator().getSinks()));
            }
        }
        return sinks.isEmpty() ? Gate.NONE : gateBelow(type, sinks);
    }

    /** The gate of a point of the network with these sinks, for facts of {@code type}. */
    private Gate gateBelow(Class<?> type, List<ObjectSink> sinks) {
        List<Object> keys = new ArrayList<>();
        List<Function<Object, Object>> readers = new ArrayList<>();
        List<Map<Object, List<Gate>>> byLiteral = new ArrayList<>();
        boolean existence = false;
        for (ObjectSink sink : sinks) {
            if (existenceOnly(sink)) {
                existence = true;
                continue;
            }
            LiteralTest test = sink instanceof AlphaNode alpha ? literalTest(alpha.getConstraint(), type) : null;
            if (test == null) {
                return Gate.ALL;
            }
            int i = keys.indexOf(test.key());
            if (i < 0) {
                keys.add(test.key());
                readers.add(test.reader());
                byLiteral.add(new HashMap<>());
                i = keys.size() - 1;
            }
            Gate next = gateBelow(type, List.of(((AlphaNode) sink).getObjectSinkPropagator().getSinks()));
            for (String value : test.values()) {
                byLiteral.get(i).computeIfAbsent(value, v -> new ArrayList<>()).add(next);
            }
        }
        List<Map<Object, Gate>> below = new ArrayList<>();
        for (Map<Object, List<Gate>> m : byLiteral) {
            Map<Object, Gate> merged = new HashMap<>();
            m.forEach((value, gates) -> merged.put(value, gates.size() == 1 ? gates.get(0)
                    : (fact, pass) -> gates.stream().anyMatch(g -> g.admits(fact, pass))));
            below.add(merged);
        }
        return new Literals(List.copyOf(readers), List.copyOf(below),
                existence ? existencePoints.getAndIncrement() : -1);
    }

    /** Whether the sink is an {@code exists} or {@code not} that joins nothing, so that one fact is enough for it. */
    private boolean existenceOnly(ObjectSink sink) {
        if (factsMayChange || !(sink instanceof RightInputAdapterNode<?> input)) {
            return false;
        }
        BetaNode node = input.getBetaNode();
        return (node instanceof ExistsNode || node instanceof NotNode) && node.getConstraints().length == 0;
    }

    /**
     * The test of a node that lets through only facts whose String field holds a literal: {@code field == "literal"},
     * or {@code field in ("a", "b")}, which Drools keeps as {@code field == "a" || field == "b"}; null for any other.
     */
    @CheckForNull
    private LiteralTest literalTest(AlphaNodeFieldConstraint constraint, Class<?> type) {
        if (constraint instanceof IndexableConstraint c && c.getConstraintType() == ConstraintTypeOperator.EQUAL
                && c.isIndexable(NodeTypeEnums.AlphaNode, configuration) && c.getField() != null
                && !c.getField().isNull() && c.getField().getValue() instanceof String value
                && c.getFieldExtractor() != null && c.getFieldExtractor().getValueType() == ValueType.STRING_TYPE) {
            ReadAccessor field = c.getFieldExtractor();
            return new LiteralTest(field, field::getValue, List.of(value));
        }
        // The classic compiler keeps "f in (...)" as "f == ... || f == ..."; the executable model keeps the DRL text.
        String text = constraint instanceof MVELConstraint mvel ? mvel.getExpression()
                : constraint instanceof LambdaConstraint lambda ? lambda.getPredicateInformation().getStringConstraint()
                : null;
        if (text == null) {
            return null;
        }
        text = text.strip();
        Matcher m = LITERAL_ALTERNATIVES.matcher(text);
        Pattern literals = ALTERNATIVE;
        if (!m.matches()) {
            m = LITERAL_LIST.matcher(text);
            literals = LITERAL;
        }
        if (m.matches()) {
            Function<Object, Object> reader = stringReader(type, m.group(1));
            if (reader != null) {
                List<String> values = new ArrayList<>();
                Matcher literal = literals.matcher(text);
                while (literal.find()) {
                    values.add(literal.group(literal.groupCount()));
                }
                return new LiteralTest("field " + m.group(1), reader, values);
            }
        }
        return null;
    }

    /** The record component or bean property {@code field} of {@code type}, if it is a public String; else null. */
    @CheckForNull
    private static Function<Object, Object> stringReader(Class<?> type, String field) {
        for (String name : new String[] {field, "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1)}) {
            try {
                Method getter = type.getMethod(name);
                if (getter.getReturnType() == String.class) {
                    MethodHandle handle = MethodHandles.publicLookup().unreflect(getter);
                    return fact -> {
                        try {
                            return handle.invoke(fact);
                        } catch (Throwable e) {
                            throw new IllegalStateException("cannot read " + field + " of " + fact, e);
                        }
                    };
                }
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // not this name: try the next, or admit every fact
            }
        }
        return null;
    }
}

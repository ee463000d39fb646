package io.osbaseline.drl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBaseConfiguration;

/**
 * Which facts are worth inserting into a session of one rule base: those some pattern can match. It is read from the
 * rule network itself, so it holds for any DRL, built-in or custom. A fact enters the network through the object type
 * nodes of its class and of its supertypes, then passes down chains of alpha nodes, one per constraint of a pattern.
 * Where every node below a point tests {@code field == "literal"} on a String field, a fact whose field holds none of
 * those literals stops there and reaches no pattern at all, not even a {@code not}: such facts are left out, which
 * spares the session a fact handle and a propagation each. Most of a machine's facts are of this kind: hundreds of
 * installed packages of which rules name a dozen, PAM lines of services no rule reads. Below any other kind of node
 * (a join, an unconstrained {@code exists Type()}, a constraint that is not such an equality) every fact passes.
 *
 * <p>Thread-safe; one per rule base, which must not change after this is made.
 */
final class FactAdmission {
    /** Whether a fact that reached a point of the network can go further. */
    private interface Gate {
        Gate ALL = fact -> true;
        Gate NONE = fact -> false;

        boolean admits(Object fact);
    }

    /** A point below which every node compares String fields with literals: the fact must match one of them. */
    private record Literals(ReadAccessor[] fields, List<Map<Object, Gate>> below) implements Gate {
        @Override
        public boolean admits(Object fact) {
            for (int i = 0; i < fields.length; i++) {
                Gate next = below.get(i).get(fields[i].getValue(fact));
                if (next != null && next.admits(fact)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<ObjectTypeNode> nodes;
    private final KieBaseConfiguration configuration;
    private final ClassValue<Gate> gates = new ClassValue<>() {
        @Override
        protected Gate computeValue(Class<?> type) {
            return gateFor(type);
        }
    };

    private FactAdmission(List<ObjectTypeNode> nodes, KieBaseConfiguration configuration) {
        this.nodes = nodes;
        this.configuration = configuration;
    }

    /** The admission of facts into sessions of {@code ruleBase}, for facts inserted at the default entry point. */
    static FactAdmission of(InternalRuleBase ruleBase) {
        Map<ObjectType, ObjectTypeNode> byType = ruleBase.getRete().getObjectTypeNodes(EntryPointId.DEFAULT);
        return new FactAdmission(byType == null ? List.of() : List.copyOf(byType.values()),
                ruleBase.getConfiguration());
    }

    /** Whether some pattern of the rule base can match {@code fact}. */
    boolean admits(Object fact) {
        return gates.get(fact.getClass()).admits(fact);
    }

    private Gate gateFor(Class<?> type) {
        List<ObjectSink> sinks = new ArrayList<>();
        for (ObjectTypeNode otn : nodes) {
            if (otn.getObjectType() instanceof ClassObjectType cot && cot.getClassType().isAssignableFrom(type)) {
                sinks.addAll(List.of(otn.getObjectSinkPropagator().getSinks()));
            }
        }
        return sinks.isEmpty() ? Gate.NONE : gateBelow(sinks);
    }

    /** The gate of a point of the network with these sinks. */
    private Gate gateBelow(List<ObjectSink> sinks) {
        List<ReadAccessor> fields = new ArrayList<>();
        List<Map<Object, List<Gate>>> byLiteral = new ArrayList<>();
        for (ObjectSink sink : sinks) {
            if (!(sink instanceof AlphaNode alpha)) {
                return Gate.ALL;
            }
            IndexableConstraint literal = stringLiteral(alpha.getConstraint());
            if (literal == null) {
                return Gate.ALL;
            }
            // Nodes on the same field share one read of it: accessors of one field are equal.
            int i = fields.indexOf(literal.getFieldExtractor());
            if (i < 0) {
                fields.add(literal.getFieldExtractor());
                byLiteral.add(new HashMap<>());
                i = fields.size() - 1;
            }
            byLiteral.get(i).computeIfAbsent(literal.getField().getValue(), v -> new ArrayList<>())
                    .add(gateBelow(List.of(alpha.getObjectSinkPropagator().getSinks())));
        }
        List<Map<Object, Gate>> below = new ArrayList<>();
        for (Map<Object, List<Gate>> m : byLiteral) {
            Map<Object, Gate> merged = new HashMap<>();
            m.forEach((value, gates) -> merged.put(value, gates.size() == 1 ? gates.get(0)
                    : fact -> gates.stream().anyMatch(g -> g.admits(fact))));
            below.add(merged);
        }
        return new Literals(fields.toArray(ReadAccessor[]::new), List.copyOf(below));
    }

    /** The constraint, if it is {@code stringField == "literal"}; null for any other. */
    @CheckForNull
    private IndexableConstraint stringLiteral(AlphaNodeFieldConstraint constraint) {
        if (constraint instanceof IndexableConstraint c && c.getConstraintType() == ConstraintTypeOperator.EQUAL
                && c.isIndexable(NodeTypeEnums.AlphaNode, configuration) && c.getField() != null
                && !c.getField().isNull() && c.getField().getValue() instanceof String
                && c.getFieldExtractor() != null && c.getFieldExtractor().getValueType() == ValueType.STRING_TYPE) {
            return c;
        }
        return null;
    }
}

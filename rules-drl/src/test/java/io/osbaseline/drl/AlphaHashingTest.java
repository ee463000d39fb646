package io.osbaseline.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.osbaseline.engine.BaselineEngine;
import io.osbaseline.engine.EngineException;
import io.osbaseline.engine.RuleSource;
import io.osbaseline.model.OsFamily;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.OsRelease;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.UserAccount;
import io.osbaseline.model.fact.UserGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.junit.jupiter.api.Test;

/**
 * Guards alpha-node hashing over the real compiled rule bases. When a pattern starts with {@code field == "literal"}
 * on a String or int field, Drools finds the patterns a fact can match with one hash probe; when it starts with
 * anything else (another operator, an enum, a method call), the pattern's node is tested one by one for every fact of
 * that type, which measured 25 to 45 times slower. A template or rule that loses hashing fails here, naming the
 * constraint and the rules.
 */
class AlphaHashingTest {
    /** Drools' own hashing threshold: fewer nodes than this on a type cost no more scanned than hashed. */
    private static final int MAX_SCANNED = 3;

    /**
     * Fact types a snapshot holds one or tens of, never thousands: rules on them are about states (an account's
     * password is an enum), written with {@code in} and {@code ||} (which distribution is this? which role has this
     * machine?), or ask whether a registry value lies in a captured scope (one scope per exported key or policy delete
     * marker), which no hash can answer. {@code AssessBenchmark} measures what testing them one by one costs.
     */
    private static final Set<String> FEW_PER_MACHINE = Set.of(OsRelease.class.getSimpleName(),
            MachineRole.class.getSimpleName(), UserAccount.class.getSimpleName(), UserGroup.class.getSimpleName(),
            RegistryScope.class.getSimpleName());

    /** An alpha node that every fact of its type is tested against one by one. */
    record Scanned(String type, String constraint, String rules) {
        @Override
        public String toString() {
            return type + ": " + constraint + " (" + rules + ")";
        }
    }

    /** The alpha nodes directly under each object type node that are not reached through the hash index. */
    static List<Scanned> scanned(InternalRuleBase ruleBase) {
        List<Scanned> out = new ArrayList<>();
        for (ObjectTypeNode otn : ruleBase.getRete().getObjectTypeNodes(EntryPointId.DEFAULT).values()) {
            ObjectSinkPropagator p = otn.getObjectSinkPropagator();
            List<ObjectSink> linear = new ArrayList<>();
            if (p instanceof CompositeObjectSinkAdapter c) {
                addAll(linear, c.getOthers());
                addAll(linear, c.getHashableSinks());
                addAll(linear, c.getRangeIndexableSinks());
            } else {
                linear.addAll(Arrays.asList(p.getSinks()));
            }
            for (ObjectSink sink : linear) {
                if (sink instanceof AlphaNode alpha) {
                    out.add(new Scanned(typeName(otn), alpha.getConstraint().toString(),
                            Arrays.stream(alpha.getAssociatedRules()).map(r -> r.getName())
                                    .collect(Collectors.joining(", "))));
                }
            }
        }
        return out;
    }

    private static String typeName(ObjectTypeNode otn) {
        return otn.getObjectType() instanceof ClassObjectType c ? c.getClassType().getSimpleName()
                : otn.getObjectType().toString();
    }

    private static void addAll(List<ObjectSink> to, List<? extends ObjectSink> from) {
        if (from != null) {
            to.addAll(from);
        }
    }

    /**
     * The types whose facts would be tested against more than {@value #MAX_SCANNED} alpha nodes one by one, except
     * those a snapshot holds few of.
     */
    static List<String> violations(InternalRuleBase ruleBase) {
        return scanned(ruleBase).stream().filter(s -> !FEW_PER_MACHINE.contains(s.type()))
                .collect(Collectors.groupingBy(Scanned::type)).values().stream()
                .filter(nodes -> nodes.size() > MAX_SCANNED)
                .map(nodes -> nodes.get(0).type() + " has " + nodes.size() + " patterns scanned one by one:\n    "
                        + nodes.stream().map(n -> n.constraint() + " in " + n.rules())
                        .collect(Collectors.joining("\n    ")))
                .toList();
    }

    private static DroolsEngine everyBuiltInBaseline() {
        try {
            return (DroolsEngine) BaselineEngine.builder().build();
        } catch (EngineException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBuiltInRuleBaseReachesItsPatternsThroughTheHashIndex() {
        DroolsEngine engine = everyBuiltInBaseline();
        int ruleBases = 0;
        for (OsFamily family : OsFamily.values()) {
            FamilyRuleBase base = engine.ruleBase(family);
            if (base == null) {
                continue;
            }
            ruleBases++;
            assertThat(violations(base.kieBase()))
                    .as("start every pattern with a String or int field compared to a literal, for example "
                            + "Sysctl( key == \"kernel.randomize_va_space\", ... ), never with another operator, an "
                            + "enum or a method call (see rules-drl/README.md)")
                    .isEmpty();
        }
        assertThat(ruleBases).isPositive();
    }

    @Test
    void theLinuxRuleBaseIsReallyHashed() {
        InternalRuleBase linux = everyBuiltInBaseline().ruleBase(OsFamily.LINUX).kieBase();
        List<String> hashedTypes = new ArrayList<>();
        for (ObjectTypeNode otn : linux.getRete().getObjectTypeNodes(EntryPointId.DEFAULT).values()) {
            if (otn.getObjectSinkPropagator() instanceof CompositeObjectSinkAdapter c && c.getHashedSinkMap() != null
                    && !c.getHashedSinkMap().isEmpty()) {
                hashedTypes.add(typeName(otn));
            }
        }
        assertThat(hashedTypes).contains("Sysctl", "InstalledPackage", "FileInfo");
    }

    @Test
    void theGuardCatchesPatternsThatLoseHashing() throws EngineException {
        StringBuilder drl = new StringBuilder("""
                package com.acme.slow;
                import io.osbaseline.model.fact.*;
                global io.osbaseline.drl.Verdicts verdicts;
                """);
        for (int i = 0; i < 5; i++) {
            // The literal test comes second: Drools cannot hash these, every Sysctl is tested against each.
            drl.append("rule \"slow ").append(i).append("\" @id(\"S-").append(i).append("\") @severity(\"Warning\")\n")
                    .append("when Sysctl( value != \"v").append(i).append("\", key == \"k").append(i)
                    .append("\" )\n")
                    .append("then verdicts.fail(drools, \"x\"); end\n");
        }
        DroolsEngine slow = (DroolsEngine) BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("slow.drl", drl.toString())).build();
        List<String> violations = violations(slow.ruleBase(OsFamily.LINUX).kieBase());
        assertThat(violations).singleElement().asString().contains("Sysctl has 5 patterns scanned one by one")
                .contains("value != \"v3\"").contains("slow 3");

        String fast = drl.toString().replaceAll("Sysctl\\( (value != \"v\\d\"), (key == \"k\\d\") \\)",
                "Sysctl( $2, $1 )");
        DroolsEngine hashed = (DroolsEngine) BaselineEngine.builder().withoutBuiltInBaselines()
                .rules(RuleSource.text("fast.drl", fast)).build();
        assertThat(violations(hashed.ruleBase(OsFamily.LINUX).kieBase())).isEmpty();
    }
}

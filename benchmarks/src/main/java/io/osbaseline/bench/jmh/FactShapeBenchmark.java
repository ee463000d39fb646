package io.osbaseline.bench.jmh;

import io.osbaseline.model.fact.SshdOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fact shapes, measured on Drools alone: the same checks of one machine's sshd options, written against one small
 * fact per option ({@code SshdOption( key == "x" )}, what osbaseline's collectors emit) or against one rich fact
 * holding all options in a map ({@code Map( this["x"] ... )}), each with its absence rule. Fewer facts mean fewer
 * inserts, but the map lookups cannot be hashed: every check is tested against the fact one by one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FactShapeBenchmark {
    /** Options on the machine (a RHEL 9 sshd has 40 with defaults); a check reads every other one. */
    @Param({"40", "400"})
    public int options;

    private KieSessionsPool typed;
    private KieSessionsPool rich;
    private List<SshdOption> optionFacts;
    private Map<String, String> optionMap;

    @Setup(Level.Trial)
    public void setUp() {
        StringBuilder typedDrl = new StringBuilder(header());
        StringBuilder richDrl = new StringBuilder(header());
        for (int i = 0; i < options; i += 2) {
            typedDrl.append(rule("t" + i, "SshdOption( key == \"opt" + i + "\", value != \"v" + i + "\" )"))
                    .append(rule("t" + i + " unset", "not SshdOption( key == \"opt" + i + "\" )"));
            richDrl.append(rule("r" + i, "Map( this[\"opt" + i + "\"] != null, this[\"opt" + i + "\"] != \"v" + i
                            + "\" )"))
                    .append(rule("r" + i + " unset", "Map( this[\"opt" + i + "\"] == null )"));
        }
        typed = compile(typedDrl.toString()).newKieSessionsPool(1);
        rich = compile(richDrl.toString()).newKieSessionsPool(1);
        optionFacts = new ArrayList<>();
        optionMap = new HashMap<>();
        for (int i = 0; i < options; i++) {
            // every third option deviates from the expected value, every tenth is unset
            if (i % 10 == 9) {
                continue;
            }
            String value = i % 3 == 0 ? "bad" : "v" + i;
            optionFacts.add(new SshdOption("opt" + i, value, "sshd_config"));
            optionMap.put("opt" + i, value);
        }
        int typedHits = fire(typed, optionFacts);
        int richHits = fire(rich, List.of(optionMap));
        if (typedHits != richHits) {
            throw new IllegalStateException("the two shapes disagree: " + typedHits + " vs " + richHits);
        }
    }

    private static String header() {
        return "package shapes;\nimport io.osbaseline.model.fact.SshdOption;\nimport java.util.Map;\n"
                + "global java.util.List hits;\n";
    }

    private static String rule(String name, String when) {
        return "rule \"" + name + "\" when " + when + " then hits.add(\"" + name + "\"); end\n";
    }

    private static KieBase compile(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        org.drools.kiesession.rulebase.InternalKnowledgeBase kieBase =
                org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }

    private static int fire(KieSessionsPool pool, List<?> facts) {
        KieSession session = pool.newKieSession();
        try {
            List<String> hits = new ArrayList<>();
            session.setGlobal("hits", hits);
            facts.forEach(session::insert);
            session.fireAllRules();
            return hits.size();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public void oneFactPerOption(Blackhole bh) {
        bh.consume(fire(typed, optionFacts));
    }

    @Benchmark
    public void oneFactWithAMap(Blackhole bh) {
        bh.consume(fire(rich, List.of(optionMap)));
    }
}

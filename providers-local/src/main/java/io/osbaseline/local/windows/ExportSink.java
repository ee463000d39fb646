package io.osbaseline.local.windows;

import io.osbaseline.model.fact.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the readers of one machine's exports found, per collector: the facts, the files read, and the problems met.
 * Not thread-safe: one per snapshot.
 */
public final class ExportSink {
    private final Map<String, List<Fact>> facts = new LinkedHashMap<>();
    private final Map<String, Set<String>> sources = new LinkedHashMap<>();
    private final Map<String, List<ExportProblem>> problems = new LinkedHashMap<>();

    /** Records a fact that {@code collector} read. */
    public void add(String collector, Fact fact) {
        facts.computeIfAbsent(collector, c -> new ArrayList<>()).add(fact);
    }

    /** Records that {@code file} was a source of {@code collector}, even if it held no fact. */
    public void source(String collector, String file) {
        sources.computeIfAbsent(collector, c -> new LinkedHashSet<>()).add(file);
    }

    /** Records a problem {@code collector} met. */
    public void problem(String collector, ExportProblem problem) {
        problems.computeIfAbsent(collector, c -> new ArrayList<>()).add(problem);
    }

    /** The facts of one collector, in reading order. */
    public List<Fact> facts(String collector) {
        return facts.getOrDefault(collector, List.of());
    }

    /** The files one collector read. */
    public Set<String> sources(String collector) {
        return sources.getOrDefault(collector, Set.of());
    }

    /** The problems one collector met. */
    public List<ExportProblem> problems(String collector) {
        return problems.getOrDefault(collector, List.of());
    }

    /** Every problem, of every collector. */
    public List<ExportProblem> allProblems() {
        return problems.values().stream().flatMap(List::stream).toList();
    }
}

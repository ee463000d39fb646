package io.osbaseline.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Rules that do not compile, or whose metadata is incomplete. Lists every problem with its resource and line. */
public class RuleCompilationException extends EngineException {
    private static final long serialVersionUID = 1L;
    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    private static String format(List<RuleProblem> problems) {
        String head = problems.size() == 1 ? "1 problem in the rules" : problems.size() + " problems in the rules";
        return head + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

package io.osbaseline.engine;

import javax.annotation.CheckForNull;

/**
 * One problem in a rule source.
 *
 * @param resource the file, classpath resource or name of the source
 * @param line the 1-based line, or 0 when the engine gave none
 * @param rule the rule concerned, when known
 * @param message what is wrong, in the engine's words
 */
public record RuleProblem(String resource, int line, @CheckForNull String rule, String message) {
    @Override
    public String toString() {
        return resource + (line > 0 ? ":" + line : "") + (rule != null ? " (rule \"" + rule + "\")" : "") + ": "
                + message;
    }
}

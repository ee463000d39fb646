package io.osbaseline.drl.pack;

import java.util.Map;
import java.util.TreeMap;

/** DRL text being generated, which remembers the check each line belongs to so errors can name it. */
final class DrlFile {
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, String> checkAtLine = new TreeMap<>();
    private int line = 1;

    DrlFile append(String s) {
        text.append(s);
        s.chars().filter(c -> c == '\n').forEach(c -> line++);
        return this;
    }

    /** Marks that the text from the current line on belongs to {@code checkId}. */
    void startCheck(String checkId) {
        checkAtLine.put(line, checkId);
    }

    String text() {
        return text.toString();
    }

    /** The check each generated line range belongs to, by first line. */
    Map<Integer, String> checkAtLine() {
        return checkAtLine;
    }
}

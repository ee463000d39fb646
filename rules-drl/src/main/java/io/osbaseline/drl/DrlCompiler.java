package io.osbaseline.drl;

import io.osbaseline.engine.RuleCompilationException;
import io.osbaseline.engine.RuleProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/** Compiles DRL texts into one KieBase, and maps Drools' messages back to the sources users know. */
final class DrlCompiler {

    /**
     * One DRL text to compile.
     *
     * @param name how errors name it: a file, a classpath resource, or the pack file it was generated from
     * @param text the DRL
     * @param checkAtLine for generated DRL, the check that starts at each line; empty otherwise
     */
    record Unit(String name, String text, Map<Integer, String> checkAtLine) {
        Unit {
            checkAtLine = new TreeMap<>(checkAtLine);
        }

        /** The 1-based line of {@code rule "name"}, or 0. */
        int lineOf(String ruleName) {
            Matcher m = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"" + Pattern.quote(ruleName) + "\"|'"
                    + Pattern.quote(ruleName) + "'|" + Pattern.quote(ruleName) + "\\s)").matcher(text);
            if (!m.find()) {
                return 0;
            }
            return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        }

        @CheckForNull
        String checkAt(int line) {
            Map.Entry<Integer, String> e = ((TreeMap<Integer, String>) checkAtLine).floorEntry(line);
            return e == null ? null : e.getValue();
        }
    }

    /**
     * The compiled rules.
     *
     * @param kieBase the rule base, shared by every assessment
     * @param units the units by the source path Drools knows them by
     */
    record Compiled(KieBase kieBase, Map<String, Unit> units) {
    }

    private DrlCompiler() {
    }

    static Compiled compile(List<Unit> units, ClassLoader classLoader) throws RuleCompilationException {
        KieServices ks = KieServices.Factory.get();
        // A unique ReleaseId per build: KieRepository is JVM-wide, and a shared id lets concurrent builds collide.
        ReleaseId releaseId = ks.newReleaseId("io.osbaseline.rules", "build-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Unit> byPath = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            // Drools wants a DRL file's folder to match its package.
            String path = packageFolder(units.get(i).text()) + "unit" + i + ".drl";
            byPath.put(path, units.get(i));
            kfs.write("src/main/resources/" + path, units.get(i).text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            Unit unit = byPath.get(stripPrefix(m.getPath()));
            if (unit == null) {
                problems.add(new RuleProblem(String.valueOf(m.getPath()), m.getLine(), null, m.getText()));
            } else {
                problems.add(new RuleProblem(unit.name(), m.getLine(), unit.checkAt(m.getLine()), m.getText().strip()));
            }
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        KieBase kieBase = container.getKieBase();
        // The KieBase stands alone once built; dropping the module keeps the JVM-wide repository from growing.
        ks.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, byPath);
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static String stripPrefix(@CheckForNull String path) {
        if (path == null) {
            return "";
        }
        return path.startsWith("src/main/resources/") ? path.substring("src/main/resources/".length()) : path;
    }
}

package io.osbaseline.drl;

import io.osbaseline.engine.RuleCompilationException;
import io.osbaseline.engine.RuleProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL texts into knowledge packages (the classic DRL build: MVEL constraints, Java consequences compiled by
 * ECJ), and maps Drools' messages back to the sources users know. It compiles custom rules, and packs edited since the
 * build, when an engine is built; at build time it checks the built-in packs before {@link ExecutableModelBuild}
 * compiles them again, to the executable model, since its messages name the pack file, line and check.
 */
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
     * Compiled rules.
     *
     * @param packages the knowledge packages
     * @param units the units by the source path Drools knows them by
     */
    record Compiled(Collection<KiePackage> packages, Map<String, Unit> units) {
        /** The packages, as a bundle that knows whether some consequence may change the facts it matched. */
        PackageBundle bundle() {
            return PackageBundle.of(packages, units.values().stream().anyMatch(u -> mayChangeFacts(u.text())));
        }
    }

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern CHANGE = Pattern.compile("\\b(delete|retract|modify|update)\\s*\\(");

    /**
     * Whether the DRL may delete or change a fact it matched (rather than only report verdicts or insert new facts).
     * Read from the text outside string literals, so it may say yes for a comment or a method of that name, never no
     * for a real call.
     */
    static boolean mayChangeFacts(String drl) {
        return CHANGE.matcher(STRING.matcher(drl).replaceAll("\"\"")).find();
    }

    private DrlCompiler() {
    }

    /** The unit a rule was compiled from, by the source path Drools recorded for it; null when none is known. */
    @CheckForNull
    static Unit unitOf(@CheckForNull String sourcePath, Map<String, Unit> units) {
        if (sourcePath == null) {
            return null;
        }
        for (Map.Entry<String, Unit> e : units.entrySet()) {
            if (sourcePath.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Compiles {@code units} together, resolving fact types and globals through {@code classLoader}.
     *
     * @param tag makes the source paths of this compilation unique among those of one engine
     * @throws RuleCompilationException naming the source, line and check of every error
     */
    static Compiled compile(List<Unit> units, String tag, ClassLoader classLoader) throws RuleCompilationException {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        Map<String, Unit> byPath = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            // A DRL file's folder matches its package, as Drools expects of files in a project.
            String path = packageFolder(units.get(i).text()) + tag + "-unit" + i + ".drl";
            byPath.put(path, units.get(i));
            Resource resource = ResourceFactory.newByteArrayResource(units.get(i).text().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(path);
            builder.add(resource, ResourceType.DRL);
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
            String path = r.getResource() == null ? null : r.getResource().getSourcePath();
            int line = r.getLines() == null || r.getLines().length == 0 ? 0 : Math.max(0, r.getLines()[0]);
            Unit unit = path == null ? null : byPath.get(path);
            if (unit == null) {
                problems.add(new RuleProblem(path == null ? "(rules)" : path, line, null, r.getMessage().strip()));
            } else {
                problems.add(new RuleProblem(unit.name(), line, unit.checkAt(line), r.getMessage().strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new Compiled(builder.getKnowledgePackages(), byPath);
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }
}

package io.osbaseline.drl.pack;

import io.osbaseline.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Generates the DRL of a baseline pack: one DRL text per rule file, one or more DRL rules per check. */
public final class DrlGenerator {
    private static final Map<String, CheckTemplate> TEMPLATES = Stream.of(
                    new SysctlTemplate(), new SshdOptionTemplate(), new SettingTemplate(), new PackageAbsentTemplate(),
                    new PackagePresentTemplate(), new ServiceDisabledTemplate(), new ServiceEnabledTemplate(),
                    new MountOptionTemplate(), new KernelModuleTemplate(), new FilePermissionTemplate(),
                    new FileLinesTemplate(), new PamOptionsTemplate(), new MountOptionAllTemplate(),
                    new ServiceRunningTemplate(), new LegacyServiceTemplate(), new FilesPermissionTemplate(),
                    new RegistryValueTemplate(), new SecurityPolicyTemplate(), new AuditPolicyTemplate(),
                    new UserRightTemplate(), new DeviceStateTemplate())
            .collect(Collectors.toMap(CheckTemplate::kind, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    /**
     * Generated DRL.
     *
     * @param resource the YAML file it was generated from
     * @param text the DRL
     * @param checkAtLine the check id that starts at each line, to name the check in compiler errors
     */
    public record GeneratedDrl(String resource, String text, Map<Integer, String> checkAtLine) {
    }

    private DrlGenerator() {
    }

    /** The check kinds templates exist for. */
    public static Set<String> kinds() {
        return TEMPLATES.keySet();
    }

    /**
     * The DRL of every rule file of {@code pack}.
     *
     * @throws IllegalStateException naming the file and rule of a broken rule definition
     */
    public static List<GeneratedDrl> generate(BaselinePack pack) {
        List<GeneratedDrl> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (BaselinePack.RuleFile file : pack.files()) {
            DrlFile drl = new DrlFile();
            drl.append("package " + pack.drlPackage() + ";\n\n")
                    .append("// Generated from " + file.resource() + "; edit that file, not this text.\n")
                    .append("import io.osbaseline.model.Machine;\n")
                    .append("import io.osbaseline.model.CollectorRun;\n")
                    .append("import io.osbaseline.model.fact.*;\n")
                    .append("import io.osbaseline.drl.NoVerdict;\n\n")
                    .append("global io.osbaseline.drl.Verdicts verdicts;\n\n");
            for (RuleSpec spec : file.rules()) {
                String where = file.resource() + ", rule " + spec.id();
                if (!seen.add(spec.id())) {
                    throw new IllegalStateException(where + ": the id is used twice in " + pack.baseline().id());
                }
                write(spec, pack.baseline().id(), where, drl);
            }
            out.add(new GeneratedDrl(file.resource(), drl.text(), drl.checkAtLine()));
        }
        return out;
    }

    private static void write(RuleSpec spec, String baselineId, String where, DrlFile drl) {
        if (spec.title() == null || spec.severity() == null || spec.category() == null) {
            throw new IllegalStateException(where + ": title, severity and category are required");
        }
        try {
            Severity.parse(spec.severity());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        if ((spec.check() == null) == (spec.drl() == null)) {
            throw new IllegalStateException(where + ": give either 'check' (a template) or 'drl', not both or neither");
        }
        Set<String> requires = new LinkedHashSet<>(spec.requires());
        String expected = spec.expected();
        CheckTemplate template = null;
        Params params = null;
        if (spec.check() != null) {
            if (!spec.check().isObject() || spec.check().size() != 1) {
                throw new IllegalStateException(where + ": 'check' must be a single kind, one of " + kinds());
            }
            String kind = spec.check().fieldNames().next();
            template = TEMPLATES.get(kind);
            if (template == null) {
                throw new IllegalStateException(where + ": unknown check kind '" + kind + "'; known: " + kinds());
            }
            params = new Params(where, spec.check().get(kind));
            requires.addAll(template.requires(params));
            if (expected == null) {
                expected = template.expected(params);
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("title", spec.title());
        metadata.put("severity", spec.severity());
        metadata.put("category", spec.category());
        putIfPresent(metadata, "cce", spec.cce());
        putIfPresent(metadata, "expected", expected);
        putIfPresent(metadata, "rationale", spec.rationale());
        putIfPresent(metadata, "remediation", spec.remediation());
        if (!requires.isEmpty()) {
            metadata.put("requires", String.join(",", requires));
        }
        putIfPresent(metadata, "notes", spec.notes());
        CheckWriter out = new CheckWriter(drl, spec.id(), baselineId, metadata);
        if (template != null) {
            template.write(params, out);
        } else {
            int n = 0;
            for (RuleSpec.DrlSnippet s : spec.drl()) {
                n++;
                if (s.when() == null || s.then() == null) {
                    throw new IllegalStateException(where + ": each drl entry needs 'when' and 'then'");
                }
                String suffix = s.name() != null ? s.name() : n == 1 ? "" : "#" + n;
                out.rule(suffix, s.part(), s.expect(), s.unreported(), s.when(), s.then());
            }
        }
    }

    private static void putIfPresent(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }
}

package io.osbaseline.bench.reference;

import static io.osbaseline.bench.reference.MachineFacts.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/**
 * The templated check kinds of the packs (see the template table in {@code rules-drl/README.md}), written again in
 * plain Java from the same YAML parameters: the same verdicts in the same words, and the same meaning of an absent
 * fact. A kind not listed here is not covered by the reference.
 */
final class TemplateChecks {
    private TemplateChecks() {
    }

    /** The check for {@code kind} with these parameters, or null when the reference has no such kind. */
    @CheckForNull
    static ReferenceCheck create(String kind, JsonNode params) {
        return switch (kind) {
            case "sysctl" -> new SysctlCheck(params);
            case "sshd" -> new SshdCheck(params);
            case "setting" -> new SettingCheck(params);
            case "package-absent" -> new PackageAbsentCheck(params);
            case "package-present" -> new PackagePresentCheck(params);
            case "service-disabled" -> new ServiceDisabledCheck(params);
            case "service-enabled" -> new ServiceEnabledCheck(params);
            case "mount-option" -> new MountOptionCheck(params);
            case "kernel-module-disabled" -> new KernelModuleCheck(params);
            case "file-permission" -> new FilePermissionCheck(params);
            case "file-lines" -> new FileLinesCheck(params);
            case "registry", "security-policy", "audit-policy", "user-right", "device-state" ->
                    WindowsTemplateChecks.create(kind, params);
            default -> null;
        };
    }

    /** Each key judged on its own; an unset key is UNKNOWN. */
    private static final class SysctlCheck extends ReferenceCheck {
        private final Map<String, Judged> keys = new LinkedHashMap<>();

        SysctlCheck(JsonNode p) {
            map(p, "keys").forEach((key, expect) -> keys.put(key, judged(key, expect)));
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean several = keys.size() > 1;
            keys.forEach((key, expected) -> {
                List<Sysctl> found = get(facts.sysctlByKey, key);
                for (Sysctl s : found) {
                    judge(sheet, expected, s.value(), several ? key + "=" + s.value() : s.value());
                }
                if (found.isEmpty()) {
                    unknown(sheet, key + " is not set in the persistent sysctl configuration and its runtime value "
                            + "was not read; the kernel default applies");
                }
            });
        }

        @Override
        List<String> requires() {
            return List.of("sysctl");
        }

        @Override
        String expected() {
            return keys.values().stream().map(Judged::describe).collect(Collectors.joining("; "));
        }
    }

    /** Each option of the effective sshd configuration; no sshd at all is NOT_APPLICABLE. */
    private static final class SshdCheck extends ReferenceCheck {
        private final Map<String, Judged> options = new LinkedHashMap<>();

        SshdCheck(JsonNode p) {
            map(p, "options").forEach((option, expect) -> options.put(option, judged(option, expect)));
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            if (facts.sshdByKey.isEmpty()) {
                notApplicable(sheet, "the OpenSSH server is not configured on this machine");
                return;
            }
            boolean several = options.size() > 1;
            options.forEach((option, expected) -> {
                List<SshdOption> found = get(facts.sshdByKey, option.toLowerCase(Locale.ROOT));
                for (SshdOption o : found) {
                    judge(sheet, expected, o.value(), several ? option + " " + o.value() : o.value());
                }
                if (found.isEmpty()) {
                    unknown(sheet, option + " is not set and OpenSSH has no known default for it");
                }
            });
        }

        @Override
        List<String> requires() {
            return List.of("sshd");
        }

        @Override
        String expected() {
            return options.values().stream().map(Judged::describe).collect(Collectors.joining("; "));
        }
    }

    /** Setting facts of one namespace; an unset key is judged by its default, else ends as {@code missing} says. */
    private static final class SettingCheck extends ReferenceCheck {
        private final String namespace;
        private final String collector;
        private final Map<String, Judged> keys = new LinkedHashMap<>();
        private final Map<String, String> defaults;
        private final Outcome missing;

        SettingCheck(JsonNode p) {
            namespace = text(p, "namespace");
            collector = p.hasNonNull("collector") ? p.get("collector").asText() : namespace;
            map(p, "keys").forEach((key, expect) -> keys.put(key, judged(key, expect)));
            defaults = p.has("defaults") ? map(p, "defaults") : Map.of();
            missing = Outcome.parse(p.hasNonNull("missing") ? p.get("missing").asText() : null, Outcome.UNKNOWN);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean several = keys.size() > 1;
            keys.forEach((key, expected) -> {
                List<Setting> found = get(facts.settingsByNamespaceAndKey, MachineFacts.settingKey(namespace, key));
                for (Setting s : found) {
                    judge(sheet, expected, s.value(), several ? key + " " + s.value() : s.value());
                }
                if (found.isEmpty()) {
                    String fallback = defaults.get(key);
                    if (fallback != null) {
                        judge(sheet, expected, fallback, (several ? key + " " : "") + fallback + " (not set: the default)");
                    } else {
                        missing.report(this, sheet, key + " is not set in " + namespace);
                    }
                }
            });
        }

        @Override
        List<String> requires() {
            return List.of(collector);
        }

        @Override
        String expected() {
            return keys.values().stream().map(Judged::describe).collect(Collectors.joining("; "));
        }
    }

    /** Fails for each listed package that is installed. */
    private static final class PackageAbsentCheck extends ReferenceCheck {
        private final List<String> names;

        PackageAbsentCheck(JsonNode p) {
            names = list(p, "names");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean any = false;
            for (String name : names) {
                for (InstalledPackage pkg : get(facts.packagesByName, name)) {
                    fail(sheet, pkg.name() + " " + pkg.version() + " installed");
                    any = true;
                }
            }
            if (!any) {
                pass(sheet, "not installed");
            }
        }

        @Override
        List<String> requires() {
            return List.of("packages");
        }

        @Override
        String expected() {
            return "not installed: " + String.join(", ", names);
        }
    }

    /** Passes when at least one listed package is installed. */
    private static final class PackagePresentCheck extends ReferenceCheck {
        private final List<String> names;

        PackagePresentCheck(JsonNode p) {
            names = list(p, "names");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean any = false;
            for (String name : names) {
                for (InstalledPackage pkg : get(facts.packagesByName, name)) {
                    pass(sheet, pkg.name() + " " + pkg.version() + " installed");
                    any = true;
                }
            }
            if (!any) {
                fail(sheet, "not installed");
            }
        }

        @Override
        List<String> requires() {
            return List.of("packages");
        }

        @Override
        String expected() {
            return (names.size() == 1 ? "installed: " : "at least one installed: ") + String.join(", ", names);
        }
    }

    /** Fails for each listed unit that is enabled or running; passes when none is installed. */
    private static final class ServiceDisabledCheck extends ReferenceCheck {
        private final List<String> units;

        ServiceDisabledCheck(JsonNode p) {
            units = list(p, "units");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean any = false;
            for (String unit : units) {
                for (SystemService s : get(facts.servicesByName, unit)) {
                    check(sheet, !s.enabled() && !s.active(), s.name() + " " + s.describe());
                    any = true;
                }
            }
            if (!any) {
                pass(sheet, "not installed");
            }
        }

        @Override
        List<String> requires() {
            return List.of("services");
        }

        @Override
        String expected() {
            return "disabled and not running (or not installed): " + String.join(", ", units);
        }
    }

    /** Passes when at least one listed unit is enabled. */
    private static final class ServiceEnabledCheck extends ReferenceCheck {
        private final List<String> units;

        ServiceEnabledCheck(JsonNode p) {
            units = list(p, "units");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean any = false;
            for (String unit : units) {
                for (SystemService s : get(facts.servicesByName, unit)) {
                    if (s.unitFileState().equals("enabled") || s.unitFileState().equals("enabled-runtime")) {
                        pass(sheet, s.name() + " " + s.describe());
                        any = true;
                    }
                }
            }
            if (!any) {
                fail(sheet, units.size() == 1 ? units.get(0) + " is not enabled"
                        : "none of " + String.join(", ", units) + " is enabled");
            }
        }

        @Override
        List<String> requires() {
            return List.of("services");
        }

        @Override
        String expected() {
            return (units.size() == 1 ? "enabled: " : "at least one enabled: ") + String.join(", ", units);
        }
    }

    /** Every mount of the path carries the options; a path that is not a mount ends as {@code unmounted} says. */
    private static final class MountOptionCheck extends ReferenceCheck {
        private final String path;
        private final List<String> options;
        private final Outcome unmounted;
        private final String unmountedReason;

        MountOptionCheck(JsonNode p) {
            path = text(p, "path");
            options = list(p, "options");
            unmounted = Outcome.parse(p.hasNonNull("unmounted") ? p.get("unmounted").asText() : null,
                    Outcome.NOT_APPLICABLE);
            unmountedReason = p.hasNonNull("unmountedReason") ? p.get("unmountedReason").asText()
                    : path + " is not a separate mount";
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<Mount> mounts = get(facts.mountsByPoint, path);
            for (Mount m : mounts) {
                check(sheet, m.options().containsAll(options), m.source() + ": " + String.join(",", m.options()));
            }
            if (mounts.isEmpty()) {
                unmounted.report(this, sheet, unmountedReason);
            }
        }

        @Override
        List<String> requires() {
            return List.of("mounts");
        }

        @Override
        String expected() {
            String s = path + " mounted with " + String.join(",", options);
            return unmounted == Outcome.FAIL ? s : s + " (when it is a separate mount)";
        }
    }

    /** The module's install command is a no-op and it is not loaded; no configuration at all fails. */
    private static final class KernelModuleCheck extends ReferenceCheck {
        private final String name;

        KernelModuleCheck(JsonNode p) {
            name = text(p, "name");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<KernelModule> modules = get(facts.modulesByName, name);
            for (KernelModule k : modules) {
                check(sheet, k.notLoadable() && !Boolean.TRUE.equals(k.loaded()), k.describe());
            }
            if (modules.isEmpty()) {
                fail(sheet, "no install directive: the module can be loaded");
            }
        }

        @Override
        List<String> requires() {
            return List.of("kernel-modules");
        }

        @Override
        String expected() {
            return "install " + name + " /bin/true (not loadable), not loaded";
        }
    }

    /** The file's mode has no bit beyond the allowed one, and its owner and group are among those listed. */
    private static final class FilePermissionCheck extends ReferenceCheck {
        private final JsonNode params;
        private final String path;
        private final String modeText;
        private final int mode;
        @CheckForNull
        private final List<String> owners;
        @CheckForNull
        private final List<String> groups;
        private final Outcome missing;

        FilePermissionCheck(JsonNode p) {
            params = p;
            path = text(p, "path");
            modeText = text(p, "mode");
            mode = Integer.parseInt(modeText, 8);
            owners = alternatives(p, "owner");
            groups = alternatives(p, "group");
            missing = Outcome.parse(p.hasNonNull("missing") ? p.get("missing").asText() : null, Outcome.FAIL);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (FileInfo f : get(facts.filesByPath, path)) {
                if (f.exists()) {
                    boolean ok = f.modeAtMost(mode) && (owners == null || owners.contains(f.owner()))
                            && (groups == null || groups.contains(f.group()));
                    check(sheet, ok, f.describe());
                } else {
                    missing.report(this, sheet, missing == Outcome.FAIL || missing == Outcome.PASS
                            ? "absent" : path + " does not exist");
                }
            }
        }

        @Override
        List<String> requires() {
            return List.of("files");
        }

        @Override
        String expected() {
            StringBuilder s = new StringBuilder(path).append(": mode ").append(modeText).append(" or stricter");
            if (owners != null) {
                s.append(", owner ").append(text(params, "owner").replace("|", " or "));
            }
            if (groups != null) {
                s.append(", group ").append(text(params, "group").replace("|", " or "));
            }
            if (missing == Outcome.PASS) {
                s.append(" (if it exists)");
            }
            return s.toString();
        }

        @CheckForNull
        private static List<String> alternatives(JsonNode p, String name) {
            if (!p.hasNonNull(name)) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String a : p.get(name).asText().split("\\|")) {
                out.add(a.strip());
            }
            return out;
        }
    }

    /** No line of the file has a match of {@code forbid}; an absent file ends as {@code missing} says. */
    private static final class FileLinesCheck extends ReferenceCheck {
        private final String path;
        private final String forbidText;
        private final Pattern forbid;
        private final Outcome missing;

        FileLinesCheck(JsonNode p) {
            path = text(p, "path");
            forbidText = text(p, "forbid");
            forbid = Pattern.compile(forbidText);
            missing = Outcome.parse(p.hasNonNull("missing") ? p.get("missing").asText() : null, Outcome.PASS);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (FileLines f : get(facts.linesByPath, path)) {
                String hit = null;
                for (String line : f.lines()) {
                    if (forbid.matcher(line).find()) {
                        hit = line;
                        break;
                    }
                }
                check(sheet, hit == null, hit == null ? "no match" : "line: " + hit);
            }
            for (FileInfo f : get(facts.filesByPath, path)) {
                if (!f.exists()) {
                    missing.report(this, sheet, "absent");
                }
            }
        }

        @Override
        List<String> requires() {
            return List.of("file-lines", "files");
        }

        @Override
        String expected() {
            return "no line of " + path + " matches " + forbidText;
        }
    }

    private static String text(JsonNode p, String name) {
        if (!p.hasNonNull(name)) {
            throw new IllegalArgumentException("needs the parameter '" + name + "'");
        }
        return p.get(name).asText();
    }

    private static Map<String, String> map(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || !v.isObject() || v.isEmpty()) {
            throw new IllegalArgumentException("needs '" + name + "' as a map of key: value");
        }
        Map<String, String> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static List<String> list(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("needs the parameter '" + name + "'");
        }
        List<String> l = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(i -> l.add(i.asText()));
        } else {
            l.add(v.asText());
        }
        return l;
    }
}

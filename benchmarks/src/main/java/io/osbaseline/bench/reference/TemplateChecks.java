package io.osbaseline.bench.reference;

import static io.osbaseline.bench.reference.MachineFacts.get;
import static io.osbaseline.bench.reference.TemplateParams.list;
import static io.osbaseline.bench.reference.TemplateParams.map;
import static io.osbaseline.bench.reference.TemplateParams.outcome;
import static io.osbaseline.bench.reference.TemplateParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.fact.FileInfo;
import io.osbaseline.model.fact.FileLines;
import io.osbaseline.model.fact.InstalledPackage;
import io.osbaseline.model.fact.KernelModule;
import io.osbaseline.model.fact.Mount;
import io.osbaseline.model.fact.PamEntry;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.SshdOption;
import io.osbaseline.model.fact.Sysctl;
import io.osbaseline.model.fact.SystemService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
            case "files-permission" -> new FilesPermissionCheck(params);
            case "pam-options" -> new PamOptionsCheck(params);
            case "mount-option-all" -> new MountOptionAllCheck(params);
            case "service-running" -> new ServiceRunningCheck(params);
            case "legacy-service-disabled" -> new LegacyServiceCheck(params);
            case "registry", "security-policy", "audit-policy", "user-right", "device-state" ->
                    WindowsTemplateChecks.create(kind, params);
            default -> null;
        };
    }

    /**
     * Each key judged on its own. A key the running kernel lacks (a {@code sysctl/unavailable} setting names it) ends
     * as {@code unavailable} says; a key neither set nor unavailable is UNKNOWN.
     */
    private static final class SysctlCheck extends ReferenceCheck {
        private final Map<String, String> expects;
        private final Map<String, Judged> keys = new LinkedHashMap<>();
        private final Outcome unavailable;

        SysctlCheck(JsonNode p) {
            expects = map(p, "keys");
            expects.forEach((key, expect) -> keys.put(key, judged(key, expect)));
            unavailable = outcome(p, "unavailable", Outcome.UNKNOWN);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean several = keys.size() > 1;
            List<Setting> missing = get(facts.settingsByNamespaceAndKey, MachineFacts.settingKey("sysctl",
                    "unavailable"));
            keys.forEach((key, expected) -> {
                List<Sysctl> found = get(facts.sysctlByKey, key);
                for (Sysctl s : found) {
                    judge(sheet, expected, s.value(), several ? key + "=" + s.value() : s.value());
                }
                boolean notInKernel = false;
                for (Setting s : missing) {
                    if (s.value().equals(key)) {
                        unavailable.report(this, sheet, key + " does not exist in the running kernel");
                        notInKernel = true;
                    }
                }
                if (found.isEmpty() && !notInKernel) {
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
            return described(expects);
        }
    }

    /**
     * Each option of the effective sshd configuration. An option that is not set ends as {@code unset} says for it,
     * else UNKNOWN (no known default); no sshd configuration at all is NOT_APPLICABLE.
     */
    private static final class SshdCheck extends ReferenceCheck {
        private final Map<String, String> expects;
        private final Map<String, Judged> options = new LinkedHashMap<>();
        private final Map<String, Outcome> unset = new LinkedHashMap<>();

        SshdCheck(JsonNode p) {
            expects = map(p, "options");
            expects.forEach((option, expect) -> options.put(option, judged(option, expect)));
            if (p.has("unset")) {
                map(p, "unset").forEach((option, word) -> unset.put(option, Outcome.parse(word, Outcome.UNKNOWN)));
            }
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
                    Outcome absent = unset.get(option);
                    if (absent != null) {
                        absent.report(this, sheet, (several ? option + " " : "") + "not set");
                    } else {
                        unknown(sheet, option + " is not set and OpenSSH has no known default for it");
                    }
                }
            });
        }

        @Override
        List<String> requires() {
            return List.of("sshd");
        }

        @Override
        String expected() {
            return described(expects);
        }
    }

    /** Setting facts of one namespace; an unset key is judged by its default, else ends as {@code missing} says. */
    private static final class SettingCheck extends ReferenceCheck {
        private final String namespace;
        private final String collector;
        private final Map<String, String> expects;
        private final Map<String, Judged> keys = new LinkedHashMap<>();
        private final Map<String, String> defaults;
        private final Outcome missing;

        SettingCheck(JsonNode p) {
            namespace = text(p, "namespace");
            collector = p.hasNonNull("collector") ? p.get("collector").asText() : namespace;
            expects = map(p, "keys");
            expects.forEach((key, expect) -> keys.put(key, judged(key, expect)));
            defaults = p.has("defaults") ? map(p, "defaults") : Map.of();
            missing = outcome(p, "missing", Outcome.UNKNOWN);
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
                        judge(sheet, expected, fallback,
                                (several ? key + " " : "") + fallback + " (not set: the default)");
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
            return described(expects);
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
            unmounted = outcome(p, "unmounted", Outcome.NOT_APPLICABLE);
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

    /**
     * What the file-permission kinds require of a file: no mode bit beyond {@code mode}, and an owner and group among
     * those listed ({@code root|shadow}).
     */
    private record Permission(String modeText, int mode, @CheckForNull String ownerText,
            @CheckForNull List<String> owners, @CheckForNull String groupText, @CheckForNull List<String> groups) {

        static Permission of(JsonNode p) {
            String mode = text(p, "mode");
            String owner = p.hasNonNull("owner") ? p.get("owner").asText() : null;
            String group = p.hasNonNull("group") ? p.get("group").asText() : null;
            return new Permission(mode, Integer.parseInt(mode, 8), owner, alternatives(owner), group,
                    alternatives(group));
        }

        boolean allows(FileInfo f) {
            return f.modeAtMost(mode) && (owners == null || owners.contains(f.owner()))
                    && (groups == null || groups.contains(f.group()));
        }

        /** "mode 0644 or stricter, owner root, group root or shadow". */
        String describe() {
            StringBuilder s = new StringBuilder("mode ").append(modeText).append(" or stricter");
            if (ownerText != null) {
                s.append(", owner ").append(ownerText.replace("|", " or "));
            }
            if (groupText != null) {
                s.append(", group ").append(groupText.replace("|", " or "));
            }
            return s.toString();
        }

        @CheckForNull
        private static List<String> alternatives(@CheckForNull String text) {
            if (text == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String a : text.split("\\|")) {
                out.add(a.strip());
            }
            return out;
        }
    }

    /** The file has the {@link Permission}; an absent file ends as {@code missing} says. */
    private static final class FilePermissionCheck extends ReferenceCheck {
        private final String path;
        private final Permission permission;
        private final Outcome missing;

        FilePermissionCheck(JsonNode p) {
            path = text(p, "path");
            permission = Permission.of(p);
            missing = outcome(p, "missing", Outcome.FAIL);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            for (FileInfo f : get(facts.filesByPath, path)) {
                if (f.exists()) {
                    check(sheet, permission.allows(f), f.describe());
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
            return path + ": " + permission.describe() + (missing == Outcome.PASS ? " (if it exists)" : "");
        }
    }

    /**
     * Each of the paths that exists has the {@link Permission}; those that do not are skipped. When each path is known
     * to be absent, the check ends as {@code none} says, with {@code noneReason}.
     */
    private static final class FilesPermissionCheck extends ReferenceCheck {
        private final List<String> paths;
        private final Permission permission;
        private final Outcome none;
        private final String noneReason;

        FilesPermissionCheck(JsonNode p) {
            paths = list(p, "paths");
            permission = Permission.of(p);
            none = outcome(p, "none", Outcome.NOT_APPLICABLE);
            noneReason = p.hasNonNull("noneReason") ? p.get("noneReason").asText()
                    : "none of " + String.join(", ", paths) + " exists";
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean allAbsent = true;
            for (String path : paths) {
                boolean absent = false;
                for (FileInfo f : get(facts.filesByPath, path)) {
                    if (f.exists()) {
                        check(sheet, permission.allows(f), f.path() + " " + f.describe());
                    } else {
                        absent = true;
                    }
                }
                allAbsent &= absent;
            }
            // A path with no fact at all was not looked at: it does not count as absent.
            if (allAbsent) {
                none.report(this, sheet, noneReason);
            }
        }

        @Override
        List<String> requires() {
            return List.of("files");
        }

        @Override
        String expected() {
            return permission.describe() + ": " + String.join(", ", paths) + " (those that exist)";
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
            missing = outcome(p, "missing", Outcome.PASS);
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

    /**
     * The options of a PAM module in the stack files of a distribution, each judged with the value the module would
     * use: its argument on the line, else its configuration file ({@code config}), else its documented default, else
     * the line fails. A stack file with lines of the type but none of the modules fails, and no stack file with lines
     * of the type ends as {@code missing} says.
     */
    private static final class PamOptionsCheck extends ReferenceCheck {
        private final List<String> services;
        private final String type;
        private final List<String> modules;
        private final List<String> alsoWhenSet;
        private final List<String> anyModule;
        private final Map<String, String> expects;
        private final Map<String, Judged> options = new LinkedHashMap<>();
        private final Map<String, String> config;
        private final Map<String, Map<String, String>> defaults = new LinkedHashMap<>();
        private final Outcome missing;

        PamOptionsCheck(JsonNode p) {
            services = list(p, "services");
            type = text(p, "type");
            modules = list(p, "modules");
            alsoWhenSet = p.hasNonNull("alsoWhenSet") ? list(p, "alsoWhenSet") : List.of();
            anyModule = new ArrayList<>(modules);
            anyModule.addAll(alsoWhenSet);
            expects = map(p, "options");
            expects.forEach((key, expect) -> options.put(key, judged(key, expect)));
            config = p.has("config") ? map(p, "config") : Map.of();
            if (p.has("defaults")) {
                map(p, "defaults").forEach((module, pairs) -> defaults.put(module, pairs(pairs)));
            }
            missing = outcome(p, "missing", Outcome.FAIL);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<PamEntry> stack = new ArrayList<>();
            for (PamEntry e : facts.pam) {
                if (e.type().equals(type) && services.contains(e.service())) {
                    stack.add(e);
                }
            }
            if (stack.isEmpty()) {
                missing.report(this, sheet, "no " + type + " lines in /etc/pam.d/"
                        + String.join(", /etc/pam.d/", services));
                return;
            }
            options.forEach((key, expected) -> {
                for (PamEntry e : stack) {
                    String argument = e.argument(key);
                    if (argument != null) {
                        if (anyModule.contains(e.module())) {
                            judge(sheet, expected, argument, e.service() + ": " + e.module() + " " + key + "="
                                    + argument);
                        }
                    } else if (modules.contains(e.module())) {
                        unsetOnLine(facts, sheet, e, key, expected);
                    }
                }
            });
            for (String service : services) {
                withoutModule(stack, service, sheet);
            }
        }

        /** A line of one of the modules that does not set the option: its configuration file, or its default. */
        private void unsetOnLine(MachineFacts facts, VerdictSheet sheet, PamEntry e, String key, Judged expected) {
            String line = e.service() + ": " + e.module() + " " + key;
            String namespace = config.get(e.module());
            List<Setting> set = namespace == null ? List.of()
                    : get(facts.settingsByNamespaceAndKey, MachineFacts.settingKey(namespace, key));
            for (Setting s : set) {
                judge(sheet, expected, s.value(), line + "=" + s.value() + " (" + namespace + ".conf)");
            }
            if (!set.isEmpty()) {
                return;
            }
            String fallback = defaults.getOrDefault(e.module(), Map.of()).get(key);
            if (fallback != null) {
                judge(sheet, expected, fallback, line + "=" + fallback + " (the module's default)");
            } else {
                fail(sheet, e.service() + ": " + e.module() + " sets no " + key);
            }
        }

        /** Fails a stack file that has lines of the type but none of the modules (nor alsoWhenSet setting one). */
        private void withoutModule(List<PamEntry> stack, String service, VerdictSheet sheet) {
            boolean lines = false;
            for (PamEntry e : stack) {
                if (!e.service().equals(service)) {
                    continue;
                }
                lines = true;
                if (modules.contains(e.module()) || (alsoWhenSet.contains(e.module())
                        && options.keySet().stream().anyMatch(k -> e.argument(k) != null))) {
                    return;
                }
            }
            if (lines) {
                String wanted = String.join(" or ", modules) + (alsoWhenSet.isEmpty() ? ""
                        : " (nor " + String.join(" or ", alsoWhenSet) + " with "
                                + String.join(" or ", options.keySet()) + ")");
                fail(sheet, service + ": no " + type + " line for " + wanted);
            }
        }

        @Override
        List<String> requires() {
            return List.of("pam");
        }

        @Override
        String expected() {
            return "/etc/pam.d/{" + String.join(",", services) + "}: " + type + " " + String.join(" or ", anyModule)
                    + " with " + expects.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "));
        }

        /** {@code "deny=3 unlock_time=600"} as a map. */
        private static Map<String, String> pairs(String text) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String pair : text.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                m.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return m;
        }
    }

    /**
     * Every mount that {@code select} picks (one of its regular expressions matching the whole field), among those of
     * {@code sources}, carries the options; when none is picked the check ends as {@code none} says.
     */
    private static final class MountOptionAllCheck extends ReferenceCheck {
        /** A field of a mount and the regular expression it must match as a whole. */
        private record Selector(Function<Mount, String> field, Pattern regex) {
            boolean picks(Mount m) {
                return regex.matcher(field.apply(m)).matches();
            }
        }

        private final String what;
        private final List<String> options;
        @CheckForNull
        private final List<String> sources;
        private final List<Selector> select = new ArrayList<>();
        private final Outcome none;

        MountOptionAllCheck(JsonNode p) {
            what = text(p, "what");
            options = list(p, "options");
            sources = p.hasNonNull("sources") ? list(p, "sources") : null;
            map(p, "select").forEach((field, regex) -> select.add(new Selector(switch (field) {
                case "fsType" -> Mount::fsType;
                case "device" -> Mount::device;
                case "mountPoint" -> Mount::mountPoint;
                default -> throw new IllegalArgumentException("select takes fsType, device, mountPoint; got " + field);
            }, Pattern.compile(regex))));
            none = outcome(p, "none", Outcome.PASS);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            boolean any = false;
            for (List<Mount> mounts : facts.mountsByPoint.values()) {
                for (Mount m : mounts) {
                    if (selected(m)) {
                        check(sheet, m.options().containsAll(options),
                                m.source() + " " + m.mountPoint() + ": " + String.join(",", m.options()));
                        any = true;
                    }
                }
            }
            if (!any) {
                none.report(this, sheet, "no " + what);
            }
        }

        private boolean selected(Mount m) {
            return (sources == null || sources.contains(m.source())) && select.stream().anyMatch(s -> s.picks(m));
        }

        @Override
        List<String> requires() {
            return List.of("mounts");
        }

        @Override
        String expected() {
            return String.join(",", options) + " on every one of the " + what;
        }
    }

    /**
     * Passes when one of the units runs; a unit whose active state was not read is UNKNOWN, and none of the units
     * installed fails.
     */
    private static final class ServiceRunningCheck extends ReferenceCheck {
        /** The active states of a unit that runs, or is about to, as the template lists them. */
        private static final Set<String> RUNNING = Set.of("active", "activating", "reloading");

        private final List<String> units;

        ServiceRunningCheck(JsonNode p) {
            units = list(p, "units");
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<SystemService> installed = new ArrayList<>();
            for (String unit : units) {
                installed.addAll(get(facts.servicesByName, unit));
            }
            if (installed.isEmpty()) {
                fail(sheet, String.join(", ", units) + " not installed");
                return;
            }
            boolean running = installed.stream().anyMatch(ServiceRunningCheck::running);
            for (SystemService s : installed) {
                if (s.activeState() == null) {
                    unknown(sheet, s.name() + " is " + s.unitFileState() + "; whether it runs is runtime state, which "
                            + "was not read (an offline root, or a host where systemd does not run)");
                } else if (running(s)) {
                    pass(sheet, s.name() + " " + s.describe());
                } else if (!running) {
                    fail(sheet, s.name() + " " + s.describe());
                }
            }
        }

        private static boolean running(SystemService s) {
            return s.activeState() != null && RUNNING.contains(s.activeState());
        }

        @Override
        List<String> requires() {
            return List.of("services");
        }

        @Override
        String expected() {
            return (units.size() == 1 ? "running: " : "at least one running: ") + String.join(", ", units);
        }
    }

    /**
     * A service inetd or systemd can start is off in both: no line of {@code /etc/inetd.conf} starts its entry (or
     * matches {@code inetdLine}), and each of {@code units} is disabled and not running. An absent inetd.conf and
     * units that are not installed pass; an inetd.conf whose lines were not read is UNKNOWN.
     */
    private static final class LegacyServiceCheck extends ReferenceCheck {
        private static final String INETD_CONF = "/etc/inetd.conf";

        private final Pattern line;
        private final String clean;
        @CheckForNull
        private final List<String> units;

        LegacyServiceCheck(JsonNode p) {
            String service = p.hasNonNull("inetd") ? p.get("inetd").asText() : null;
            String regex = service != null ? "^\\s*" + Pattern.quote(service) + "\\s" : text(p, "inetdLine");
            line = Pattern.compile(regex);
            clean = service != null ? "no " + service + " entry in " + INETD_CONF
                    : "no line of " + INETD_CONF + " matches " + regex;
            units = p.hasNonNull("units") ? list(p, "units") : null;
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<FileLines> read = get(facts.linesByPath, INETD_CONF);
            for (FileLines f : read) {
                String hit = null;
                for (String l : f.lines()) {
                    if (line.matcher(l).find()) {
                        hit = l;
                        break;
                    }
                }
                check(sheet, hit == null, hit == null ? clean : INETD_CONF + ": " + hit.strip());
            }
            for (FileInfo f : get(facts.filesByPath, INETD_CONF)) {
                if (!f.exists()) {
                    pass(sheet, "no " + INETD_CONF);
                } else if (read.isEmpty()) {
                    unknown(sheet, INETD_CONF + " exists but its lines were not read (see the snapshot's gaps)");
                }
            }
            if (units == null) {
                return;
            }
            boolean any = false;
            for (String unit : units) {
                for (SystemService s : get(facts.servicesByName, unit)) {
                    check(sheet, !s.enabled() && !s.active(), s.name() + " " + s.describe());
                    any = true;
                }
            }
            if (!any) {
                pass(sheet, String.join(", ", units) + " not installed");
            }
        }

        @Override
        List<String> requires() {
            return units == null ? List.of("file-lines", "files") : List.of("file-lines", "files", "services");
        }

        @Override
        String expected() {
            return units == null ? clean
                    : clean + "; disabled and not running (or not installed): " + String.join(", ", units);
        }
    }

    /** "key expectation; ...", as the templates state the expectations of their keys, in the YAML's words. */
    private static String described(Map<String, String> expects) {
        return expects.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }
}

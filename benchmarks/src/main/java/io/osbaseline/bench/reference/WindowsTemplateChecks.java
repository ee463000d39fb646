package io.osbaseline.bench.reference;

import static io.osbaseline.bench.reference.MachineFacts.get;
import static io.osbaseline.bench.reference.TemplateParams.list;
import static io.osbaseline.bench.reference.TemplateParams.outcome;
import static io.osbaseline.bench.reference.TemplateParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.osbaseline.engine.FindingAssembler.VerdictSheet;
import io.osbaseline.model.fact.AuditPolicy;
import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.model.fact.RegistryScope;
import io.osbaseline.model.fact.RegistryValue;
import io.osbaseline.model.fact.SecurityPolicy;
import io.osbaseline.model.fact.Setting;
import io.osbaseline.model.fact.UserRight;
import io.osbaseline.model.fact.WellKnownSids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.CheckForNull;

/**
 * The Windows check kinds of the packs ({@code registry}, {@code security-policy}, {@code audit-policy},
 * {@code user-right}, {@code device-state}), written again in plain Java from the YAML parameters: the same verdicts
 * in the same words as the DRL their templates generate, including the {@code roles} a rule applies to.
 */
final class WindowsTemplateChecks {
    private WindowsTemplateChecks() {
    }

    /** The check for a Windows {@code kind} with these parameters, or null when the kind is not a Windows one. */
    @CheckForNull
    static ReferenceCheck create(String kind, JsonNode params) {
        return switch (kind) {
            case "registry" -> new RegistryCheck(params);
            case "security-policy" -> new SecurityPolicyCheck(params);
            case "audit-policy" -> new AuditPolicyCheck(params);
            case "user-right" -> new UserRightCheck(params);
            case "device-state" -> new DeviceStateCheck(params);
            default -> null;
        };
    }

    /**
     * The machine roles a rule applies to ({@code roles}, all by default): on a machine of another role the rule is
     * NOT_APPLICABLE, once per role fact; a machine with no role fact (a GPO backup) is judged as if it applied.
     */
    private static final class Roles {
        private final Set<String> roles;
        private final String reason;

        Roles(JsonNode p) {
            List<String> listed = p.hasNonNull("roles") ? list(p, "roles") : List.copyOf(MachineRole.ROLES);
            for (String r : listed) {
                if (!MachineRole.ROLES.contains(r)) {
                    throw new IllegalArgumentException("unknown role '" + r + "' in 'roles'");
                }
            }
            roles = Set.copyOf(listed);
            reason = "applies to " + MachineRole.ROLES.stream().filter(roles::contains).sorted()
                    .map(r -> MachineRole.displayName(r) + "s").collect(Collectors.joining(" and "))
                    + " only; this machine is a ";
        }

        void evaluate(ReferenceCheck check, MachineFacts facts, VerdictSheet sheet) {
            for (MachineRole r : facts.machineRoles) {
                if (!roles.contains(r.role())) {
                    check.notApplicable(sheet, reason + MachineRole.displayName(r.role()));
                }
            }
        }
    }

    /**
     * A registry value is as expected ({@code expect}, or the REG_MULTI_SZ {@code items} in order, ignoring case);
     * an absent value is judged by {@code absent} only where a registry scope of the snapshot covers it, and is
     * UNKNOWN elsewhere.
     */
    private static final class RegistryCheck extends ReferenceCheck {
        private final String key;
        private final String value;
        private final String path;
        private final String name;
        @CheckForNull
        private final List<String> items;
        @CheckForNull
        private final String expect;
        @CheckForNull
        private final Judged expected;
        private final Outcome absent;
        private final Roles roles;

        RegistryCheck(JsonNode p) {
            key = text(p, "key");
            value = text(p, "value");
            path = RegistryValue.canonicalPath(key);
            name = value.toLowerCase(Locale.ROOT);
            items = p.hasNonNull("items") ? list(p, "items") : null;
            expect = items == null ? text(p, "expect") : null;
            expected = expect == null ? null : judged(null, expect);
            absent = outcome(p, "absent", Outcome.FAIL);
            roles = new Roles(p);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<RegistryValue> found = get(facts.registryByPathAndName, MachineFacts.registryKey(path, name));
            for (RegistryValue v : found) {
                if (items != null) {
                    check(sheet, sameItems(v.items(), items), v.display());
                } else {
                    judge(sheet, expected, v.data(), v.display());
                }
            }
            if (found.isEmpty()) {
                boolean covered = false;
                for (RegistryScope s : facts.registryScopes) {
                    covered |= s.covers(path, name);
                }
                if (covered) {
                    absent.report(this, sheet, "not set");
                } else {
                    unknown(sheet, key + "\\" + value + " is not in the exports: a policy export holds only what it "
                            + "configures, and no export of the machine's registry captured this key");
                }
            }
            roles.evaluate(this, facts, sheet);
        }

        /** The same items in the same order, ignoring case and surrounding blanks. */
        private static boolean sameItems(List<String> actual, List<String> wanted) {
            if (actual.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < actual.size(); i++) {
                if (!actual.get(i).strip().equalsIgnoreCase(wanted.get(i).strip())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        List<String> requires() {
            return List.of("registry");
        }

        @Override
        String expected() {
            String what = items != null ? "= " + String.join("\\0", items) : expect;
            return key + "\\" + value + ": " + (absent == Outcome.PASS ? "doesn't exist or " : "") + what;
        }
    }

    /** A key of the exported security policy (of [System Access] by default) is as expected; absent is UNKNOWN. */
    private static final class SecurityPolicyCheck extends ReferenceCheck {
        private final String section;
        private final String key;
        private final String expect;
        private final Judged expected;
        private final Roles roles;

        SecurityPolicyCheck(JsonNode p) {
            section = p.hasNonNull("section") ? p.get("section").asText() : SecurityPolicy.SYSTEM_ACCESS;
            key = text(p, "key");
            expect = text(p, "expect");
            expected = judged(null, expect);
            roles = new Roles(p);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<SecurityPolicy> found = get(facts.securityPolicyBySectionAndKey,
                    MachineFacts.settingKey(section, key));
            for (SecurityPolicy s : found) {
                judge(sheet, expected, s.value(), s.value());
            }
            if (found.isEmpty()) {
                unknown(sheet, "[" + section + "] " + key + " is not in the exported security policy");
            }
            roles.evaluate(this, facts, sheet);
        }

        @Override
        List<String> requires() {
            return List.of("security-policy");
        }

        @Override
        String expected() {
            return "[" + section + "] " + key + " " + expect;
        }
    }

    /**
     * The advanced audit setting of a subcategory audits what {@code require} asks; it is judged as auditpol's number
     * (0 none, 1 success, 2 failure, 3 both) and shown in words. An absent subcategory is UNKNOWN.
     */
    private static final class AuditPolicyCheck extends ReferenceCheck {
        private static final Map<String, String> EXPECT = Map.of("success", "in 1|3", "failure", "in 2|3",
                "success-and-failure", "= 3", "any", "in 0|1|2|3");
        private static final Map<String, String> WORDS = Map.of("success", "includes Success", "failure",
                "includes Failure", "success-and-failure", "Success and Failure", "any",
                "any setting (No Auditing or more)");

        private final String guid;
        private final String subcategory;
        private final String require;
        private final Judged expected;
        private final Roles roles;

        AuditPolicyCheck(JsonNode p) {
            guid = AuditPolicy.canonicalGuid(text(p, "guid"));
            subcategory = text(p, "subcategory");
            require = text(p, "require");
            if (!EXPECT.containsKey(require)) {
                throw new IllegalArgumentException("unknown 'require' " + require);
            }
            expected = judged(null, EXPECT.get(require));
            roles = new Roles(p);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<AuditPolicy> found = get(facts.auditPolicyByGuid, guid);
            for (AuditPolicy a : found) {
                int code = (a.success() ? 1 : 0) + (a.failure() ? 2 : 0);
                judge(sheet, expected, Integer.toString(code), a.setting());
            }
            if (found.isEmpty()) {
                unknown(sheet, "the audit policy of " + subcategory + " " + guid + " is not in the exports");
            }
            roles.evaluate(this, facts, sheet);
        }

        @Override
        List<String> requires() {
            return List.of("audit-policy");
        }

        @Override
        String expected() {
            return subcategory + ": " + WORDS.get(require);
        }
    }

    /**
     * A user right is granted as {@code mode} says: {@code none} to no one, {@code only} to none but the principals,
     * {@code exactly} to exactly them, {@code includes} at least to them; principals compare by SID. An absent right
     * is UNKNOWN.
     */
    private static final class UserRightCheck extends ReferenceCheck {
        private final String right;
        private final String mode;
        private final List<String> names;
        private final List<String> principals;
        private final Roles roles;

        UserRightCheck(JsonNode p) {
            right = text(p, "right");
            mode = text(p, "mode");
            if (!List.of("none", "only", "exactly", "includes").contains(mode)) {
                throw new IllegalArgumentException("unknown 'mode' " + mode);
            }
            names = mode.equals("none") ? List.of() : list(p, "principals");
            principals = names.stream().map(WellKnownSids::canonical).toList();
            roles = new Roles(p);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            List<UserRight> found = get(facts.userRightsByRight, right);
            for (UserRight r : found) {
                String problem = problem(r.principals());
                if (problem == null) {
                    pass(sheet, r.display());
                } else {
                    fail(sheet, r.display(), problem);
                }
            }
            if (found.isEmpty()) {
                unknown(sheet, right + " is not in the exported [Privilege Rights]: the policy does not configure it");
            }
            roles.evaluate(this, facts, sheet);
        }

        /** The principals granted beyond those allowed and those missing, by name; null when none. */
        @CheckForNull
        private String problem(List<String> granted) {
            Set<String> have = granted.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            Set<String> want = principals.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            List<String> problems = new ArrayList<>();
            List<String> extra = granted.stream().filter(s -> !want.contains(s.toUpperCase(Locale.ROOT))).toList();
            if (!mode.equals("includes") && !extra.isEmpty()) {
                problems.add("also granted to " + displayed(extra));
            }
            List<String> missing = principals.stream().filter(s -> !have.contains(s.toUpperCase(Locale.ROOT)))
                    .toList();
            if ((mode.equals("exactly") || mode.equals("includes")) && !missing.isEmpty()) {
                problems.add("not granted to " + displayed(missing));
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        private static String displayed(List<String> canonical) {
            return canonical.stream().map(WellKnownSids::displayName).sorted(String.CASE_INSENSITIVE_ORDER)
                    .collect(Collectors.joining(", "));
        }

        @Override
        List<String> requires() {
            return List.of("user-rights");
        }

        @Override
        String expected() {
            return right + ": " + switch (mode) {
                case "none" -> "No One";
                case "only" -> "only " + String.join(", ", names) + " (or fewer)";
                case "exactly" -> String.join(", ", names);
                default -> "includes " + String.join(", ", names);
            };
        }
    }

    /**
     * A Secured-core state value ({@code device-security} setting) on Azure Stack HCI; NOT_APPLICABLE on another known
     * OS, UNKNOWN when the OS is not known or the value was not collected.
     */
    private static final class DeviceStateCheck extends ReferenceCheck {
        private static final Pattern HCI = Pattern.compile("(?i).*Azure Stack HCI.*");

        private final String key;
        private final String expect;
        private final Judged expected;

        DeviceStateCheck(JsonNode p) {
            key = text(p, "key");
            expect = text(p, "expect");
            expected = judged(null, expect);
        }

        @Override
        void evaluate(MachineFacts facts, VerdictSheet sheet) {
            String os = facts.machine.osName();
            if (os == null) {
                unknown(sheet, "a Secured-core check for Azure Stack HCI only, and the exports do not say which OS "
                        + "the machine runs (a GPO backup holds no firmware state)");
                return;
            }
            if (!HCI.matcher(os).matches()) {
                notApplicable(sheet, "a Secured-core check for Azure Stack HCI only; this machine runs " + os);
                return;
            }
            List<Setting> found = get(facts.settingsByNamespaceAndKey,
                    MachineFacts.settingKey("device-security", key));
            for (Setting s : found) {
                judge(sheet, expected, s.value(), s.value());
            }
            if (found.isEmpty()) {
                unknown(sheet, key + " was not collected: the device-security values come from the collector bundle "
                        + "of a running machine");
            }
        }

        @Override
        List<String> requires() {
            return List.of();
        }

        @Override
        String expected() {
            return key + " " + expect + " (Azure Stack HCI)";
        }
    }
}

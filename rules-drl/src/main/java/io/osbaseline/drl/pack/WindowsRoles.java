package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import io.osbaseline.model.fact.MachineRole;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code roles} parameter every Windows template takes: the machine roles a rule applies to (the baseline's
 * {@code applies_to}), among {@code domain-controller}, {@code domain-member} and {@code workgroup-member}. On a
 * machine of another role the rule is NOT_APPLICABLE. A snapshot that does not know the role (a GPO backup) has no
 * {@code MachineRole} fact: the rule is then judged as if it applied, since the policy may be linked to any role.
 */
final class WindowsRoles {
    private WindowsRoles() {
    }

    /** Writes the NOT_APPLICABLE rule when {@code roles} leaves a role out; all roles by default. */
    static void write(Params params, CheckWriter out) {
        List<String> roles = params.optional("roles") == null ? List.copyOf(MachineRole.ROLES)
                : params.list("roles");
        for (String r : roles) {
            if (!MachineRole.ROLES.contains(r)) {
                throw params.error("unknown role '" + r + "' in 'roles'; use " + MachineRole.DOMAIN_CONTROLLER
                        + ", " + MachineRole.DOMAIN_MEMBER + " or " + MachineRole.WORKGROUP_MEMBER);
            }
        }
        if (roles.containsAll(MachineRole.ROLES)) {
            return;
        }
        String names = MachineRole.ROLES.stream().filter(roles::contains).sorted()
                .map(r -> MachineRole.displayName(r) + "s").collect(Collectors.joining(" and "));
        out.rule("role", null, null,
                "$role : MachineRole( role not in (" + roles.stream().map(CheckWriter::lit)
                        .collect(Collectors.joining(", ")) + ") )",
                "verdicts.notApplicable(drools, " + lit("applies to " + names + " only; this machine is a ")
                        + " + io.osbaseline.model.fact.MachineRole.displayName($role.role()));");
    }
}

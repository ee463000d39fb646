package io.osbaseline.model.fact;

import java.util.Objects;
import java.util.Set;

/**
 * The role of a Windows machine in a domain, which decides the rules of the Azure Windows baseline that apply to it.
 * A snapshot without this fact does not know the role (a GPO backup does not say what it is linked to).
 *
 * @param role {@value #DOMAIN_CONTROLLER}, {@value #DOMAIN_MEMBER} or {@value #WORKGROUP_MEMBER}
 * @param source where the role was read, for example the collector's manifest or a provider option
 */
public record MachineRole(String role, String source) implements Fact {
    public static final String DOMAIN_CONTROLLER = "domain-controller";
    public static final String DOMAIN_MEMBER = "domain-member";
    public static final String WORKGROUP_MEMBER = "workgroup-member";
    public static final Set<String> ROLES = Set.of(DOMAIN_CONTROLLER, DOMAIN_MEMBER, WORKGROUP_MEMBER);

    public MachineRole {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown machine role '" + role + "'; expected one of "
                    + DOMAIN_CONTROLLER + ", " + DOMAIN_MEMBER + ", " + WORKGROUP_MEMBER);
        }
    }

    /**
     * The role for a {@code Win32_ComputerSystem.DomainRole} number: 0 and 1 are standalone (workgroup), 2 and 3
     * domain members, 4 and 5 domain controllers.
     *
     * @throws IllegalArgumentException for another number
     */
    public static String ofDomainRole(int domainRole) {
        return switch (domainRole) {
            case 0, 1 -> WORKGROUP_MEMBER;
            case 2, 3 -> DOMAIN_MEMBER;
            case 4, 5 -> DOMAIN_CONTROLLER;
            default -> throw new IllegalArgumentException("DomainRole must be 0 to 5, got " + domainRole);
        };
    }

    /** How the baseline's {@code applies_to} column names the role: Domain Controller, and so on. */
    public static String displayName(String role) {
        return switch (role) {
            case DOMAIN_CONTROLLER -> "domain controller";
            case DOMAIN_MEMBER -> "domain member";
            case WORKGROUP_MEMBER -> "workgroup member";
            default -> role;
        };
    }
}

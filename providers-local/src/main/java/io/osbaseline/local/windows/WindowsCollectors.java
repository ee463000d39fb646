package io.osbaseline.local.windows;

import java.util.List;

/** The collector names Windows rules name in {@code @requires}; the names are a contract. */
public final class WindowsCollectors {
    /** Registry values: reg export files, Registry.pol, and the [Registry Values] of security templates. */
    public static final String REGISTRY = "registry";
    /** [System Access] and [Event Audit] of security templates and secedit exports. */
    public static final String SECURITY_POLICY = "security-policy";
    /** [Privilege Rights] of security templates and secedit exports. */
    public static final String USER_RIGHTS = "user-rights";
    /** Advanced audit policy: auditpol /backup files and GPO audit.csv. */
    public static final String AUDIT_POLICY = "audit-policy";
    /** The machine's role in its domain. */
    public static final String MACHINE_ROLE = "machine-role";
    /** Firmware and virtualization-based security state (Secure Boot, TPM, VBS), from the collector bundle. */
    public static final String DEVICE_SECURITY = "device-security";

    /** Every collector, in the order a snapshot lists them. */
    public static final List<String> ALL = List.of(SECURITY_POLICY, USER_RIGHTS, AUDIT_POLICY, REGISTRY,
            MACHINE_ROLE, DEVICE_SECURITY);

    private WindowsCollectors() {
    }
}

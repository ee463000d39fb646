package io.osbaseline.local.windows;

import io.osbaseline.model.fact.MachineRole;
import io.osbaseline.provider.InvalidOptionException;
import io.osbaseline.provider.Provider;
import io.osbaseline.provider.ProviderException;
import io.osbaseline.provider.ProviderFactory;
import io.osbaseline.provider.ProviderOption;
import io.osbaseline.provider.ProviderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@code windows-export} provider: Windows machines assessed from exported policy files. */
public final class WindowsExportProviderFactory implements ProviderFactory {
    public static final String ID = "windows-export";
    public static final String PATH = "path";
    public static final String STATE = "state";
    public static final String ROLE = "role";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Windows machines from exports: a collector bundle, a GPO backup, secedit/auditpol/reg export files "
                + "or Registry.pol";
    }

    @Override
    public List<ProviderOption> options() {
        return List.of(
                ProviderOption.required(PATH, "an export file, a folder of exports or of GPO backups, a GPO backup, "
                        + "or a collector bundle (folder or .zip)"),
                ProviderOption.optional(STATE, "effective (a live machine's exports: what they do not hold under "
                        + "what they captured is absent) or policy (a GPO's intent: only what it configures); "
                        + "default: by source (bundles and tool exports effective, GPO files policy)"),
                ProviderOption.optional(ROLE, "domain-controller, domain-member or workgroup-member: the role of the "
                        + "machines, for the role-specific rules (a bundle's manifest says it; a GPO backup does not)"));
    }

    @Override
    public Provider create(ProviderOptions options) throws ProviderException {
        String value = options.require(PATH);
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new InvalidOptionException("option '" + PATH + "' of provider '" + ID + "': " + value
                    + " does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidOptionException("option '" + PATH + "' of provider '" + ID + "': " + value
                    + " is not readable");
        }
        ExportState state = null;
        Optional<String> s = options.get(STATE);
        if (s.isPresent()) {
            state = ExportState.parse(s.get());
            if (state == null) {
                throw new InvalidOptionException("option '" + STATE + "' of provider '" + ID + "' must be effective"
                        + " or policy, got '" + s.get() + "'");
            }
        }
        String role = options.get(ROLE).map(String::strip).orElse(null);
        if (role != null && !MachineRole.ROLES.contains(role)) {
            throw new InvalidOptionException("option '" + ROLE + "' of provider '" + ID + "' must be "
                    + MachineRole.DOMAIN_CONTROLLER + ", " + MachineRole.DOMAIN_MEMBER + " or "
                    + MachineRole.WORKGROUP_MEMBER + ", got '" + role + "'");
        }
        return new WindowsExportProvider(path, state, role, Clock.systemUTC());
    }
}

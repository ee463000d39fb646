package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.RuleCase.*;

import java.util.List;
import java.util.stream.Stream;

/** Secured-core checks (device-security values of the bundle, on Azure Stack HCI). */
final class SecuredCoreCases {
    private SecuredCoreCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                device("AZ-WIN-202250", "BootDMAProtection", "1", "0"),
                device("AZ-WIN-202246", "HypervisorEnforcedCodeIntegrityStatus", "0", "1"),
                device("AZ-WIN-202248", "SecureBootState", "1", "0"),
                device("AZ-WIN-202247", "SystemGuardStatus", "0", "1"),
                device("AZ-WIN-202245", "VirtualizationBasedSecurityStatus", "0", "1"),
                device("AZ-WIN-202249", "TPMVersion", "2.0, 0, 1.38", "1.2"));
    }
}

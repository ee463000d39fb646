package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.RuleCase.*;

import java.util.List;
import java.util.stream.Stream;

/** Account policies ([System Access] of the secedit export). */
final class AccountPolicyCases {
    private AccountPolicyCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                secpol("AZ-WIN-73312", DC, "LockoutDuration", "15", "14"),
                secpol("CCE-37432-2", DC, "EnableGuestAccount", "0", "1"),
                secpol("AZ-WIN-202255", DC, "NewGuestName", "Visitor", "Guest"),
                secpol("CCE-10024-8", DC, "LSAAnonymousNameLookup", "0", "1"),
                secpol("CCE-10976-9", DC, "NewAdministratorName", "X_Admin", "Administrator"),
                secpol("AZ-WIN-73311", DC, "LockoutBadCount", "3", "4"),
                secpol("CCE-37166-6", DC, "PasswordHistorySize", "24", "23"),
                secpol("CCE-37167-4", DC, "MaximumPasswordAge", "70", "71"),
                secpol("CCE-37073-4", DC, "MinimumPasswordAge", "1", "0"),
                secpol("CCE-36534-6", DC, "MinimumPasswordLength", "14", "13"),
                secpol("CCE-37063-5", DC, "PasswordComplexity", "1", "0"),
                secpol("AZ-WIN-73309", DC, "ResetLockoutCount", "15", "14"),
                secpol("CCE-36286-3", DC, "ClearTextPassword", "0", "1"));
    }
}

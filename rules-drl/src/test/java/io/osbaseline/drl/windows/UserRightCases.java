package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.RuleCase.*;

import java.util.List;
import java.util.stream.Stream;

/** User rights ([Privilege Rights] of the secedit export), principals as SIDs. */
final class UserRightCases {
    private UserRightCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                right("CCE-37056-9", DC, "SeTrustedCredManAccessPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-35818-4", MEMBER, "SeNetworkLogonRight", List.of("*S-1-5-32-544", "*S-1-5-11"), "Administrators, Authenticated Users", List.of("*S-1-5-32-544", "*S-1-5-11", "*S-1-1-0"), "Administrators, Authenticated Users, Everyone"),
                right("CCE-36876-1", DC, "SeTcbPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-37659-0", MEMBER, "SeInteractiveLogonRight", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-37072-6", DC, "SeRemoteInteractiveLogonRight", List.of("*S-1-5-32-544", "*S-1-5-32-555"), "Administrators, Remote Desktop Users", List.of("*S-1-5-32-544", "*S-1-5-32-555", "*S-1-1-0"), "Administrators, Everyone, Remote Desktop Users"),
                right("CCE-35912-5", MEMBER, "SeBackupPrivilege", List.of("*S-1-5-32-544", "*S-1-5-32-551", "*S-1-5-32-549"), "Administrators, Backup Operators, Server Operators", List.of("*S-1-5-32-544", "*S-1-5-32-551", "*S-1-5-32-549", "*S-1-1-0"), "Administrators, Backup Operators, Everyone, Server Operators"),
                right("AZ-WIN-00184", MEMBER, "SeChangeNotifyPrivilege", List.of("*S-1-5-32-544", "*S-1-5-11", "*S-1-5-32-551", "*S-1-5-19", "*S-1-5-20"), "Administrators, Authenticated Users, Backup Operators, LOCAL SERVICE, NETWORK SERVICE", List.of("*S-1-5-32-544", "*S-1-5-11", "*S-1-5-32-551", "*S-1-5-19", "*S-1-5-20", "*S-1-1-0"), "Administrators, Authenticated Users, Backup Operators, Everyone, LOCAL SERVICE, NETWORK SERVICE"),
                right("CCE-37452-0", MEMBER, "SeSystemtimePrivilege", List.of("*S-1-5-32-544", "*S-1-5-32-549", "*S-1-5-19"), "Administrators, LOCAL SERVICE, Server Operators", List.of("*S-1-5-32-544", "*S-1-5-32-549", "*S-1-5-19", "*S-1-1-0"), "Administrators, Everyone, LOCAL SERVICE, Server Operators"),
                right("CCE-37700-2", DC, "SeTimeZonePrivilege", List.of("*S-1-5-32-544", "*S-1-5-19"), "Administrators, LOCAL SERVICE", List.of("*S-1-5-32-544", "*S-1-5-19", "*S-1-1-0"), "Administrators, Everyone, LOCAL SERVICE"),
                right("CCE-35821-8", DC, "SeCreatePagefilePrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-36861-3", DC, "SeCreateTokenPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-37453-8", DC, "SeCreateGlobalPrivilege", List.of("*S-1-5-32-544", "*S-1-5-6", "*S-1-5-19", "*S-1-5-20"), "Administrators, LOCAL SERVICE, NETWORK SERVICE, SERVICE", List.of("*S-1-5-32-544", "*S-1-5-6", "*S-1-5-19", "*S-1-5-20", "*S-1-1-0"), "Administrators, Everyone, LOCAL SERVICE, NETWORK SERVICE, SERVICE"),
                right("CCE-36532-0", DC, "SeCreatePermanentPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-35823-4", DC, "SeCreateSymbolicLinkPrivilege", List.of("*S-1-5-32-544", "*S-1-5-83-0"), "Administrators, NT VIRTUAL MACHINE\\Virtual Machines", List.of("*S-1-5-32-544", "*S-1-5-83-0", "*S-1-1-0"), "Administrators, Everyone, NT VIRTUAL MACHINE\\Virtual Machines"),
                right("AZ-WIN-73755", DC, "SeDebugPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-37954-5", DC, "SeDenyNetworkLogonRight", List.of("*S-1-5-32-546"), "Guests", List.of("*S-1-5-113"), "Local account"),
                right("CCE-36923-1", DC, "SeDenyBatchLogonRight", List.of("*S-1-5-32-546"), "Guests", List.of("*S-1-5-113"), "Local account"),
                right("CCE-36877-9", DC, "SeDenyServiceLogonRight", List.of("*S-1-5-32-546"), "Guests", List.of("*S-1-5-113"), "Local account"),
                right("CCE-37146-8", DC, "SeDenyInteractiveLogonRight", List.of("*S-1-5-32-546"), "Guests", List.of("*S-1-5-113"), "Local account"),
                right("CCE-36867-0", WORKGROUP, "SeDenyRemoteInteractiveLogonRight", List.of("*S-1-5-32-546"), "Guests", List.of("*S-1-5-113"), "Local account"),
                right("CCE-36860-5", MEMBER, "SeEnableDelegationPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-37877-8", DC, "SeRemoteShutdownPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-37639-2", DC, "SeAuditPrivilege", List.of("*S-1-5-19", "*S-1-5-20", "*S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415"), "IIS APPPOOL\\DefaultAppPool, LOCAL SERVICE, NETWORK SERVICE", List.of("*S-1-5-19", "*S-1-5-20", "*S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415", "*S-1-1-0"), "Everyone, IIS APPPOOL\\DefaultAppPool, LOCAL SERVICE, NETWORK SERVICE"),
                right("AZ-WIN-00185", MEMBER, "SeIncreaseWorkingSetPrivilege", List.of("*S-1-5-32-544", "*S-1-5-19"), "Administrators, LOCAL SERVICE", List.of("*S-1-5-32-544", "*S-1-5-19", "*S-1-1-0"), "Administrators, Everyone, LOCAL SERVICE"),
                right("CCE-38326-5", DC, "SeIncreaseBasePriorityPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-36318-4", DC, "SeLoadDriverPrivilege", List.of("*S-1-5-32-544", "*S-1-5-32-550"), "Administrators, Print Operators", List.of("*S-1-5-32-544", "*S-1-5-32-550", "*S-1-1-0"), "Administrators, Everyone, Print Operators"),
                right("CCE-36495-0", DC, "SeLockMemoryPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-35906-7", DC, "SeSecurityPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-36054-5", DC, "SeRelabelPrivilege", List.of(), "No One", List.of("*S-1-5-32-544"), "Administrators"),
                right("CCE-38113-7", DC, "SeSystemEnvironmentPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-36143-6", DC, "SeManageVolumePrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-37131-0", DC, "SeProfileSingleProcessPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("CCE-36052-9", DC, "SeSystemProfilePrivilege", List.of("*S-1-5-32-544", "*S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420"), "Administrators, NT SERVICE\\WdiServiceHost", List.of("*S-1-5-32-544", "*S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420", "*S-1-1-0"), "Administrators, Everyone, NT SERVICE\\WdiServiceHost"),
                right("CCE-37430-6", DC, "SeAssignPrimaryTokenPrivilege", List.of("*S-1-5-19", "*S-1-5-20"), "LOCAL SERVICE, NETWORK SERVICE", List.of("*S-1-5-19", "*S-1-5-20", "*S-1-1-0"), "Everyone, LOCAL SERVICE, NETWORK SERVICE"),
                right("CCE-37613-7", MEMBER, "SeRestorePrivilege", List.of("*S-1-5-32-544", "*S-1-5-32-551"), "Administrators, Backup Operators", List.of("*S-1-5-32-544", "*S-1-5-32-551", "*S-1-1-0"), "Administrators, Backup Operators, Everyone"),
                right("CCE-38328-1", DC, "SeShutdownPrivilege", List.of("*S-1-5-32-544", "*S-1-5-32-551"), "Administrators, Backup Operators", List.of("*S-1-5-32-544", "*S-1-5-32-551", "*S-1-1-0"), "Administrators, Backup Operators, Everyone"),
                right("CCE-38325-7", DC, "SeTakeOwnershipPrivilege", List.of("*S-1-5-32-544"), "Administrators", List.of("*S-1-5-32-544", "*S-1-1-0"), "Administrators, Everyone"),
                right("AZ-WIN-73785", DC, "SeImpersonatePrivilege", List.of("*S-1-5-32-544", "*S-1-5-6", "*S-1-5-19", "*S-1-5-20"), "Administrators, LOCAL SERVICE, NETWORK SERVICE, SERVICE", List.of("*S-1-5-32-544", "*S-1-5-6", "*S-1-5-19", "*S-1-5-20", "*S-1-1-0"), "Administrators, Everyone, LOCAL SERVICE, NETWORK SERVICE, SERVICE"),
                right("CCE-10849-8", DC, "SeIncreaseQuotaPrivilege", List.of("*S-1-5-32-544", "*S-1-5-19", "*S-1-5-20"), "Administrators, LOCAL SERVICE, NETWORK SERVICE", List.of("*S-1-5-32-544", "*S-1-5-19", "*S-1-5-20", "*S-1-1-0"), "Administrators, Everyone, LOCAL SERVICE, NETWORK SERVICE"));
    }
}

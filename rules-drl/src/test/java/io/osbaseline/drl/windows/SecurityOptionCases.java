package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.RuleCase.*;

import java.util.List;
import java.util.stream.Stream;

/** Security options (registry values, from reg export files). */
final class SecurityOptionCases {
    private SecurityOptionCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reg("AZ-WIN-202201", DC, "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "NoConnectedUser", dword(3), "3", dword(0), "0"),
                reg("CCE-37615-2", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "LimitBlankPasswordUse", dword(1), "1", dword(0), "0"),
                reg("CCE-37850-5", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "SCENoApplyLegacyAuditPolicy", dword(1), "1", dword(0), "0"),
                reg("CCE-35907-5", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "CrashOnAuditFail", dword(0), "0", dword(1), "1"),
                reg("CCE-37701-0", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "AllocateDASD", dword(0), "0", dword(1), "1"),
                reg("CCE-37942-0", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Providers\\LanMan Print Services\\Servers", "AddPrinterDrivers", dword(1), "1", dword(0), "0"),
                reg("AZ_WIN_202202", DC, "HKLM\\Software\\Policies\\Microsoft\\Windows NT\\Printers\\PointAndPrint", "RestrictDriverInstallationToAdministrators", dword(1), "1", dword(0), "0"),
                reg("CCE-36142-8", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters", "RequireSignOrSeal", dword(1), "1", dword(0), "0"),
                reg("CCE-37130-2", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters", "SealSecureChannel", dword(1), "1", dword(0), "0"),
                reg("CCE-37222-7", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters", "SignSecureChannel", dword(1), "1", dword(0), "0"),
                reg("CCE-37508-9", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters", "DisablePasswordChange", dword(0), "0", dword(1), "1"),
                reg("CCE-37431-4", DC, "HKLM\\System\\CurrentControlSet\\Services\\Netlogon\\Parameters", "MaximumPasswordAge", dword(30), "30", dword(31), "31"),
                reg("CCE-37614-5", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters", "RequireStrongKey", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-73651", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "CachedLogonsCount", sz("4"), "4", sz("5"), "5"),
                reg("CCE-36056-0", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "DontDisplayLastUserName", dword(1), "1", dword(0), "0"),
                reg("CCE-37637-6", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "DisableCAD", dword(0), "0", dword(1), "1"),
                reg("AZ-WIN-73645", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "InactivityTimeoutSecs", dword(900), "900", dword(901), "901"),
                reg("AZ-WIN-202253", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "LegalNoticeText", sz("Authorized use only"), "Authorized use only", sz(""), "\"\""),
                reg("AZ-WIN-202254", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "LegalNoticeCaption", sz("Authorized use only"), "Authorized use only", sz(""), "\"\""),
                reg("CCE-10930-6", DC, "HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "PasswordExpiryWarning", dword(14), "14", dword(15), "15"),
                reg("CCE-36325-9", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters", "RequireSecuritySignature", dword(1), "1", dword(0), "0"),
                reg("CCE-36269-9", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters", "EnableSecuritySignature", dword(1), "1", dword(0), "0"),
                reg("CCE-37863-8", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters", "EnablePlainTextPassword", dword(0), "0", dword(1), "1"),
                reg("CCE-38046-9", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanManServer\\Parameters", "AutoDisconnect", dword(15), "15", dword(16), "16"),
                reg("CCE-37864-6", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanManServer\\Parameters", "RequireSecuritySignature", dword(1), "1", dword(0), "0"),
                reg("CCE-35988-5", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanManServer\\Parameters", "EnableSecuritySignature", dword(1), "1", dword(0), "0"),
                reg("CCE-37972-7", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanManServer\\Parameters", "EnableForcedLogoff", dword(1), "1", dword(0), "0"),
                reg("CCE-10617-9", MEMBER, "HKLM\\System\\CurrentControlSet\\Services\\LanManServer\\Parameters", "SMBServerNameHardeningLevel", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-00175", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters", "SMB1", dword(0), "0", dword(1), "1"),
                reg("CCE-36316-8", MEMBER, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "RestrictAnonymousSAM", dword(1), "1", dword(0), "0"),
                reg("CCE-36077-6", MEMBER, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "RestrictAnonymous", dword(1), "1", dword(0), "0"),
                reg("CCE-36148-5", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "EveryoneIncludesAnonymous", dword(0), "0", dword(1), "1"),
                reg("CCE-37194-8", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurePipeServers\\Winreg\\AllowedExactPaths", "Machine", multi("System\\CurrentControlSet\\Control\\ProductOptions", "System\\CurrentControlSet\\Control\\Server Applications", "Software\\Microsoft\\Windows NT\\CurrentVersion"), "System\\CurrentControlSet\\Control\\ProductOptions, System\\CurrentControlSet\\Control\\Server Applications, Software\\Microsoft\\Windows NT\\CurrentVersion", multi("System\\CurrentControlSet\\Control\\ProductOptions", "System\\CurrentControlSet\\Control\\Server Applications"), "System\\CurrentControlSet\\Control\\ProductOptions, System\\CurrentControlSet\\Control\\Server Applications"),
                reg("CCE-36347-3", MEMBER, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurePipeServers\\Winreg\\AllowedPaths", "Machine", multi("System\\CurrentControlSet\\Control\\Print\\Printers", "System\\CurrentControlSet\\Services\\Eventlog", "Software\\Microsoft\\OLAP Server", "Software\\Microsoft\\Windows NT\\CurrentVersion\\Print", "Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows", "System\\CurrentControlSet\\Control\\ContentIndex", "System\\CurrentControlSet\\Control\\Terminal Server", "System\\CurrentControlSet\\Control\\Terminal Server\\UserConfig", "System\\CurrentControlSet\\Control\\Terminal Server\\DefaultUserConfiguration", "Software\\Microsoft\\Windows NT\\CurrentVersion\\Perflib", "System\\CurrentControlSet\\Services\\SysmonLog"), "System\\CurrentControlSet\\Control\\Print\\Printers, System\\CurrentControlSet\\Services\\Eventlog, Software\\Microsoft\\OLAP Server, Software\\Microsoft\\Windows NT\\CurrentVersion\\Print, Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows, System\\CurrentControlSet\\Control\\ContentIndex, System\\CurrentControlSet\\Control\\Terminal Server, System\\CurrentControlSet\\Control\\Terminal Server\\UserConfig, System\\CurrentControlSet\\Control\\Terminal Server\\DefaultUserConfiguration, Software\\Microsoft\\Windows NT\\CurrentVersion\\Perflib, System\\CurrentControlSet\\Services\\SysmonLog", multi("System\\CurrentControlSet\\Control\\Print\\Printers", "System\\CurrentControlSet\\Services\\Eventlog", "Software\\Microsoft\\OLAP Server", "Software\\Microsoft\\Windows NT\\CurrentVersion\\Print", "Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows", "System\\CurrentControlSet\\Control\\ContentIndex", "System\\CurrentControlSet\\Control\\Terminal Server", "System\\CurrentControlSet\\Control\\Terminal Server\\UserConfig", "System\\CurrentControlSet\\Control\\Terminal Server\\DefaultUserConfiguration", "Software\\Microsoft\\Windows NT\\CurrentVersion\\Perflib"), "System\\CurrentControlSet\\Control\\Print\\Printers, System\\CurrentControlSet\\Services\\Eventlog, Software\\Microsoft\\OLAP Server, Software\\Microsoft\\Windows NT\\CurrentVersion\\Print, Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows, System\\CurrentControlSet\\Control\\ContentIndex, System\\CurrentControlSet\\Control\\Terminal Server, System\\CurrentControlSet\\Control\\Terminal Server\\UserConfig, System\\CurrentControlSet\\Control\\Terminal Server\\DefaultUserConfiguration, Software\\Microsoft\\Windows NT\\CurrentVersion\\Perflib"),
                reg("CCE-36021-4", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanManServer\\Parameters", "RestrictNullSessAccess", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-00142", MEMBER, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "RestrictRemoteSAM", sz("O:BAG:BAD:(A;;RC;;;BA)"), "O:BAG:BAD:(A;;RC;;;BA)", sz("C:\\Temp\\other.log"), "C:\\Temp\\other.log"),
                reg("CCE-38095-6", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanManServer\\Parameters", "NullSessionShares", multi(), "(empty)", multi("Public"), "Public"),
                reg("CCE-37623-6", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "ForceGuest", dword(0), "0", dword(1), "1"),
                reg("CCE-38341-4", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "UseMachineId", dword(1), "1", dword(0), "0"),
                reg("CCE-37035-3", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0", "AllowNullSessionFallback", dword(0), "0", dword(1), "1"),
                reg("CCE-38047-7", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\pku2u", "AllowOnlineID", dword(0), "0", dword(1), "1"),
                reg("CCE-37755-6", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Kerberos\\Parameters", "SupportedEncryptionTypes", dword(2147483640), "2147483640", dword(0), "0"),
                reg("CCE-36326-7", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "NoLMHash", dword(1), "1", dword(0), "0"),
                reg("CCE-36173-3", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "LmCompatibilityLevel", dword(5), "5", dword(0), "0"),
                reg("CCE-36858-9", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LDAP", "LDAPClientIntegrity", dword(1), "1", dword(0), "0"),
                reg("CCE-37553-5", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0", "NTLMMinClientSec", dword(537395200), "537395200", dword(0), "0"),
                reg("CCE-37835-6", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0", "NTLMMinServerSec", dword(537395200), "537395200", dword(0), "0"),
                reg("CCE-36788-8", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "ShutdownWithoutLogon", dword(0), "0", dword(1), "1"),
                reg("AZ-WIN-00181", MEMBER, "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\Memory Management", "ClearPageFileAtShutdown", dword(0), "0", dword(1), "1"),
                reg("AZ-WIN-73699", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography", "ForceKeyProtection", dword(2), "2", dword(0), "0"),
                reg("AZ-WIN-73701", MEMBER, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy", "Enabled", dword(1), "1", dword(0), "0"),
                reg("CCE-37885-1", DC, "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\Kernel", "ObCaseInsensitive", dword(1), "1", dword(0), "0"),
                reg("CCE-37644-2", DC, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager", "ProtectionMode", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-00155", MEMBER, "HKLM\\Software\\Policies\\Microsoft\\Windows\\Safer\\CodeIdentifiers", "AuthenticodeEnabled", dword(1), "1", dword(0), "0"),
                reg("CCE-36494-3", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "FilterAdministratorToken", dword(1), "1", dword(0), "0"),
                reg("CCE-36863-9", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableUIADesktopToggle", dword(0), "0", dword(1), "1"),
                reg("CCE-37029-6", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "ConsentPromptBehaviorAdmin", dword(2), "2", dword(0), "0"),
                reg("CCE-36864-7", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "ConsentPromptBehaviorUser", dword(0), "0", dword(1), "1"),
                reg("CCE-36533-8", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableInstallerDetection", dword(1), "1", dword(0), "0"),
                reg("CCE-37057-7", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableSecureUIAPaths", dword(1), "1", dword(0), "0"),
                reg("CCE-36869-6", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableLUA", dword(1), "1", dword(0), "0"),
                reg("CCE-36866-2", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "PromptOnSecureDesktop", dword(1), "1", dword(0), "0"),
                reg("CCE-37064-3", DC, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableVirtualization", dword(1), "1", dword(0), "0"));
    }
}

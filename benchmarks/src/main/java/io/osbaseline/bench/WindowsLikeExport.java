package io.osbaseline.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the collector bundle {@code osbaseline-collect.ps1} would write on a Windows Server 2022 Datacenter member
 * server of an Active Directory domain: the manifest, {@code secedit.inf} (UTF-16LE, as {@code secedit /export}
 * writes it), {@code auditpol.csv} ({@code auditpol /backup}) and one {@code reg export} per key the script exports
 * (UTF-16LE). Its policy is what a fresh install has, with a domain hardening GPO applied that covers the firewall,
 * Defender, the event logs and most security options but leaves gaps, as real GPOs do: UAC prompts, SMB signing and
 * NTLM settings left at their defaults, no account lockout (so secedit leaves out the lockout duration), the Guest
 * account not renamed, default user rights on a few privileges, and part of the advanced audit policy.
 *
 * <p>There is no Windows machine on the build host; this bundle is how the benchmarks always have one.
 */
public final class WindowsLikeExport {
    /** The computer name; the bundle's folder is named after it, as the script names it. */
    public static final String COMPUTER = "WIN2022-APP-01";

    private WindowsLikeExport() {
    }

    /** The keys the script exports, in its order, with whether they exist on this machine. */
    private static final Map<String, Boolean> EXPORTED_KEYS = new LinkedHashMap<>();

    static {
        for (String k : List.of("SOFTWARE/Policies", "SOFTWARE/Microsoft/Windows/CurrentVersion/Policies",
                "SOFTWARE/Microsoft/Windows NT/CurrentVersion/Winlogon",
                "SOFTWARE/Microsoft/Microsoft Antimalware/Signature Updates", "SYSTEM/CurrentControlSet/Control/Lsa",
                "SYSTEM/CurrentControlSet/Control/Session Manager",
                "SYSTEM/CurrentControlSet/Control/SecurityProviders/WDigest",
                "SYSTEM/CurrentControlSet/Control/SecurePipeServers/Winreg",
                "SYSTEM/CurrentControlSet/Control/Print/Providers/LanMan Print Services/Servers",
                "SYSTEM/CurrentControlSet/Control/Terminal Server/WinStations/RDP-Tcp",
                "SYSTEM/CurrentControlSet/Policies/EarlyLaunch", "SYSTEM/CurrentControlSet/Services/LanmanWorkstation",
                "SYSTEM/CurrentControlSet/Services/LanmanServer/Parameters",
                "SYSTEM/CurrentControlSet/Services/Netlogon/Parameters", "SYSTEM/CurrentControlSet/Services/LDAP",
                "SYSTEM/CurrentControlSet/Services/Tcpip/Parameters",
                "SYSTEM/CurrentControlSet/Services/Tcpip6/Parameters",
                "SYSTEM/CurrentControlSet/Services/NetBT/Parameters",
                "SYSTEM/CurrentControlSet/Services/Eventlog/Security",
                "SYSTEM/CurrentControlSet/Services/W32Time/TimeProviders/NtpClient",
                "SYSTEM/CurrentControlSet/Services/WSearch")) {
            EXPORTED_KEYS.put(k, true);
        }
        // No System Center Endpoint Protection (Defender is built in), and no Windows Search on a server.
        EXPORTED_KEYS.put("SOFTWARE/Microsoft/Microsoft Antimalware/Signature Updates", false);
        EXPORTED_KEYS.put("SYSTEM/CurrentControlSet/Services/WSearch", false);
    }

    /** A registry value; keys are written with {@code /} under HKLM. */
    private record Value(String key, String name, Object data, boolean securityOption) {
    }

    /** REG_EXPAND_SZ data. */
    private record Expand(String text) {
    }

    private static final List<Value> REGISTRY = new ArrayList<>();

    private static void set(String key, String name, Object data) {
        REGISTRY.add(new Value(key, name, data, false));
    }

    /** A value secedit also lists in [Registry Values] (a security option). */
    private static void option(String key, String name, Object data) {
        REGISTRY.add(new Value(key, name, data, true));
    }

    static {
        String defender = "SOFTWARE/Policies/Microsoft/Windows Defender";
        set(defender, "PUAProtection", 1);
        set(defender + "/Real-Time Protection", "DisableIOAVProtection", 0);
        set(defender + "/Real-Time Protection", "DisableRealtimeMonitoring", 0);
        set(defender + "/Real-Time Protection", "DisableScriptScanning", 0);
        set(defender + "/Real-Time Protection", "DisableBehaviorMonitoring", 0);
        set(defender + "/Scan", "DisableEmailScanning", 0);
        set(defender + "/Scan", "DisableRemovableDriveScanning", 1);
        set(defender + "/SpyNet", "SubmitSamplesConsent", 1);
        set(defender + "/SpyNet", "SpynetReporting", 2);
        set(defender + "/Windows Defender Exploit Guard/ASR", "ExploitGuard_ASR_Rules", 1);
        set(defender + "/Windows Defender Exploit Guard/Network Protection", "EnableNetworkProtection", 2);
        set("SOFTWARE/Policies/Microsoft/Windows Defender Security Center/App and Browser protection",
                "DisallowExploitProtectionOverride", 1);
        set("SOFTWARE/Policies/Microsoft/InputPersonalization", "AllowInputPersonalization", 0);
        set("SOFTWARE/Policies/Microsoft/MicrosoftAccount", "DisableUserAuth", 1);
        set("SOFTWARE/Policies/Microsoft/Internet Explorer/Feeds", "DisableEnclosureDownload", 1);
        set("SOFTWARE/Policies/Microsoft/SystemCertificates/AuthRoot", "DisableRootAutoUpdate", 0);
        String windows = "SOFTWARE/Policies/Microsoft/Windows";
        set(windows + "/AppCompat", "DisableInventory", 1);
        set(windows + "/CloudContent", "DisableConsumerAccountStateContent", 1);
        set(windows + "/CloudContent", "DisableWindowsConsumerFeatures", 1);
        set(windows + "/CredentialsDelegation", "AllowProtectedCreds", 1);
        set(windows + "/CredUI", "DisablePasswordReveal", 1);
        set(windows + "/DataCollection", "AllowTelemetry", 1);
        set(windows + "/DataCollection", "DoNotShowFeedbackNotifications", 1);
        set(windows + "/Device Metadata", "PreventDeviceMetadataFromNetwork", 1);
        set(windows + "/EventLog/Application", "MaxSize", 32768);
        set(windows + "/EventLog/Security", "MaxSize", 131072);
        set(windows + "/EventLog/Setup", "MaxSize", 32768);
        set(windows + "/EventLog/System", "MaxSize", 32768);
        set(windows + "/Explorer", "NoAutoplayfornonVolume", 1);
        set(windows + "/Group Policy/{35378EAC-683F-11D2-A89A-00C04FBBCFA2}", "NoBackgroundPolicy", 0);
        set(windows + "/Group Policy/{35378EAC-683F-11D2-A89A-00C04FBBCFA2}", "NoGPOListChanges", 0);
        set(windows + "/Installer", "AlwaysInstallElevated", 0);
        set(windows + "/Installer", "EnableUserControl", 0);
        set(windows + "/Internet Connection Wizard", "ExitOnMSICW", 1);
        set(windows + "/LanmanWorkstation", "AllowInsecureGuestAuth", 0);
        set(windows + "/Network Connections", "NC_AllowNetBridge_NLA", 0);
        set(windows + "/Network Connections", "NC_ShowSharedAccessUI", 0);
        set(windows + "/NetworkProvider/HardenedPaths", "\\\\*\\NETLOGON",
                "RequireMutualAuthentication=1, RequireIntegrity=1");
        set(windows + "/NetworkProvider/HardenedPaths", "\\\\*\\SYSVOL", "RequireMutualAuthentication=1");
        set(windows + "/PowerShell/ScriptBlockLogging", "EnableScriptBlockLogging", 1);
        set(windows + "/PowerShell/Transcription", "EnableTranscripting", 1);
        set(windows + "/PowerShell/Transcription", "OutputDirectory", "D:\\PSTranscripts");
        option(windows + "/Safer/CodeIdentifiers", "AuthenticodeEnabled", 0);
        set(windows + "/Safer/CodeIdentifiers", "DefaultLevel", 262144);
        set(windows + "/Safer/CodeIdentifiers", "TransparentEnabled", 1);
        set(windows + "/System", "AllowDomainPINLogon", 0);
        set(windows + "/System", "BlockUserFromShowingAccountDetailsOnSignin", 1);
        set(windows + "/System", "DisableLockScreenAppNotifications", 1);
        set(windows + "/System", "DontDisplayNetworkSelectionUI", 1);
        set(windows + "/System", "DontEnumerateConnectedUsers", 1);
        set(windows + "/System", "EnableCdp", 0);
        set(windows + "/System", "EnumerateLocalUsers", 0);
        set(windows + "/WcmSvc/GroupPolicy", "fMinimizeConnections", 1);
        set(windows + "/Windows Search", "AllowIndexingEncryptedStoresOrItems", 0);
        set(windows + "/WinRM/Client", "AllowBasic", 0);
        set(windows + "/WinRM/Client", "AllowDigest", 0);
        set(windows + "/WinRM/Client", "AllowUnencryptedTraffic", 0);
        set(windows + "/WinRM/Service", "AllowBasic", 0);
        set(windows + "/WinRM/Service", "DisableRunAs", 1);
        String nt = "SOFTWARE/Policies/Microsoft/Windows NT";
        set(nt + "/DNSClient", "EnableMulticast", 0);
        set(nt + "/Printers", "DisableWebPnPDownload", 1);
        set(nt + "/Printers/PointAndPrint", "RestrictDriverInstallationToAdministrators", 1);
        set(nt + "/Rpc", "EnableAuthEpResolution", 1);
        String ts = nt + "/Terminal Services";
        set(ts, "DeleteTempDirsOnExit", 1);
        set(ts, "DisablePasswordSaving", 1);
        set(ts, "fAllowToGetHelp", 0);
        set(ts, "fAllowUnsolicited", 0);
        set(ts, "fDisableCdm", 1);
        set(ts, "fEncryptRPCTraffic", 1);
        set(ts, "MinEncryptionLevel", 3);
        set(ts, "PerSessionTempDir", 1);
        set(ts, "UserAuthentication", 1);
        String firewall = "SOFTWARE/Policies/Microsoft/WindowsFirewall";
        for (String profile : List.of("Domain", "Private", "Public")) {
            String p = firewall + "/" + profile + "Profile";
            boolean pub = profile.equals("Public");
            set(p, "EnableFirewall", 1);
            set(p, "DefaultInboundAction", 1);
            set(p, "DefaultOutboundAction", 0);
            set(p, "DisableNotifications", 1);
            set(p, "AllowLocalPolicyMerge", pub ? 0 : 1);
            set(p, "AllowLocalIPsecPolicyMerge", pub ? 0 : 1);
            set(p, "DisableUnicastResponsesToMulticastBroadcast", pub ? 1 : 0);
            set(p + "/Logging", "LogDroppedPackets", 1);
            set(p + "/Logging", "LogSuccessfulConnections", profile.equals("Private") ? 0 : 1);
            set(p + "/Logging", "LogFilePath",
                    "%SystemRoot%\\System32\\logfiles\\firewall\\" + profile.toLowerCase(Locale.ROOT) + "fw.log");
            set(p + "/Logging", "LogFileSize", pub ? 4096 : 16384);
        }

        String policies = "SOFTWARE/Microsoft/Windows/CurrentVersion/Policies";
        set(policies + "/DataCollection", "MaxTelemetryAllowed", 1);
        set(policies + "/CredUI", "EnumerateAdministrators", 0);
        set(policies + "/Explorer", "NoAutorun", 1);
        set(policies + "/Explorer", "NoDriveTypeAutoRun", 255);
        String system = policies + "/System";
        option(system, "ConsentPromptBehaviorAdmin", 5);
        option(system, "ConsentPromptBehaviorUser", 3);
        option(system, "DisableCAD", 0);
        set(system, "DisableAutomaticRestartSignOn", 1);
        option(system, "DontDisplayLastUserName", 1);
        set(system, "dontdisplaylockeduserid", 3);
        option(system, "EnableInstallerDetection", 1);
        option(system, "EnableLUA", 1);
        option(system, "EnableSecureUIAPaths", 1);
        option(system, "EnableUIADesktopToggle", 0);
        option(system, "EnableVirtualization", 1);
        option(system, "FilterAdministratorToken", 0);
        option(system, "InactivityTimeoutSecs", 900);
        option(system, "LegalNoticeCaption", "Contoso Ltd.");
        option(system, "LegalNoticeText", "This system is for the use of authorized users only. Activity is "
                + "monitored and recorded.");
        set(system, "MSAOptional", 1);
        option(system, "NoConnectedUser", 3);
        option(system, "PromptOnSecureDesktop", 1);
        option(system, "scforceoption", 0);
        option(system, "ShutdownWithoutLogon", 0);
        option(system, "undockwithoutlogon", 1);
        option(system, "ValidateAdminCodeSignatures", 0);
        set(system + "/Audit", "ProcessCreationIncludeCmdLine_Enabled", 1);
        set(system + "/CredSSP/Parameters", "AllowEncryptionOracle", 0);
        option(system + "/Kerberos/Parameters", "SupportedEncryptionTypes", 2147483640);

        String winlogon = "SOFTWARE/Microsoft/Windows NT/CurrentVersion/Winlogon";
        option(winlogon, "AllocateDASD", "0");
        set(winlogon, "AutoAdminLogon", "0");
        option(winlogon, "CachedLogonsCount", "10");
        set(winlogon, "DefaultDomainName", "CONTOSO");
        set(winlogon, "DefaultUserName", "azureadmin");
        option(winlogon, "ForceUnlockLogon", 0);
        option(winlogon, "PasswordExpiryWarning", 5);
        option(winlogon, "ScRemoveOption", "0");
        set(winlogon, "Shell", "explorer.exe");
        set(winlogon, "Userinit", "C:\\Windows\\system32\\userinit.exe,");

        String lsa = "SYSTEM/CurrentControlSet/Control/Lsa";
        set(lsa, "Authentication Packages", List.of("msv1_0"));
        option(lsa, "auditbasedirectories", 0);
        option(lsa, "auditbaseobjects", 0);
        option(lsa, "crashonauditfail", 0);
        option(lsa, "disabledomaincreds", 0);
        option(lsa, "everyoneincludesanonymous", 0);
        option(lsa, "forceguest", 0);
        option(lsa, "LimitBlankPasswordUse", 1);
        option(lsa, "LmCompatibilityLevel", 3);
        set(lsa, "LsaPid", 712);
        option(lsa, "NoLmHash", 1);
        set(lsa, "Notification Packages", List.of("scecli"));
        option(lsa, "restrictanonymous", 0);
        option(lsa, "restrictanonymoussam", 1);
        set(lsa, "RunAsPPL", 2);
        set(lsa, "SCENoApplyLegacyAuditPolicy", 1);
        set(lsa, "Security Packages", List.of("\"\""));
        option(lsa + "/FIPSAlgorithmPolicy", "Enabled", 0);
        set(lsa + "/MSV1_0", "Auth70", List.of("ntlmoem"));
        option(lsa + "/MSV1_0", "NTLMMinClientSec", 536870912);
        option(lsa + "/MSV1_0", "NTLMMinServerSec", 537395200);
        set(lsa + "/pku2u", "AllowOnlineID", 0);

        String session = "SYSTEM/CurrentControlSet/Control/Session Manager";
        set(session, "BootExecute", List.of("autocheck autochk *"));
        set(session, "CriticalSectionTimeout", 2592000);
        option(session, "ProtectionMode", 1);
        set(session, "SafeDllSearchMode", 1);
        set(session + "/kernel", "DisableExceptionChainValidation", 0);
        option(session + "/kernel", "ObCaseInsensitive", 1);
        option(session + "/Memory Management", "ClearPageFileAtShutdown", 0);
        set(session + "/Memory Management", "PagingFiles", List.of("?:\\pagefile.sys"));
        option(session + "/SubSystems", "optional", List.of());

        set("SYSTEM/CurrentControlSet/Control/SecurityProviders/WDigest", "Debuglevel", 0);
        set("SYSTEM/CurrentControlSet/Control/SecurityProviders/WDigest", "UseLogonCredential", 0);
        String winreg = "SYSTEM/CurrentControlSet/Control/SecurePipeServers/Winreg";
        set(winreg, "Description", "Registry Server");
        set(winreg, "RemoteRegAccess", 1);
        option(winreg + "/AllowedExactPaths", "Machine", List.of("System\\CurrentControlSet\\Control\\ProductOptions",
                "System\\CurrentControlSet\\Control\\Server Applications",
                "Software\\Microsoft\\Windows NT\\CurrentVersion"));
        option(winreg + "/AllowedPaths", "Machine", List.of("System\\CurrentControlSet\\Control\\Print\\Printers",
                "System\\CurrentControlSet\\Services\\Eventlog", "Software\\Microsoft\\OLAP Server",
                "Software\\Microsoft\\Windows NT\\CurrentVersion\\Print",
                "Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows",
                "System\\CurrentControlSet\\Control\\ContentIndex", "System\\CurrentControlSet\\Control\\Terminal Server",
                "System\\CurrentControlSet\\Control\\Terminal Server\\UserConfig",
                "System\\CurrentControlSet\\Control\\Terminal Server\\DefaultUserConfiguration",
                "Software\\Microsoft\\Windows NT\\CurrentVersion\\Perflib",
                "System\\CurrentControlSet\\Services\\SysmonLog"));
        option("SYSTEM/CurrentControlSet/Control/Print/Providers/LanMan Print Services/Servers", "AddPrinterDrivers",
                1);
        String rdp = "SYSTEM/CurrentControlSet/Control/Terminal Server/WinStations/RDP-Tcp";
        set(rdp, "fEnableWinStation", 1);
        set(rdp, "MinEncryptionLevel", 2);
        set(rdp, "PortNumber", 3389);
        set(rdp, "SecurityLayer", 2);
        set(rdp, "UserAuthentication", 1);
        set("SYSTEM/CurrentControlSet/Policies/EarlyLaunch", "BackupPath",
                new Expand("%SystemRoot%\\System32\\config\\ELAM"));
        set("SYSTEM/CurrentControlSet/Policies/EarlyLaunch", "DriverLoadPolicy", 3);

        String workstation = "SYSTEM/CurrentControlSet/Services/LanmanWorkstation";
        set(workstation, "DependOnService", List.of("Bowser", "MRxSmb20", "NSI"));
        set(workstation, "DisplayName", "@%systemroot%\\system32\\wkssvc.dll,-100");
        set(workstation, "ImagePath", new Expand("%SystemRoot%\\System32\\svchost.exe -k NetworkService -p"));
        set(workstation, "ObjectName", "NT AUTHORITY\\NetworkService");
        set(workstation, "Start", 2);
        set(workstation, "Type", 32);
        option(workstation + "/Parameters", "EnablePlainTextPassword", 0);
        option(workstation + "/Parameters", "EnableSecuritySignature", 1);
        option(workstation + "/Parameters", "RequireSecuritySignature", 0);
        set(workstation + "/Parameters", "ServiceDll", new Expand("%SystemRoot%\\System32\\wkssvc.dll"));
        String server = "SYSTEM/CurrentControlSet/Services/LanmanServer/Parameters";
        option(server, "AutoDisconnect", 15);
        option(server, "EnableForcedLogOff", 1);
        option(server, "EnableSecuritySignature", 0);
        option(server, "NullSessionPipes", List.of());
        option(server, "RequireSecuritySignature", 0);
        option(server, "RestrictNullSessAccess", 1);
        set(server, "ServiceDll", new Expand("%SystemRoot%\\system32\\srvsvc.dll"));
        set(server, "Size", 1);
        String netlogon = "SYSTEM/CurrentControlSet/Services/Netlogon/Parameters";
        option(netlogon, "DisablePasswordChange", 0);
        set(netlogon, "DynamicSiteName", "Default-First-Site-Name");
        option(netlogon, "MaximumPasswordAge", 30);
        option(netlogon, "RequireSignOrSeal", 1);
        option(netlogon, "RequireStrongKey", 1);
        option(netlogon, "SealSecureChannel", 1);
        option(netlogon, "SignSecureChannel", 1);
        set(netlogon, "ServiceDll", new Expand("%systemroot%\\system32\\netlogon.dll"));
        option("SYSTEM/CurrentControlSet/Services/LDAP", "LDAPClientIntegrity", 1);
        String tcpip = "SYSTEM/CurrentControlSet/Services/Tcpip/Parameters";
        set(tcpip, "DataBasePath", new Expand("%SystemRoot%\\System32\\drivers\\etc"));
        set(tcpip, "DisableIPSourceRouting", 2);
        set(tcpip, "Domain", "corp.contoso.com");
        set(tcpip, "Hostname", COMPUTER);
        set(tcpip, "NV Hostname", COMPUTER);
        set(tcpip, "SearchList", "");
        set(tcpip, "UseDomainNameDevolution", 1);
        set("SYSTEM/CurrentControlSet/Services/Tcpip6/Parameters", "DataBasePath",
                new Expand("%SystemRoot%\\System32\\drivers\\etc"));
        String netbt = "SYSTEM/CurrentControlSet/Services/NetBT/Parameters";
        set(netbt, "BcastNameQueryCount", 3);
        set(netbt, "NameServerPort", 137);
        set(netbt, "NbProvider", "_tcp");
        set(netbt, "NoNameReleaseOnDemand", 1);
        set("SYSTEM/CurrentControlSet/Services/Eventlog/Security", "File",
                new Expand("%SystemRoot%\\System32\\Winevt\\Logs\\Security.evtx"));
        set("SYSTEM/CurrentControlSet/Services/Eventlog/Security", "MaxSize", 20971520);
        set("SYSTEM/CurrentControlSet/Services/Eventlog/Security", "WarningLevel", 90);
        String ntp = "SYSTEM/CurrentControlSet/Services/W32Time/TimeProviders/NtpClient";
        set(ntp, "DllName", new Expand("%systemroot%\\system32\\w32time.dll"));
        set(ntp, "Enabled", 1);
        set(ntp, "SpecialPollInterval", 3600);
    }

    private static final String SYSTEM_ACCESS = """
            MinimumPasswordAge = 1
            MaximumPasswordAge = 42
            MinimumPasswordLength = 14
            PasswordComplexity = 1
            PasswordHistorySize = 24
            LockoutBadCount = 0
            RequireLogonToChangePassword = 0
            ForceLogoffWhenHourExpire = 0
            NewAdministratorName = "azureadmin"
            NewGuestName = "Guest"
            ClearTextPassword = 0
            LSAAnonymousNameLookup = 0
            EnableAdminAccount = 1
            EnableGuestAccount = 0
            """;

    private static final String EVENT_AUDIT = """
            AuditSystemEvents = 0
            AuditLogonEvents = 0
            AuditObjectAccess = 0
            AuditPrivilegeUse = 0
            AuditPolicyChange = 0
            AuditAccountManage = 0
            AuditProcessTracking = 0
            AuditDSAccess = 0
            AuditAccountLogon = 0
            """;

    /** The defaults of Server 2022, the deny rights the GPO sets, and a domain service account with batch logon. */
    private static final String PRIVILEGE_RIGHTS = """
            SeNetworkLogonRight = *S-1-1-0,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551
            SeBackupPrivilege = *S-1-5-32-544,*S-1-5-32-551
            SeChangeNotifyPrivilege = *S-1-1-0,*S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551,*S-1-5-90-0
            SeSystemtimePrivilege = *S-1-5-19,*S-1-5-32-544
            SeCreatePagefilePrivilege = *S-1-5-32-544
            SeDebugPrivilege = *S-1-5-32-544
            SeRemoteShutdownPrivilege = *S-1-5-32-544
            SeAuditPrivilege = *S-1-5-19,*S-1-5-20
            SeIncreaseQuotaPrivilege = *S-1-5-19,*S-1-5-20,*S-1-5-32-544
            SeIncreaseBasePriorityPrivilege = *S-1-5-32-544,*S-1-5-90-0
            SeLoadDriverPrivilege = *S-1-5-32-544
            SeBatchLogonRight = *S-1-5-32-544,*S-1-5-32-551,*S-1-5-32-559,*S-1-5-21-3623811015-3361044348-30300820-1106
            SeServiceLogonRight = *S-1-5-80-0
            SeInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551
            SeSecurityPrivilege = *S-1-5-32-544
            SeSystemEnvironmentPrivilege = *S-1-5-32-544
            SeProfileSingleProcessPrivilege = *S-1-5-32-544
            SeSystemProfilePrivilege = *S-1-5-32-544,*S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420
            SeAssignPrimaryTokenPrivilege = *S-1-5-19,*S-1-5-20
            SeRestorePrivilege = *S-1-5-32-544,*S-1-5-32-551
            SeShutdownPrivilege = *S-1-5-32-544,*S-1-5-32-551
            SeTakeOwnershipPrivilege = *S-1-5-32-544
            SeDenyNetworkLogonRight = *S-1-5-32-546,*S-1-5-113
            SeDenyBatchLogonRight = *S-1-5-32-546
            SeDenyServiceLogonRight = *S-1-5-32-546
            SeDenyRemoteInteractiveLogonRight = *S-1-5-32-546,*S-1-5-113
            SeUndockPrivilege = *S-1-5-32-544
            SeManageVolumePrivilege = *S-1-5-32-544
            SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555
            SeImpersonatePrivilege = *S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-6
            SeCreateGlobalPrivilege = *S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-6
            SeIncreaseWorkingSetPrivilege = *S-1-5-32-545
            SeTimeZonePrivilege = *S-1-5-19,*S-1-5-32-544
            SeCreateSymbolicLinkPrivilege = *S-1-5-32-544
            SeDelegateSessionUserImpersonatePrivilege = *S-1-5-32-544
            """;

    /** Every subcategory auditpol lists, with this machine's setting: 0 none, 1 success, 2 failure, 3 both. */
    private static final String AUDIT = """
            Security System Extension,{0cce9211-69ae-11d9-bed3-505054503030},1
            System Integrity,{0cce9212-69ae-11d9-bed3-505054503030},3
            IPsec Driver,{0cce9213-69ae-11d9-bed3-505054503030},0
            Other System Events,{0cce9214-69ae-11d9-bed3-505054503030},3
            Security State Change,{0cce9210-69ae-11d9-bed3-505054503030},1
            Logon,{0cce9215-69ae-11d9-bed3-505054503030},3
            Logoff,{0cce9216-69ae-11d9-bed3-505054503030},1
            Account Lockout,{0cce9217-69ae-11d9-bed3-505054503030},1
            IPsec Main Mode,{0cce9218-69ae-11d9-bed3-505054503030},0
            IPsec Quick Mode,{0cce9219-69ae-11d9-bed3-505054503030},0
            IPsec Extended Mode,{0cce921a-69ae-11d9-bed3-505054503030},0
            Special Logon,{0cce921b-69ae-11d9-bed3-505054503030},1
            Other Logon/Logoff Events,{0cce921c-69ae-11d9-bed3-505054503030},0
            Network Policy Server,{0cce9243-69ae-11d9-bed3-505054503030},3
            User / Device Claims,{0cce9247-69ae-11d9-bed3-505054503030},0
            Group Membership,{0cce9249-69ae-11d9-bed3-505054503030},1
            File System,{0cce921d-69ae-11d9-bed3-505054503030},0
            Registry,{0cce921e-69ae-11d9-bed3-505054503030},0
            Kernel Object,{0cce921f-69ae-11d9-bed3-505054503030},0
            SAM,{0cce9220-69ae-11d9-bed3-505054503030},0
            Certification Services,{0cce9221-69ae-11d9-bed3-505054503030},0
            Application Generated,{0cce9222-69ae-11d9-bed3-505054503030},0
            Handle Manipulation,{0cce9223-69ae-11d9-bed3-505054503030},0
            File Share,{0cce9224-69ae-11d9-bed3-505054503030},3
            Filtering Platform Packet Drop,{0cce9225-69ae-11d9-bed3-505054503030},0
            Filtering Platform Connection,{0cce9226-69ae-11d9-bed3-505054503030},0
            Other Object Access Events,{0cce9227-69ae-11d9-bed3-505054503030},0
            Detailed File Share,{0cce9244-69ae-11d9-bed3-505054503030},2
            Removable Storage,{0cce9245-69ae-11d9-bed3-505054503030},3
            Central Policy Staging,{0cce9246-69ae-11d9-bed3-505054503030},0
            Sensitive Privilege Use,{0cce9228-69ae-11d9-bed3-505054503030},0
            Non Sensitive Privilege Use,{0cce9229-69ae-11d9-bed3-505054503030},0
            Other Privilege Use Events,{0cce922a-69ae-11d9-bed3-505054503030},0
            Process Creation,{0cce922b-69ae-11d9-bed3-505054503030},1
            Process Termination,{0cce922c-69ae-11d9-bed3-505054503030},0
            DPAPI Activity,{0cce922d-69ae-11d9-bed3-505054503030},0
            RPC Events,{0cce922e-69ae-11d9-bed3-505054503030},0
            Plug and Play Events,{0cce9248-69ae-11d9-bed3-505054503030},1
            Token Right Adjusted Events,{0cce924a-69ae-11d9-bed3-505054503030},0
            Audit Policy Change,{0cce922f-69ae-11d9-bed3-505054503030},1
            Authentication Policy Change,{0cce9230-69ae-11d9-bed3-505054503030},1
            Authorization Policy Change,{0cce9231-69ae-11d9-bed3-505054503030},0
            MPSSVC Rule-Level Policy Change,{0cce9232-69ae-11d9-bed3-505054503030},0
            Filtering Platform Policy Change,{0cce9233-69ae-11d9-bed3-505054503030},0
            Other Policy Change Events,{0cce9234-69ae-11d9-bed3-505054503030},0
            User Account Management,{0cce9235-69ae-11d9-bed3-505054503030},3
            Computer Account Management,{0cce9236-69ae-11d9-bed3-505054503030},1
            Security Group Management,{0cce9237-69ae-11d9-bed3-505054503030},1
            Distribution Group Management,{0cce9238-69ae-11d9-bed3-505054503030},0
            Application Group Management,{0cce9239-69ae-11d9-bed3-505054503030},0
            Other Account Management Events,{0cce923a-69ae-11d9-bed3-505054503030},0
            Directory Service Access,{0cce923b-69ae-11d9-bed3-505054503030},0
            Directory Service Changes,{0cce923c-69ae-11d9-bed3-505054503030},0
            Directory Service Replication,{0cce923d-69ae-11d9-bed3-505054503030},0
            Detailed Directory Service Replication,{0cce923e-69ae-11d9-bed3-505054503030},0
            Credential Validation,{0cce923f-69ae-11d9-bed3-505054503030},3
            Kerberos Service Ticket Operations,{0cce9240-69ae-11d9-bed3-505054503030},0
            Other Account Logon Events,{0cce9241-69ae-11d9-bed3-505054503030},0
            Kerberos Authentication Service,{0cce9242-69ae-11d9-bed3-505054503030},0
            """;

    private static final String[] AUDIT_WORDS = {"No Auditing", "Success", "Failure", "Success and Failure"};

    /**
     * Writes the bundle into a new folder {@value #COMPUTER} under {@code dir} (which must exist) and returns that
     * folder.
     */
    public static Path write(Path dir) throws IOException {
        Path bundle = Files.createDirectories(dir.resolve(COMPUTER));
        Files.createDirectories(bundle.resolve("registry"));
        Files.write(bundle.resolve("secedit.inf"), utf16le(secedit()));
        Files.writeString(bundle.resolve("auditpol.csv"), auditpol(), StandardCharsets.US_ASCII);
        StringBuilder keys = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, Boolean> k : EXPORTED_KEYS.entrySet()) {
            n++;
            String key = "HKLM\\" + k.getKey().replace('/', '\\');
            String file = null;
            if (k.getValue()) {
                file = String.format(Locale.ROOT, "registry/%03d.reg", n);
                Files.write(bundle.resolve(file), utf16le(regExport(k.getKey())));
            }
            keys.append(keys.length() == 0 ? "" : ",\n").append("        {\n")
                    .append("            \"key\":  ").append(json(key)).append(",\n")
                    .append("            \"file\":  ").append(file == null ? "null" : json(file)).append(",\n")
                    .append("            \"exists\":  ").append(k.getValue()).append("\n        }");
        }
        // ConvertTo-Json's layout, as Windows PowerShell 5.1 writes it.
        String manifest = """
                {
                    "format":  "osbaseline-windows-export",
                    "version":  1,
                    "machine":  {
                                    "id":  "%1$s",
                                    "name":  "%1$s",
                                    "osName":  "Microsoft Windows Server 2022 Datacenter: Azure Edition",
                                    "osVersion":  "10.0.20348"
                                },
                    "domainRole":  3,
                    "collectedAt":  "2026-11-28T09:14:52Z",
                    "securityTemplate":  "secedit.inf",
                    "auditPolicy":  "auditpol.csv",
                    "registryKeys":  [
                %2$s
                                     ],
                    "deviceSecurity":  {
                                           "SecureBootState":  "1",
                                           "TPMVersion":  "2.0, 0, 1.38"
                                       },
                    "errors":  [

                               ]
                }
                """.formatted(COMPUTER, keys);
        Files.writeString(bundle.resolve("osbaseline-windows.json"), manifest.replace("\n", "\r\n"));
        return bundle;
    }

    private static String secedit() {
        StringBuilder s = new StringBuilder("[Unicode]\nUnicode=yes\n[System Access]\n").append(SYSTEM_ACCESS)
                .append("[Event Audit]\n").append(EVENT_AUDIT).append("[Registry Values]\n");
        // secedit lists the security options it knows, sorted by path, the path spelled MACHINE\...
        List<String> options = new ArrayList<>();
        for (Value v : REGISTRY) {
            if (v.securityOption()) {
                options.add("MACHINE\\" + v.key().replace('/', '\\') + "\\" + v.name() + "=" + seceditData(v.data()));
            }
        }
        options.sort(String.CASE_INSENSITIVE_ORDER);
        options.forEach(o -> s.append(o).append('\n'));
        s.append("[Privilege Rights]\n").append(PRIVILEGE_RIGHTS).append("[Version]\nsignature=\"$CHICAGO$\"\n")
                .append("Revision=1\n");
        return s.toString().replace("\n", "\r\n");
    }

    private static String seceditData(Object data) {
        if (data instanceof Integer i) {
            return "4," + Integer.toUnsignedString(i);
        }
        if (data instanceof List<?> items) {
            return "7," + String.join(",", items.stream().map(Object::toString).toList());
        }
        return "1,\"" + data + "\"";
    }

    private static String auditpol() {
        StringBuilder s = new StringBuilder("Machine Name,Policy Target,Subcategory,Subcategory GUID,"
                + "Inclusion Setting,Exclusion Setting,Setting Value\r\n");
        for (String line : AUDIT.strip().split("\n")) {
            String[] f = line.split(",");
            int code = Integer.parseInt(f[2]);
            s.append(COMPUTER).append(",System,Audit ").append(f[0]).append(',').append(f[1]).append(',')
                    .append(AUDIT_WORDS[code]).append(",,").append(code).append("\r\n");
        }
        for (String option : List.of("CrashOnAuditFail,,Disabled,,0", "FullPrivilegeAuditing,,Disabled,,0",
                "AuditBaseObjects,,Disabled,,0", "AuditBaseDirectories,,Disabled,,0")) {
            s.append(COMPUTER).append(",,Option:").append(option).append("\r\n");
        }
        return s.toString();
    }

    /** {@code reg export} of one key: every key below it (parents before children, by name), with its values. */
    private static String regExport(String root) {
        TreeSet<String> keys = new TreeSet<>(Comparator.comparing(WindowsLikeExport::sortKey));
        keys.add(root);
        for (Value v : REGISTRY) {
            if (v.key().equals(root) || v.key().startsWith(root + "/")) {
                for (String k = v.key(); k.length() > root.length(); k = k.substring(0, k.lastIndexOf('/'))) {
                    keys.add(k);
                }
            }
        }
        StringBuilder s = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n");
        for (String key : keys) {
            s.append("[HKEY_LOCAL_MACHINE\\").append(key.replace('/', '\\')).append("]\r\n");
            for (Value v : REGISTRY) {
                if (v.key().equals(key)) {
                    s.append(regLine(v)).append("\r\n");
                }
            }
            s.append("\r\n");
        }
        return s.toString();
    }

    /** Key paths compare component by component, ignoring case, so a key's children follow it. */
    private static String sortKey(String key) {
        return key.toLowerCase(Locale.ROOT).replace('/', '\u0001');
    }

    private static String regLine(Value v) {
        String name = "\"" + escape(v.name()) + "\"=";
        Object d = v.data();
        if (d instanceof Integer i) {
            return name + String.format(Locale.ROOT, "dword:%08x", i);
        }
        if (d instanceof String text) {
            return name + "\"" + escape(text) + "\"";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String type;
        if (d instanceof Expand e) {
            type = "hex(2):";
            bytes.writeBytes((e.text() + "\0").getBytes(StandardCharsets.UTF_16LE));
        } else {
            type = "hex(7):";
            for (Object item : (List<?>) d) {
                bytes.writeBytes((item + "\0").getBytes(StandardCharsets.UTF_16LE));
            }
            bytes.writeBytes("\0".getBytes(StandardCharsets.UTF_16LE));
        }
        // reg export wraps hex data at 80 columns, continuing with two spaces.
        StringBuilder line = new StringBuilder(name).append(type);
        int column = line.length();
        byte[] b = bytes.toByteArray();
        for (int i = 0; i < b.length; i++) {
            String hex = String.format(Locale.ROOT, "%02x", b[i] & 0xff) + (i + 1 < b.length ? "," : "");
            if (column + hex.length() > 77 && i + 1 < b.length) {
                line.append("\\\r\n  ");
                column = 2;
            }
            line.append(hex);
            column += hex.length();
        }
        return line.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] utf16le(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xfe);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}

package io.osbaseline.drl.windows;

import static io.osbaseline.drl.windows.RuleCase.*;

import java.util.List;
import java.util.stream.Stream;

/** Windows Defender Firewall policy values of the three profiles (reg export files). */
final class FirewallCases {
    private FirewallCases() {
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reg("AZ-WIN-00088", DC, "HKLM\\Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "DisableUnicastResponsesToMulticastBroadcast", dword(0), "0", dword(1), "1"),
                reg("CCE-36062-8", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "EnableFirewall", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202252", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "DefaultInboundAction", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202226", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Logging", "LogDroppedPackets", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202227", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Logging", "LogSuccessfulConnections", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202224", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Logging", "LogFilePath", sz("%SystemRoot%\\System32\\logfiles\\firewall\\domainfw.log"), "%SystemRoot%\\System32\\logfiles\\firewall\\domainfw.log", sz("C:\\Temp\\other.log"), "C:\\Temp\\other.log"),
                reg("AZ-WIN-202225", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Logging", "LogFileSize", dword(16384), "16384", dword(16383), "16383"),
                reg("CCE-36146-9", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "DefaultOutboundAction", dword(0), "0", dword(1), "1"),
                reg("CCE-38040-2", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "AllowLocalIPsecPolicyMerge", dword(1), "1", dword(0), "0"),
                reg("CCE-37860-4", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "AllowLocalPolicyMerge", dword(1), "1", dword(0), "0"),
                reg("CCE-38041-0", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "DisableNotifications", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-00089", DC, "HKLM\\Software\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "DisableUnicastResponsesToMulticastBroadcast", dword(0), "0", dword(1), "1"),
                reg("CCE-38239-0", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "EnableFirewall", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202228", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "DefaultInboundAction", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202231", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile\\Logging", "LogDroppedPackets", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202232", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile\\Logging", "LogSuccessfulConnections", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202229", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile\\Logging", "LogFilePath", sz("%SystemRoot%\\System32\\logfiles\\firewall\\privatefw.log"), "%SystemRoot%\\System32\\logfiles\\firewall\\privatefw.log", sz("C:\\Temp\\other.log"), "C:\\Temp\\other.log"),
                reg("AZ-WIN-202230", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile\\Logging", "LogFileSize", dword(16384), "16384", dword(16383), "16383"),
                reg("CCE-38332-3", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "DefaultOutboundAction", dword(0), "0", dword(1), "1"),
                reg("CCE-36063-6", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "AllowLocalIPsecPolicyMerge", dword(1), "1", dword(0), "0"),
                reg("CCE-37438-9", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "AllowLocalPolicyMerge", dword(1), "1", dword(0), "0"),
                reg("CCE-37621-0", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile", "DisableNotifications", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-00090", DC, "HKLM\\Software\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "DisableUnicastResponsesToMulticastBroadcast", dword(1), "1", dword(0), "0"),
                reg("CCE-37862-0", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "EnableFirewall", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202234", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "DefaultInboundAction", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202237", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile\\Logging", "LogDroppedPackets", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202233", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile\\Logging", "LogSuccessfulConnections", dword(1), "1", dword(0), "0"),
                reg("AZ-WIN-202235", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile\\Logging", "LogFilePath", sz("%SystemRoot%\\System32\\logfiles\\firewall\\publicfw.log"), "%SystemRoot%\\System32\\logfiles\\firewall\\publicfw.log", sz("C:\\Temp\\other.log"), "C:\\Temp\\other.log"),
                reg("AZ-WIN-202236", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile\\Logging", "LogFileSize", dword(16384), "16384", dword(16383), "16383"),
                reg("CCE-37434-8", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "DefaultOutboundAction", dword(0), "0", dword(1), "1"),
                reg("CCE-36268-1", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "AllowLocalIPsecPolicyMerge", dword(1), "1", dword(0), "0"),
                reg("CCE-37861-2", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "AllowLocalPolicyMerge", dword(1), "1", dword(0), "0"),
                reg("CCE-38043-6", DC, "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "DisableNotifications", dword(1), "1", dword(0), "0"));
    }
}

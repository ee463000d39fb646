<#
.SYNOPSIS
    Collects what osbaseline needs to assess this Windows machine against the Azure Windows security baseline.

.DESCRIPTION
    Runs the Windows tools an administrator would run by hand and writes their exports, unchanged, into one folder
    (a "bundle"), with a manifest that says what was captured:

      osbaseline-windows.json   the manifest (format osbaseline-windows-export, version 1)
      secedit.inf               secedit /export /areas SECURITYPOLICY USER_RIGHTS (UTF-16LE)
      auditpol.csv              auditpol /backup
      registry\NNN.reg          reg export of each key in $RegistryKeys that exists (UTF-16LE)

    The manifest records the machine (name, OS caption and version), its Win32_ComputerSystem.DomainRole (which
    decides the role-specific rules), the registry keys captured and those that do not exist, the Secure Boot and
    TPM state, and every step that failed. Nothing secret is collected: no password hashes, no keys.

    Read the bundle back with the windows-export provider:
      osbaseline scan --provider windows-export --option path=C:\osbaseline\HOST

    Run it elevated (secedit and auditpol need administrator rights). Windows PowerShell 5.1 or PowerShell 7.

.PARAMETER OutputPath
    The folder to write the bundle into; created if needed. Default: %TEMP%\osbaseline-COMPUTERNAME.

.PARAMETER Zip
    Also pack the bundle into OutputPath.zip.

.PARAMETER Base64Zip
    Write the zipped bundle to standard output as base64 and nothing else, for remote runners that return the
    output of a command (Azure Run Command, AWS SSM, GCP guest commands). Decode it and pass the .zip as path=.
#>
[CmdletBinding()]
param(
    [string] $OutputPath = (Join-Path $env:TEMP ('osbaseline-' + $env:COMPUTERNAME)),
    [switch] $Zip,
    [switch] $Base64Zip
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# The registry keys the baseline's rules read; each is exported with everything below it.
$RegistryKeys = @(
    'HKLM\SOFTWARE\Policies'
    'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies'
    'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
    'HKLM\SOFTWARE\Microsoft\Microsoft Antimalware\Signature Updates'
    'HKLM\SYSTEM\CurrentControlSet\Control\Lsa'
    'HKLM\SYSTEM\CurrentControlSet\Control\Session Manager'
    'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\WDigest'
    'HKLM\SYSTEM\CurrentControlSet\Control\SecurePipeServers\Winreg'
    'HKLM\SYSTEM\CurrentControlSet\Control\Print\Providers\LanMan Print Services\Servers'
    'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp'
    'HKLM\SYSTEM\CurrentControlSet\Policies\EarlyLaunch'
    'HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation'
    'HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters'
    'HKLM\SYSTEM\CurrentControlSet\Services\Netlogon\Parameters'
    'HKLM\SYSTEM\CurrentControlSet\Services\LDAP'
    'HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters'
    'HKLM\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'
    'HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters'
    'HKLM\SYSTEM\CurrentControlSet\Services\Eventlog\Security'
    'HKLM\SYSTEM\CurrentControlSet\Services\W32Time\TimeProviders\NtpClient'
    'HKLM\SYSTEM\CurrentControlSet\Services\WSearch'
)

$failures = New-Object System.Collections.ArrayList
function Add-Failure([string] $Collector, [string] $Command, [string] $Message) {
    [void] $failures.Add([ordered] @{ collector = $Collector; command = $Command; message = $Message })
}

New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
New-Item -ItemType Directory -Force -Path (Join-Path $OutputPath 'registry') | Out-Null

# Account policies, security options and user rights, as secedit exports the effective local policy.
$inf = Join-Path $OutputPath 'secedit.inf'
& secedit.exe /export /cfg $inf /areas SECURITYPOLICY USER_RIGHTS /quiet | Out-Null
if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $inf)) {
    foreach ($c in 'security-policy', 'user-rights') {
        Add-Failure $c 'secedit /export' "secedit.exe exited with code $LASTEXITCODE (run elevated)"
    }
}

# Advanced audit policy, every subcategory.
$csv = Join-Path $OutputPath 'auditpol.csv'
& auditpol.exe /backup "/file:$csv" | Out-Null
if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $csv)) {
    Add-Failure 'audit-policy' 'auditpol /backup' "auditpol.exe exited with code $LASTEXITCODE (run elevated)"
}

# Registry keys: an exported key holds every value below it; a key that does not exist is recorded as such, so
# that its values count as absent rather than unknown.
$captured = New-Object System.Collections.ArrayList
$n = 0
foreach ($key in $RegistryKeys) {
    $n++
    $psPath = 'Registry::' + ($key -replace '^HKLM', 'HKEY_LOCAL_MACHINE')
    if (-not (Test-Path -LiteralPath $psPath)) {
        [void] $captured.Add([ordered] @{ key = $key; file = $null; exists = $false })
        continue
    }
    $file = 'registry/{0:D3}.reg' -f $n
    & reg.exe export $key (Join-Path $OutputPath $file) /y | Out-Null
    if ($LASTEXITCODE -ne 0) {
        Add-Failure 'registry' "reg export $key" "reg.exe exited with code $LASTEXITCODE"
        continue
    }
    [void] $captured.Add([ordered] @{ key = $key; file = $file; exists = $true })
}

$computer = Get-CimInstance -ClassName Win32_ComputerSystem
$os = Get-CimInstance -ClassName Win32_OperatingSystem

# Firmware state for the Secured-core checks. The OSConfig status values (virtualization-based security, HVCI,
# System Guard, DMA protection) are not collected: their numbering is not documented outside OSConfig.
$device = [ordered] @{}
try {
    $device['SecureBootState'] = if (Confirm-SecureBootUEFI) { '1' } else { '0' }
} catch {
    Add-Failure 'device-security' 'Confirm-SecureBootUEFI' $_.Exception.Message
}
try {
    $tpm = Get-CimInstance -Namespace 'root\cimv2\Security\MicrosoftTpm' -ClassName Win32_Tpm
    if ($null -ne $tpm) { $device['TPMVersion'] = [string] $tpm.SpecVersion }
} catch {
    Add-Failure 'device-security' 'Win32_Tpm' $_.Exception.Message
}

$manifest = [ordered] @{
    format         = 'osbaseline-windows-export'
    version        = 1
    machine        = [ordered] @{
        id        = $env:COMPUTERNAME
        name      = $env:COMPUTERNAME
        osName    = [string] $os.Caption
        osVersion = [string] $os.Version
    }
    domainRole     = [int] $computer.DomainRole
    collectedAt    = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    securityTemplate = 'secedit.inf'
    auditPolicy    = 'auditpol.csv'
    registryKeys   = @($captured)
    deviceSecurity = $device
    errors         = @($failures)
}
$json = ConvertTo-Json -InputObject $manifest -Depth 5
[System.IO.File]::WriteAllText((Join-Path $OutputPath 'osbaseline-windows.json'), $json,
    (New-Object System.Text.UTF8Encoding($false)))

if ($Zip -or $Base64Zip) {
    $zipPath = $OutputPath.TrimEnd('\') + '.zip'
    Compress-Archive -Path (Join-Path $OutputPath '*') -DestinationPath $zipPath -Force
    if ($Base64Zip) {
        [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($zipPath))
        return
    }
    $zipPath
} else {
    $OutputPath
}

package io.osbaseline.azure;

/**
 * The evidence protocol in Windows PowerShell 5.1 (also PowerShell 7), for Windows machines
 * ({@code RunPowerShellScript}). The evidence waits in {@code %SystemRoot%\Temp}, which only administrators may read.
 * The collector runs in a child {@code powershell.exe} so that its {@code exit}, {@code return} and strict mode stay
 * its own; its standard output is captured as strings (a {@code >} redirection would write UTF-16).
 */
final class PowerShellDialect implements ShellDialect {
    private static final String HERE_STRING_END = "'@";
    private static final int STDERR_TAIL = 1500;

    @Override
    public String commandId() {
        return "RunPowerShellScript";
    }

    private static String file(String name) {
        return "$f = Join-Path $env:SystemRoot 'Temp\\" + name + "'\n";
    }

    @Override
    public String collect(String collector, String name, boolean headerToStderr) {
        if (collector.lines().anyMatch(l -> l.startsWith(HERE_STRING_END))) {
            throw new IllegalArgumentException("the collector script has a line that starts with " + HERE_STRING_END);
        }
        String header = "('OSBASELINE-EVIDENCE v1 rc={0} bytes={1} sha256={2}' -f $rc, $n, $h)";
        return file(name) + String.join("\n",
                "$c = $f + '.ps1'",
                "[IO.File]::WriteAllText($c, @'",
                collector.stripTrailing(),
                "'@, (New-Object Text.UTF8Encoding $true))",
                "$out = & powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $c 2> ($f + '.err')",
                "$rc = $LASTEXITCODE",
                "[IO.File]::WriteAllText($f, ((@($out) -join '') -replace '\\s', ''), [Text.Encoding]::ASCII)",
                "$bytes = [IO.File]::ReadAllBytes($f)",
                "$n = $bytes.Length",
                "$h = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes))"
                        + ".Replace('-', '').ToLowerInvariant()",
                "Remove-Item -LiteralPath $c -Force -ErrorAction SilentlyContinue",
                "if (Test-Path -LiteralPath ($f + '.err')) {",
                "    $e = Get-Content -Raw -LiteralPath ($f + '.err')",
                "    if ($e) { [Console]::Error.Write($e.Substring([Math]::Max(0, $e.Length - " + STDERR_TAIL + "))) }",
                "    Remove-Item -LiteralPath ($f + '.err') -Force",
                "}",
                headerToStderr ? "[Console]::Error.WriteLine(" + header + ")" : "Write-Output " + header) + "\n";
    }

    @Override
    public String chunk(String name, long k, int size) {
        return file(name) + String.join("\n",
                "$b = New-Object byte[] " + size,
                "$s = [IO.File]::OpenRead($f)",
                "$r = 0",
                "try {",
                "    [void] $s.Seek(" + k + "L * " + size + ", [IO.SeekOrigin]::Begin)",
                "    while ($r -lt " + size + ") { $x = $s.Read($b, $r, " + size + " - $r); if ($x -le 0) { break };"
                        + " $r += $x }",
                "} finally { $s.Dispose() }",
                "Write-Output ('OSBASELINE-CHUNK " + k + " ' + [Text.Encoding]::ASCII.GetString($b, 0, $r)"
                        + " + ' OSBASELINE-END')") + "\n";
    }

    @Override
    public String emit(String name) {
        return file(name) + "[Console]::Out.Write([IO.File]::ReadAllText($f))\n";
    }

    @Override
    public String cleanup(String name) {
        return file(name) + "Remove-Item -LiteralPath $f, ($f + '.ps1'), ($f + '.err') -Force"
                + " -ErrorAction SilentlyContinue\n";
    }
}

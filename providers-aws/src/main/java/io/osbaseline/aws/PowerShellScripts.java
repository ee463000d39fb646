package io.osbaseline.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The transport's commands in PowerShell, for {@code AWS-RunPowerShellScript}: Windows PowerShell 5.1 or PowerShell
 * 7, .NET only (no module). The collector runs in a child process of the same PowerShell, its standard output and
 * error redirected to files, so that what it writes to standard error cannot stop the wrapper. The evidence is kept in
 * a directory under the temporary directory of the account the SSM Agent runs as ({@code C:\Windows\Temp} for
 * SYSTEM); collect commands also remove such directories that interrupted runs left for more than a day.
 */
final class PowerShellScripts implements TransportScripts {
    static final PowerShellScripts INSTANCE = new PowerShellScripts();
    /** A Windows or (PowerShell 7 elsewhere) POSIX path, with no quote that could end a single-quoted string. */
    private static final Pattern WORK_DIRECTORY = Pattern.compile(
            "(?:[A-Za-z]:\\\\|/)[^'\"`\\r\\n]*osbaseline\\.[A-Za-z0-9]+");

    private PowerShellScripts() {
    }

    @Override
    public String document() {
        return "AWS-RunPowerShellScript";
    }

    @Override
    public List<String> collect(List<String> packed, int chunkSize) {
        List<String> lines = new ArrayList<>();
        lines.add("# osbaseline: run the collector, keep its evidence here, print it in chunks of " + chunkSize);
        lines.add("$ProgressPreference = 'SilentlyContinue'");
        lines.add("$base = [IO.Path]::GetTempPath()");
        lines.add("Get-ChildItem -LiteralPath $base -Directory -Filter 'osbaseline.*' -ErrorAction SilentlyContinue |");
        lines.add("    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-1) } |");
        lines.add("    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue");
        lines.add("$dir = Join-Path $base ('osbaseline.' + [Guid]::NewGuid().ToString('N').Substring(0, 10))");
        lines.add("try { New-Item -ItemType Directory -Path $dir -ErrorAction Stop | Out-Null } catch {");
        lines.add("    [Console]::Error.WriteLine(\"osbaseline: cannot create a directory in ${base}: "
                + "$($_.Exception.Message)\")");
        lines.add("    exit 73");
        lines.add("}");
        lines.add("# the collector script, gzip'ed and base64-encoded");
        lines.add("$packed = @'");
        lines.addAll(packed);
        lines.add("'@");
        lines.add("try {");
        lines.add("    $zipped = New-Object IO.MemoryStream(,[Convert]::FromBase64String(($packed -replace '\\s',"
                + " '')))");
        lines.add("    $gzip = New-Object IO.Compression.GZipStream($zipped, "
                + "[IO.Compression.CompressionMode]::Decompress)");
        lines.add("    $plain = New-Object IO.MemoryStream");
        lines.add("    $gzip.CopyTo($plain)");
        lines.add("    $gzip.Dispose()");
        lines.add("    [IO.File]::WriteAllBytes((Join-Path $dir 'collector.ps1'), $plain.ToArray())");
        lines.add("} catch {");
        lines.add("    [Console]::Error.WriteLine(\"osbaseline: cannot unpack the collector: "
                + "$($_.Exception.Message)\")");
        lines.add("    Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue");
        lines.add("    exit 65");
        lines.add("}");
        lines.add("$shell = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName");
        lines.add("$out = Join-Path $dir 'out'");
        lines.add("$err = Join-Path $dir 'err'");
        lines.add("$arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', "
                + "('\"' + (Join-Path $dir 'collector.ps1') + '\"'))");
        lines.add("$run = Start-Process -FilePath $shell -ArgumentList $arguments -RedirectStandardOutput $out "
                + "-RedirectStandardError $err -NoNewWindow -Wait -PassThru");
        lines.add("if ($run.ExitCode -ne 0) {");
        lines.add("    $tail = [IO.File]::ReadAllText($err)");
        lines.add("    if ($tail.Length -gt 4000) { $tail = $tail.Substring($tail.Length - 4000) }");
        lines.add("    [Console]::Error.WriteLine($tail)");
        lines.add("    [Console]::Error.WriteLine(\"osbaseline: the collector exited with status $($run.ExitCode)\")");
        lines.add("    Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue");
        lines.add("    exit $run.ExitCode");
        lines.add("}");
        lines.add("$evidence = [IO.File]::ReadAllText($out) -replace '\\s', ''");
        lines.add("$file = Join-Path $dir 'evidence'");
        lines.add("[IO.File]::WriteAllText($file, $evidence, [Text.Encoding]::ASCII)");
        lines.add("Get-ChildItem -LiteralPath $dir | Where-Object { $_.Name -ne 'evidence' } |");
        lines.add("    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue");
        lines.add("$sha = [Security.Cryptography.SHA256]::Create()");
        lines.add("$sum = -join ($sha.ComputeHash([IO.File]::ReadAllBytes($file)) | "
                + "ForEach-Object { $_.ToString('x2') })");
        lines.add("[Console]::Out.Write(\"" + ChunkedTransport.HEADER + " " + ChunkedTransport.FORMAT_VERSION
                + " $($evidence.Length) $sum " + chunkSize + " $dir`n\")");
        lines.add("[Console]::Out.Write($evidence.Substring(0, [Math]::Min(" + chunkSize + ", $evidence.Length)))");
        lines.add("[Console]::Out.Write(\"`n" + ChunkedTransport.END + " 0`n\")");
        lines.add("if ($evidence.Length -le " + chunkSize + ") {");
        lines.add("    Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue");
        lines.add("}");
        lines.add("exit 0");
        return lines;
    }

    @Override
    public List<String> chunk(String dir, int index, int chunkSize, boolean last) {
        List<String> lines = new ArrayList<>();
        lines.add("# osbaseline: print chunk " + index + " of the evidence");
        lines.add("$file = Join-Path '" + dir + "' 'evidence'");
        lines.add("if (-not (Test-Path -LiteralPath $file)) {");
        lines.add("    [Console]::Error.WriteLine(\"osbaseline: $file is gone (removed or the machine restarted since"
                + " the collector ran)\")");
        lines.add("    exit 66");
        lines.add("}");
        lines.add("$evidence = [IO.File]::ReadAllText($file)");
        lines.add("$from = " + index + " * " + chunkSize);
        lines.add("[Console]::Out.Write(\"" + ChunkedTransport.CHUNK + " " + index + "`n\")");
        lines.add("[Console]::Out.Write($evidence.Substring($from, [Math]::Min(" + chunkSize
                + ", $evidence.Length - $from)))");
        lines.add("[Console]::Out.Write(\"`n" + ChunkedTransport.END + " " + index + "`n\")");
        if (last) {
            lines.addAll(remove(dir));
        }
        lines.add("exit 0");
        return lines;
    }

    @Override
    public List<String> remove(String dir) {
        return List.of("Remove-Item -LiteralPath '" + dir + "' -Recurse -Force -ErrorAction SilentlyContinue");
    }

    @Override
    public boolean isWorkDirectory(String dir) {
        return WORK_DIRECTORY.matcher(dir).matches();
    }
}

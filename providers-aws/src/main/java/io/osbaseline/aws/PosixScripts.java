package io.osbaseline.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The transport's commands in POSIX sh, for {@code AWS-RunShellScript}. They need {@code mktemp}, {@code base64},
 * {@code gzip}, {@code tr}, {@code wc}, {@code sha256sum} and {@code dd}: coreutils on every supported distribution.
 * The evidence is kept in {@code mktemp -d} under {@code $TMPDIR} or {@code /var/tmp}, mode 0700; collect commands
 * also remove such directories that interrupted runs left for more than a day.
 */
final class PosixScripts implements TransportScripts {
    static final PosixScripts INSTANCE = new PosixScripts();
    /** Ends the here-document of the packed script; no base64 line can equal it (base64 has no '_'). */
    private static final String SCRIPT_END = "OSBASELINE_COLLECTOR_END";
    private static final Pattern WORK_DIRECTORY = Pattern.compile("/[A-Za-z0-9._/-]*/osbaseline\\.[A-Za-z0-9]+");

    private PosixScripts() {
    }

    @Override
    public String document() {
        return "AWS-RunShellScript";
    }

    @Override
    public List<String> collect(List<String> packed, int chunkSize) {
        List<String> lines = new ArrayList<>();
        lines.add("# osbaseline: run the collector, keep its evidence here, print it in chunks of " + chunkSize);
        lines.add("umask 077");
        lines.add("base=\"${TMPDIR:-/var/tmp}\"");
        lines.add("find \"$base\" -maxdepth 1 -type d -name 'osbaseline.*' -mmin +1440 -exec rm -rf {} + 2>/dev/null");
        lines.add("dir=$(mktemp -d \"$base/osbaseline.XXXXXXXXXX\") || { echo \"osbaseline: cannot create a directory"
                + " in $base\" >&2; exit 73; }");
        lines.add("command -v sha256sum >/dev/null 2>&1 || { echo 'osbaseline: sha256sum is missing' >&2;"
                + " rm -rf \"$dir\"; exit 69; }");
        lines.add("# the collector script, gzip'ed and base64-encoded");
        lines.add("base64 -d > \"$dir/collector.gz\" <<'" + SCRIPT_END + "'");
        lines.addAll(packed);
        lines.add(SCRIPT_END);
        lines.add("gzip -dc \"$dir/collector.gz\" > \"$dir/collector.sh\" || { echo 'osbaseline: cannot unpack the"
                + " collector' >&2; rm -rf \"$dir\"; exit 65; }");
        lines.add("sh \"$dir/collector.sh\" < /dev/null > \"$dir/out\" 2> \"$dir/err\"");
        lines.add("rc=$?");
        lines.add("if [ \"$rc\" -ne 0 ]; then");
        lines.add("  tail -c 4000 \"$dir/err\" >&2");
        lines.add("  echo \"osbaseline: the collector exited with status $rc\" >&2");
        lines.add("  rm -rf \"$dir\"");
        lines.add("  exit \"$rc\"");
        lines.add("fi");
        lines.add("tr -d '\\r\\n' < \"$dir/out\" > \"$dir/evidence\"");
        lines.add("rm -f \"$dir/out\" \"$dir/err\" \"$dir/collector.sh\" \"$dir/collector.gz\"");
        lines.add("length=$(wc -c < \"$dir/evidence\" | tr -d ' ')");
        lines.add("sum=$(sha256sum \"$dir/evidence\" | cut -d ' ' -f 1)");
        lines.add("printf '" + ChunkedTransport.HEADER + " " + ChunkedTransport.FORMAT_VERSION + " %s %s " + chunkSize
                + " %s\\n' \"$length\" \"$sum\" \"$dir\"");
        lines.add("dd if=\"$dir/evidence\" bs=" + chunkSize + " count=1 2>/dev/null");
        lines.add("printf '\\n" + ChunkedTransport.END + " 0\\n'");
        lines.add("if [ \"$length\" -le " + chunkSize + " ]; then rm -rf \"$dir\"; fi");
        lines.add("exit 0");
        return lines;
    }

    @Override
    public List<String> chunk(String dir, int index, int chunkSize, boolean last) {
        String file = "'" + dir + "/evidence'";
        List<String> lines = new ArrayList<>();
        lines.add("# osbaseline: print chunk " + index + " of the evidence");
        lines.add("if [ ! -f " + file + " ]; then echo \"osbaseline: \"" + file + "\" is gone (removed or the machine"
                + " restarted since the collector ran)\" >&2; exit 66; fi");
        lines.add("printf '" + ChunkedTransport.CHUNK + " " + index + "\\n'");
        lines.add("dd if=" + file + " bs=" + chunkSize + " skip=" + index + " count=1 2>/dev/null");
        lines.add("printf '\\n" + ChunkedTransport.END + " " + index + "\\n'");
        if (last) {
            lines.add("rm -rf '" + dir + "'");
        }
        return lines;
    }

    @Override
    public List<String> remove(String dir) {
        return List.of("rm -rf '" + dir + "'");
    }

    @Override
    public boolean isWorkDirectory(String dir) {
        return WORK_DIRECTORY.matcher(dir).matches();
    }
}

package io.osbaseline.azure;

/** The evidence protocol in POSIX sh, for Linux machines ({@code RunShellScript}). */
final class PosixShellDialect implements ShellDialect {
    private static final String HEREDOC_END = "OSBASELINE_COLLECTOR_END";
    private static final int STDERR_TAIL = 1500;

    private final String evidenceDir;

    /** @param evidenceDir an absolute directory, checked by the provider's builder */
    PosixShellDialect(String evidenceDir) {
        this.evidenceDir = evidenceDir.endsWith("/") && evidenceDir.length() > 1
                ? evidenceDir.substring(0, evidenceDir.length() - 1) : evidenceDir;
    }

    @Override
    public String commandId() {
        return "RunShellScript";
    }

    private String file(String name) {
        return "f='" + evidenceDir + "/" + name + "'\n";
    }

    @Override
    public String collect(String collector, String name, boolean headerToStderr) {
        if (collector.lines().anyMatch(l -> l.equals(HEREDOC_END))) {
            throw new IllegalArgumentException("the collector script contains the line " + HEREDOC_END);
        }
        String header = "echo \"OSBASELINE-EVIDENCE v1 rc=$rc bytes=$n sha256=$h\"" + (headerToStderr ? " >&2" : "");
        return "umask 077\n" + file(name) + String.join("\n",
                "mkdir -p '" + evidenceDir + "'",
                "cat > \"$f.sh\" <<'" + HEREDOC_END + "'",
                collector.stripTrailing(),
                HEREDOC_END,
                "sh \"$f.sh\" > \"$f.out\" 2> \"$f.err\"",
                "rc=$?",
                "tr -d ' \\t\\r\\n' < \"$f.out\" > \"$f\"",
                "rm -f \"$f.out\" \"$f.sh\"",
                "n=$(wc -c < \"$f\" | tr -d ' ')",
                "if command -v sha256sum >/dev/null 2>&1; then h=$(sha256sum < \"$f\" | cut -d ' ' -f 1)",
                "elif command -v openssl >/dev/null 2>&1; then h=$(openssl dgst -sha256 < \"$f\" | sed 's/^.*= *//')",
                "else h=unavailable; fi",
                "tail -c " + STDERR_TAIL + " \"$f.err\" >&2",
                "rm -f \"$f.err\"",
                header) + "\n";
    }

    @Override
    public String chunk(String name, long k, int size) {
        return file(name)
                + "printf 'OSBASELINE-CHUNK %d ' " + k + "\n"
                + "dd if=\"$f\" bs=" + size + " skip=" + k + " count=1 2>/dev/null\n"
                + "printf ' OSBASELINE-END\\n'\n";
    }

    @Override
    public String emit(String name) {
        return file(name) + "cat \"$f\"\n";
    }

    @Override
    public String cleanup(String name) {
        return file(name) + "rm -f \"$f\" \"$f.sh\" \"$f.out\" \"$f.err\"\n";
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/**
 * {@code file-lines: {path: /etc/issue, forbid: REGEX, missing: pass}}: fails when a line of the file contains a
 * match of {@code forbid}, reporting that line. An absent file ends as {@code missing} says (PASS by default).
 */
final class FileLinesTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "file-lines";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("file-lines", "files");
    }

    @Override
    public String expected(Params params) {
        return "no line of " + params.text("path") + " matches " + params.text("forbid");
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String path = params.text("path");
        String forbid = params.text("forbid");
        try {
            java.util.regex.Pattern.compile(forbid);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw params.error("forbid is not a regular expression: " + e.getDescription());
        }
        out.rule(path, null, null, "$f : FileLines( path == " + lit(path) + " )",
                "String hit = io.osbaseline.drl.Lines.firstFind($f.lines(), " + lit(forbid) + ");\n"
                        + "verdicts.check(drools, hit == null, hit == null ? \"no match\" : \"line: \" + hit);");
        Params.Outcome missing = params.outcome("missing", Params.Outcome.PASS);
        out.rule(path + " absent", null, null, "FileInfo( path == " + lit(path) + ", exists == false )",
                missing.call(lit("absent")));
    }
}

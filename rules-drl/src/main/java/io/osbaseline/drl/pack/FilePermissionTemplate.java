package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code file-permission: {path: /etc/passwd, mode: "0644", owner: root, group: root|shadow, missing: fail}}: the
 * file's mode must have no bit beyond {@code mode}, and its owner and group must be among those listed. An absent file
 * ends as {@code missing} says (FAIL by default; PASS for "if the file exists" rules).
 */
final class FilePermissionTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "file-permission";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("files");
    }

    @Override
    public String expected(Params params) {
        StringBuilder s = new StringBuilder(params.text("path")).append(": mode ").append(params.text("mode"))
                .append(" or stricter");
        if (params.optional("owner") != null) {
            s.append(", owner ").append(params.text("owner").replace("|", " or "));
        }
        if (params.optional("group") != null) {
            s.append(", group ").append(params.text("group").replace("|", " or "));
        }
        Params.Outcome missing = params.outcome("missing", Params.Outcome.FAIL);
        if (missing == Params.Outcome.PASS) {
            s.append(" (if it exists)");
        }
        return s.toString();
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String path = params.text("path");
        String mode = params.text("mode");
        if (!mode.matches("0[0-7]{3,4}")) {
            throw params.error("mode must be octal with a leading 0, such as \"0644\"; got '" + mode + "'");
        }
        StringBuilder test = new StringBuilder("$f.modeAtMost(" + mode + ")");
        appendOneOf(test, "$f.owner()", params.optional("owner"));
        appendOneOf(test, "$f.group()", params.optional("group"));
        out.rule(path, null, null, "$f : FileInfo( path == " + lit(path) + ", exists == true )",
                "verdicts.check(drools, " + test + ", $f.describe());");
        Params.Outcome missing = params.outcome("missing", Params.Outcome.FAIL);
        out.rule(path + " absent", null, null, "FileInfo( path == " + lit(path) + ", exists == false )",
                missing.call(lit(missing == Params.Outcome.FAIL || missing == Params.Outcome.PASS
                        ? "absent" : path + " does not exist")));
    }

    private static void appendOneOf(StringBuilder test, String accessor, String alternatives) {
        if (alternatives == null) {
            return;
        }
        test.append(" && ").append(List.of(alternatives.split("\\|")).stream()
                .map(a -> lit(a.strip()) + ".equals(" + accessor + ")")
                .collect(Collectors.joining(" || ", "(", ")")));
    }
}

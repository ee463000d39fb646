package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code files-permission: {paths: [A, B], mode: "0640", owner: root, group: root, none: not-applicable,
 * noneReason: ...}}: every one of the paths that exists must have no mode bit beyond {@code mode}, and an owner and
 * group among those listed; paths that do not exist are skipped. When none exists the check ends as {@code none}
 * says (NOT_APPLICABLE by default), with {@code noneReason}.
 */
final class FilesPermissionTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "files-permission";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("files");
    }

    @Override
    public String expected(Params params) {
        StringBuilder s = new StringBuilder("mode ").append(params.text("mode")).append(" or stricter");
        if (params.optional("owner") != null) {
            s.append(", owner ").append(params.text("owner").replace("|", " or "));
        }
        if (params.optional("group") != null) {
            s.append(", group ").append(params.text("group").replace("|", " or "));
        }
        return s.append(": ").append(String.join(", ", params.list("paths"))).append(" (those that exist)")
                .toString();
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> paths = params.list("paths");
        String mode = params.text("mode");
        if (!mode.matches("0[0-7]{3,4}")) {
            throw params.error("mode must be octal with a leading 0, such as \"0644\"; got '" + mode + "'");
        }
        StringBuilder test = new StringBuilder("$f.modeAtMost(" + mode + ")");
        appendOneOf(test, "$f.owner()", params.optional("owner"));
        appendOneOf(test, "$f.group()", params.optional("group"));
        for (String path : paths) {
            out.rule(path, null, null, "$f : FileInfo( path == " + lit(path) + ", exists == true )",
                    "verdicts.check(drools, " + test + ", $f.path() + \" \" + $f.describe());");
        }
        Params.Outcome none = params.outcome("none", Params.Outcome.NOT_APPLICABLE);
        out.rule("none exists", null, null,
                paths.stream().map(p -> "FileInfo( path == " + lit(p) + ", exists == false )")
                        .collect(Collectors.joining("\n")),
                none.call(lit(params.optional("noneReason", "none of " + String.join(", ", paths) + " exists"))));
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

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import io.osbaseline.model.fact.WellKnownSids;
import java.util.List;

/**
 * {@code user-right: {right: SeNetworkLogonRight, mode: only, principals: [Administrators, Authenticated Users]}} on
 * {@code UserRight} facts, comparing principals (SIDs), not spellings. {@code mode}: {@code none} (granted to no
 * one), {@code only} (to none but these; fewer is fine), {@code exactly} (to exactly these) or {@code includes}
 * (at least to these, as deny rights must be). An absent right is UNKNOWN: a GPO holds only the rights it configures
 * (an export of a machine's effective policy lists every right, held by no one when secedit leaves it out).
 */
final class UserRightTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "user-right";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("user-rights");
    }

    @Override
    public String expected(Params params) {
        String mode = mode(params);
        return params.text("right") + ": " + switch (mode) {
            case "none" -> "No One";
            case "only" -> "only " + String.join(", ", params.list("principals")) + " (or fewer)";
            case "exactly" -> String.join(", ", params.list("principals"));
            default -> "includes " + String.join(", ", params.list("principals"));
        };
    }

    private static String mode(Params params) {
        String mode = params.text("mode");
        if (!List.of("none", "only", "exactly", "includes").contains(mode)) {
            throw params.error("'mode' must be none, only, exactly or includes; got '" + mode + "'");
        }
        return mode;
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String right = params.text("right");
        String mode = mode(params);
        List<String> principals = mode.equals("none") ? List.of()
                : params.list("principals").stream().map(WellKnownSids::canonical).toList();
        String match = "UserRight( right == " + lit(right) + " )";
        out.rule("", null, null, Params.Outcome.UNKNOWN.unreported(right + " is not in the exported [Privilege "
                        + "Rights]: the policy does not configure it"), "$r : " + match,
                "String problem = io.osbaseline.drl.pack.WindowsChecks.principalProblem(" + lit(mode)
                        + ", $r.principals(), " + CheckWriter.listLit(principals) + ");\n"
                        + "if (problem == null) {\n    verdicts.pass(drools, $r.display());\n} else {\n"
                        + "    verdicts.fail(drools, $r.display(), problem);\n}");
        WindowsRoles.write(params, out);
    }
}

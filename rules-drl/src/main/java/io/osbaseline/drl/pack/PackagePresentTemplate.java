package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/** {@code package-present: {names: [A, B]}}: passes when at least one of the packages is installed. */
final class PackagePresentTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "package-present";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("packages");
    }

    @Override
    public String expected(Params params) {
        List<String> names = params.list("names");
        return (names.size() == 1 ? "installed: " : "at least one installed: ") + String.join(", ", names);
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> names = params.list("names");
        for (String name : names) {
            out.rule(name, null, null, Params.Outcome.FAIL.unreported("not installed"),
                    "$p : InstalledPackage( name == " + lit(name) + " )",
                    "verdicts.pass(drools, $p.name() + \" \" + $p.version() + \" installed\");");
        }
    }
}

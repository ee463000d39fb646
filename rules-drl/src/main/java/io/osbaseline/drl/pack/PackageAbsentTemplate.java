package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/** {@code package-absent: {names: [A, B]}}: fails for each of the packages that is installed. */
final class PackageAbsentTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "package-absent";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("packages");
    }

    @Override
    public String expected(Params params) {
        return "not installed: " + String.join(", ", params.list("names"));
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> names = params.list("names");
        for (String name : names) {
            out.rule(name, null, null, Params.Outcome.PASS.unreported("not installed"),
                    "$p : InstalledPackage( name == " + lit(name) + " )",
                    "verdicts.fail(drools, $p.name() + \" \" + $p.version() + \" installed\");");
        }
    }
}

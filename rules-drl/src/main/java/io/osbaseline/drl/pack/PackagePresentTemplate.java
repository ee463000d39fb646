package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.stream.Collectors;

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
            out.rule(name, null, null, "$p : InstalledPackage( name == " + lit(name) + " )",
                    "verdicts.pass(drools, $p.name() + \" \" + $p.version() + \" installed\");");
        }
        out.rule("none installed", null, null,
                names.stream().map(n -> "not InstalledPackage( name == " + lit(n) + " )")
                        .collect(Collectors.joining("\n")),
                "verdicts.fail(drools, \"not installed\");");
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/**
 * {@code service-disabled: {units: [a.service, a.socket]}}: fails for each unit that is enabled or running; passes
 * when none of the units is installed.
 */
final class ServiceDisabledTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "service-disabled";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("services");
    }

    @Override
    public String expected(Params params) {
        return "disabled and not running (or not installed): " + String.join(", ", params.list("units"));
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> units = params.list("units");
        for (String unit : units) {
            out.rule(unit, null, null, Params.Outcome.PASS.unreported("not installed"),
                    "$s : SystemService( name == " + lit(unit) + " )",
                    "verdicts.check(drools, !$s.enabled() && !$s.active(), $s.name() + \" \" + $s.describe());");
        }
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/** {@code service-enabled: {units: [cron.service, crond.service]}}: passes when at least one unit is enabled. */
final class ServiceEnabledTemplate implements CheckTemplate {
    private static final String ENABLED = "unitFileState in (\"enabled\", \"enabled-runtime\")";

    @Override
    public String kind() {
        return "service-enabled";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("services");
    }

    @Override
    public String expected(Params params) {
        List<String> units = params.list("units");
        return (units.size() == 1 ? "enabled: " : "at least one enabled: ") + String.join(", ", units);
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> units = params.list("units");
        String none = Params.Outcome.FAIL.unreported(units.size() == 1 ? units.get(0) + " is not enabled"
                : "none of " + String.join(", ", units) + " is enabled");
        for (String unit : units) {
            out.rule(unit, null, null, none, "$s : SystemService( name == " + lit(unit) + ", " + ENABLED + " )",
                    "verdicts.pass(drools, $s.name() + \" \" + $s.describe());");
        }
    }
}

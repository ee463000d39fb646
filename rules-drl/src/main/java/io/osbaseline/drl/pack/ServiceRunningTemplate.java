package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/**
 * {@code service-running: {units: [auditd.service]}}: passes when one of the units is running. A unit whose active
 * state was not collected (an offline root, or a host where systemd does not run) is UNKNOWN: whether a service runs
 * is runtime state. A unit that is not installed does not run.
 */
final class ServiceRunningTemplate implements CheckTemplate {
    /** The active states of a unit that runs, or is about to. */
    static final String RUNNING = "(\"active\", \"activating\", \"reloading\")";

    @Override
    public String kind() {
        return "service-running";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("services");
    }

    @Override
    public String expected(Params params) {
        List<String> units = params.list("units");
        return (units.size() == 1 ? "running: " : "at least one running: ") + String.join(", ", units);
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> units = params.list("units");
        String any = "name in (" + String.join(", ", units.stream().map(CheckWriter::lit).toList()) + ")";
        String none = Params.Outcome.FAIL.unreported(String.join(", ", units) + " not installed");
        for (String unit : units) {
            out.rule(unit + " running", null, null, none,
                    "$s : SystemService( name == " + lit(unit) + ", activeState in " + RUNNING + " )",
                    "verdicts.pass(drools, $s.name() + \" \" + $s.describe());");
            out.rule(unit + " stopped", null, null,
                    "$s : SystemService( name == " + lit(unit) + ", activeState != null, activeState not in "
                            + RUNNING + " )\nnot SystemService( " + any + ", activeState in " + RUNNING + " )",
                    "verdicts.fail(drools, $s.name() + \" \" + $s.describe());");
            out.rule(unit + " state unknown", null, null,
                    "$s : SystemService( name == " + lit(unit) + ", activeState == null )",
                    "verdicts.unknown(drools, $s.name() + \" is \" + $s.unitFileState() + \"; whether it runs is "
                            + "runtime state, which was not read (an offline root, or a host where systemd does not "
                            + "run)\");");
        }
    }
}

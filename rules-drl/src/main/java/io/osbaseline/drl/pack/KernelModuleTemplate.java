package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/**
 * {@code kernel-module-disabled: {name: cramfs}}: the module's modprobe {@code install} command must be
 * {@code /bin/true} or {@code /bin/false}, and it must not be loaded. A module modprobe has no configuration for can be
 * loaded, so it fails.
 */
final class KernelModuleTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "kernel-module-disabled";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("kernel-modules");
    }

    @Override
    public String expected(Params params) {
        return "install " + params.text("name") + " /bin/true (not loadable), not loaded";
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String name = params.text("name");
        out.rule(name, null, null, Params.Outcome.FAIL.unreported("no install directive: the module can be loaded"),
                "$k : KernelModule( name == " + lit(name) + " )",
                "verdicts.check(drools, $k.notLoadable() && !Boolean.TRUE.equals($k.loaded()), $k.describe());");
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sysctl: {keys: {KEY: EXPECTATION, ...}, unavailable: unknown}}. Each key is judged on its own; an unset key
 * is UNKNOWN (the kernel's default applies, and it is not guessed). A key the running kernel does not have (IPv6 keys
 * when IPv6 is disabled at boot) ends as {@code unavailable} says: UNKNOWN by default, PASS where the key only turns
 * off something the kernel then lacks, FAIL where the key must exist.
 */
final class SysctlTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "sysctl";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("sysctl");
    }

    @Override
    public String expected(Params params) {
        return params.map("keys").entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void write(Params params, CheckWriter out) {
        Map<String, String> keys = params.map("keys");
        Params.Outcome unavailable = params.outcome("unavailable", Params.Outcome.UNKNOWN);
        boolean several = keys.size() > 1;
        keys.forEach((key, expect) -> {
            String shown = several ? lit(key + "=") + " + $s.value()" : "$s.value()";
            out.rule(key, key, expect, Params.Outcome.UNKNOWN.unreported(key + " is not set in the persistent sysctl "
                            + "configuration and its runtime value was not read; the kernel default applies"),
                    "$s : Sysctl( key == " + lit(key) + " )",
                    "verdicts.judge(drools, $s.value(), " + shown + ");");
            String notInKernel = "Setting( namespace == \"sysctl\", key == \"unavailable\", value == " + lit(key)
                    + " )";
            out.rule(key + " not in kernel", key, null, notInKernel,
                    unavailable.call(lit(key + " does not exist in the running kernel")));
        });
    }
}

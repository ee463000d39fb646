package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sysctl: {KEY: EXPECTATION, ...}}. Each key is judged on its own; an unset key is UNKNOWN (the kernel's
 * default applies, and it is not guessed).
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
        boolean several = keys.size() > 1;
        keys.forEach((key, expect) -> {
            String shown = several ? lit(key + "=") + " + $s.value()" : "$s.value()";
            out.rule(key, key, expect,
                    "$s : Sysctl( key == " + lit(key) + " )",
                    "verdicts.judge(drools, $s.value(), " + shown + ");");
            out.rule(key + " unset", null, null,
                    "not Sysctl( key == " + lit(key) + " )",
                    "verdicts.unknown(drools, " + lit(key + " is not set in the persistent sysctl configuration "
                            + "and its runtime value was not read; the kernel default applies") + ");");
        });
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code setting: {namespace: NS, keys: {KEY: EXPECTATION}, defaults: {KEY: VALUE}, missing: unknown}} on
 * {@code Setting} facts. An unset key is judged by its documented default when one is given, else it ends as
 * {@code missing} says (UNKNOWN by default). The collector is the namespace unless {@code collector} names another.
 */
final class SettingTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "setting";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of(params.optional("collector", params.text("namespace")));
    }

    @Override
    public String expected(Params params) {
        return params.map("keys").entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String namespace = params.text("namespace");
        Map<String, String> keys = params.map("keys");
        Map<String, String> defaults = params.optionalMap("defaults");
        Params.Outcome missing = params.outcome("missing", Params.Outcome.UNKNOWN);
        boolean several = keys.size() > 1;
        keys.forEach((key, expect) -> {
            String match = "Setting( namespace == " + lit(namespace) + ", key == " + lit(key) + " )";
            String shown = several ? lit(key + " ") + " + $s.value()" : "$s.value()";
            String judge = "verdicts.judge(drools, $s.value(), " + shown + ");";
            if (defaults.containsKey(key)) {
                // An unset key is judged at its default, which takes a rule: @unreported cannot judge.
                String d = defaults.get(key);
                out.rule(key, key, expect, "$s : " + match, judge);
                out.whenUnreported(key + " unset", key, expect, "", "verdicts.judge(drools, " + lit(d) + ", "
                        + lit((several ? key + " " : "") + d + " (not set: the default)") + ");");
            } else {
                out.rule(key, key, expect, missing.unreported(key + " is not set in " + namespace), "$s : " + match,
                        judge);
            }
        });
    }
}

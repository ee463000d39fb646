package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sshd: {options: {Option: EXPECTATION, ...}, unset: {Option: fail}}}, judged on the effective server
 * configuration (defaults included). An option that is not set and has no known default is UNKNOWN, unless
 * {@code unset} says what its absence means (for AllowUsers, absence means "not configured": {@code fail}). A machine
 * with no OpenSSH server configuration is NOT_APPLICABLE.
 */
final class SshdOptionTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "sshd";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("sshd");
    }

    @Override
    public String expected(Params params) {
        return params.map("options").entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void write(Params params, CheckWriter out) {
        Map<String, String> options = params.map("options");
        Map<String, String> unset = params.optionalMap("unset");
        for (String option : unset.keySet()) {
            if (!options.containsKey(option)) {
                throw params.error("'unset' names " + option + ", which is not among the options");
            }
        }
        boolean several = options.size() > 1;
        options.forEach((option, expect) -> {
            String key = option.toLowerCase(Locale.ROOT);
            String shown = several ? lit(option + " ") + " + $o.value()" : "$o.value()";
            String absent = unset.containsKey(option)
                    ? outcome(params, unset.get(option)).unreported((several ? option + " " : "") + "not set")
                    : Params.Outcome.UNKNOWN.unreported(option + " is not set and OpenSSH has no known default for it");
            out.rule(option, option, expect, absent,
                    "$o : SshdOption( key == " + lit(key) + " )",
                    "verdicts.judge(drools, $o.value(), " + shown + ");");
        });
        // Without any option, the options' own absence (above) is outweighed: NOT_APPLICABLE wins the merge.
        out.whenUnreported("no sshd", null, null, "not SshdOption()",
                "verdicts.notApplicable(drools, \"the OpenSSH server is not configured on this machine\");");
    }

    private static Params.Outcome outcome(Params params, String word) {
        for (Params.Outcome o : Params.Outcome.values()) {
            if (o.word.equals(word)) {
                return o;
            }
        }
        throw params.error("'unset' values must be pass, fail, not-applicable or unknown; got '" + word + "'");
    }
}

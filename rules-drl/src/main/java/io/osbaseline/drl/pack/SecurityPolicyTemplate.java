package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import io.osbaseline.model.fact.SecurityPolicy;
import java.util.List;

/**
 * {@code security-policy: {key: MinimumPasswordLength, expect: ">= 14", section: System Access, roles: [...]}} on
 * {@code SecurityPolicy} facts (the [System Access] section by default). An absent key is UNKNOWN: security
 * templates hold only what they configure.
 */
final class SecurityPolicyTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "security-policy";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("security-policy");
    }

    @Override
    public String expected(Params params) {
        return "[" + params.optional("section", SecurityPolicy.SYSTEM_ACCESS) + "] " + params.text("key") + " "
                + params.text("expect");
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String section = params.optional("section", SecurityPolicy.SYSTEM_ACCESS);
        String key = params.text("key");
        String match = "SecurityPolicy( key == " + lit(key) + ", section == " + lit(section) + " )";
        out.rule("", null, params.text("expect"), Params.Outcome.UNKNOWN.unreported("[" + section + "] " + key
                        + " is not in the exported security policy"), "$p : " + match,
                "verdicts.judge(drools, $p.value());");
        WindowsRoles.write(params, out);
    }
}

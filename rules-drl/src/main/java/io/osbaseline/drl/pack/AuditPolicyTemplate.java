package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import io.osbaseline.model.fact.AuditPolicy;
import java.util.List;
import java.util.Map;

/**
 * {@code audit-policy: {guid: "{0CCE923F-...}", subcategory: Credential Validation, require: success-and-failure}}
 * on {@code AuditPolicy} facts. {@code require} is {@code success} (Success must be audited: Success, or Success and
 * Failure), {@code failure}, {@code success-and-failure} or {@code any}. The rule judges auditpol's setting number
 * (0 none, 1 success, 2 failure, 3 both), so its expectation reads {@code in 1|3} for "includes Success"; the
 * actual value is shown in words. An absent subcategory is UNKNOWN.
 */
final class AuditPolicyTemplate implements CheckTemplate {
    private static final Map<String, String> EXPECT = Map.of("success", "in 1|3", "failure", "in 2|3",
            "success-and-failure", "= 3", "any", "in 0|1|2|3");
    private static final Map<String, String> WORDS = Map.of("success", "includes Success", "failure",
            "includes Failure", "success-and-failure", "Success and Failure", "any", "any setting (No Auditing or more)");

    @Override
    public String kind() {
        return "audit-policy";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("audit-policy");
    }

    @Override
    public String expected(Params params) {
        return params.text("subcategory") + ": " + WORDS.get(require(params));
    }

    private static String require(Params params) {
        String r = params.text("require");
        if (!EXPECT.containsKey(r)) {
            throw params.error("'require' must be success, failure, success-and-failure or any; got '" + r + "'");
        }
        return r;
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String guid = AuditPolicy.canonicalGuid(params.text("guid"));
        String match = "AuditPolicy( guid == " + lit(guid) + " )";
        out.rule("", null, EXPECT.get(require(params)), Params.Outcome.UNKNOWN.unreported("the audit policy of "
                        + params.text("subcategory") + " " + guid + " is not in the exports"), "$a : " + match,
                "verdicts.judge(drools, $a.code(), $a.setting());");
        WindowsRoles.write(params, out);
    }
}

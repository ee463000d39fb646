package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import io.osbaseline.model.fact.RegistryValue;
import java.util.List;
import java.util.Locale;

/**
 * {@code registry: {key: HKLM\..., value: NAME, expect: "= 1", absent: pass, roles: [...]}} on
 * {@code RegistryValue} facts; for a REG_MULTI_SZ value, {@code items: [a, b]} instead of {@code expect} (the same
 * items in the same order, ignoring case).
 *
 * <p>An absent value is judged only where the snapshot captured it ({@code RegistryScope}): then it is
 * {@code absent} (FAIL by default; {@code pass} for the baseline's "doesn't exist or = N"). Where nothing captured
 * it (a GPO backup that does not configure it, a key no export covered) the rule is UNKNOWN.
 */
final class RegistryValueTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "registry";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("registry");
    }

    @Override
    public String expected(Params params) {
        String what = params.optional("items") != null ? "= " + String.join("\\0", params.list("items"))
                : params.text("expect");
        String absent = params.outcome("absent", Params.Outcome.FAIL) == Params.Outcome.PASS
                ? "doesn't exist or " : "";
        return params.text("key") + "\\" + params.text("value") + ": " + absent + what;
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String path = RegistryValue.canonicalPath(params.text("key"));
        String name = params.text("value").toLowerCase(Locale.ROOT);
        String shown = params.text("key") + "\\" + params.text("value");
        Params.Outcome absent = params.outcome("absent", Params.Outcome.FAIL);
        String match = "RegistryValue( path == " + lit(path) + ", name == " + lit(name) + " )";
        if (params.optional("items") != null) {
            List<String> items = params.list("items");
            out.rule("", null, null, "$v : " + match,
                    "verdicts.check(drools, io.osbaseline.drl.pack.WindowsChecks.sameItems($v.items(), "
                            + CheckWriter.listLit(items) + "), $v.display());");
        } else {
            out.rule("", null, params.text("expect"), "$v : " + match,
                    "verdicts.judge(drools, $v.data(), $v.display());");
        }
        String scope = "RegistryScope( covers(" + lit(path) + ", " + lit(name) + ") )";
        out.whenUnreported("absent", null, null, "exists " + scope, absent.call(lit("not set")));
        out.whenUnreported("not captured", null, null, "not " + scope,
                "verdicts.unknown(drools, " + lit(shown + " is not in the exports: a policy export holds only what "
                        + "it configures, and no export of the machine's registry captured this key") + ");");
        WindowsRoles.write(params, out);
    }
}

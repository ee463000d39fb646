package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;

/**
 * {@code device-state: {key: SecureBootState, expect: "= 1"}}: the Secured-core checks of the Azure Windows
 * baseline, which apply to Azure Stack HCI only and read firmware and virtualization-based security state (the
 * collector bundle's {@code device-security} values, {@code Setting} facts). On a machine whose OS is known and is
 * not Azure Stack HCI they are NOT_APPLICABLE; where the OS is not known (a GPO backup, which holds no firmware
 * state) or the value was not collected, UNKNOWN.
 */
final class DeviceStateTemplate implements CheckTemplate {
    private static final String HCI = "(?i).*Azure Stack HCI.*";

    @Override
    public String kind() {
        return "device-state";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of();
    }

    @Override
    public String expected(Params params) {
        return params.text("key") + " " + params.text("expect") + " (Azure Stack HCI)";
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String key = params.text("key");
        String setting = "Setting( namespace == \"device-security\", key == " + lit(key) + " )";
        out.rule("", null, params.text("expect"), "Machine( osName matches " + lit(HCI) + " )\n$s : " + setting,
                "verdicts.judge(drools, $s.value());");
        out.rule("not collected", null, null, "Machine( osName matches " + lit(HCI) + " )\nnot " + setting,
                "verdicts.unknown(drools, " + lit(key + " was not collected: the device-security values come from "
                        + "the collector bundle of a running machine") + ");");
        out.rule("not hci", null, null, "$m : Machine( osName != null, osName not matches " + lit(HCI) + " )",
                "verdicts.notApplicable(drools, " + lit("a Secured-core check for Azure Stack HCI only; this machine "
                        + "runs ") + " + $m.osName());");
        out.rule("os unknown", null, null, "Machine( osName == null )",
                "verdicts.unknown(drools, " + lit("a Secured-core check for Azure Stack HCI only, and the exports "
                        + "do not say which OS the machine runs (a GPO backup holds no firmware state)") + ");");
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code legacy-service-disabled: {inetd: telnet, units: [telnet.socket]}}: a service that inetd or systemd can
 * start must be off in both. {@code inetd} names the service whose entry (a line of {@code /etc/inetd.conf} that
 * starts with the name) must be absent; {@code inetdLine} is a regular expression no line may match, for checks that
 * look for something other than an entry. Each of {@code units} must be disabled and not running. An absent
 * {@code /etc/inetd.conf} and units that are not installed pass; an inetd.conf whose lines were not read (too large,
 * unreadable) is UNKNOWN.
 */
final class LegacyServiceTemplate implements CheckTemplate {
    static final String INETD_CONF = "/etc/inetd.conf";

    @Override
    public String kind() {
        return "legacy-service-disabled";
    }

    @Override
    public List<String> requires(Params params) {
        return params.optional("units") == null ? List.of("file-lines", "files")
                : List.of("file-lines", "files", "services");
    }

    @Override
    public String expected(Params params) {
        List<String> parts = new ArrayList<>();
        parts.add(params.optional("inetd") != null ? "no " + params.text("inetd") + " entry in " + INETD_CONF
                : "no line of " + INETD_CONF + " matches " + regex(params));
        if (params.optional("units") != null) {
            parts.add("disabled and not running (or not installed): " + String.join(", ", params.list("units")));
        }
        return String.join("; ", parts);
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String regex = regex(params);
        String clean = params.optional("inetd") != null ? "no " + params.text("inetd") + " entry in " + INETD_CONF
                : "no line of " + INETD_CONF + " matches " + regex;
        // Two parts, so that the units' absence is said by @unreported while inetd.conf reports.
        String inetd = params.optional("units") == null ? null : "inetd";
        out.rule("inetd", inetd, null, "$f : FileLines( path == " + lit(INETD_CONF) + " )",
                "String hit = io.osbaseline.drl.Lines.firstFind($f.lines(), " + lit(regex) + ");\n"
                        + "verdicts.check(drools, hit == null, hit == null ? " + lit(clean) + " : "
                        + lit(INETD_CONF + ": ") + " + hit.strip());");
        out.rule("no inetd", inetd, null, "FileInfo( path == " + lit(INETD_CONF) + ", exists == false )",
                "verdicts.pass(drools, " + lit("no " + INETD_CONF) + ");");
        out.rule("inetd unread", inetd, null, "FileInfo( path == " + lit(INETD_CONF) + ", exists == true )\n"
                        + "not FileLines( path == " + lit(INETD_CONF) + " )",
                "verdicts.unknown(drools, " + lit(INETD_CONF + " exists but its lines were not read (see the "
                        + "snapshot's gaps)") + ");");
        if (inetd == null) {
            return;
        }
        List<String> units = params.list("units");
        String none = Params.Outcome.PASS.unreported(String.join(", ", units) + " not installed");
        for (String unit : units) {
            out.rule(unit, "units", null, none, "$s : SystemService( name == " + lit(unit) + " )",
                    "verdicts.check(drools, !$s.enabled() && !$s.active(), $s.name() + \" \" + $s.describe());");
        }
    }

    private static String regex(Params params) {
        String service = params.optional("inetd");
        String regex = service != null ? "^\\s*" + Pattern.quote(service) + "\\s" : params.text("inetdLine");
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw params.error("inetdLine is not a regular expression: " + e.getDescription());
        }
        return regex;
    }
}

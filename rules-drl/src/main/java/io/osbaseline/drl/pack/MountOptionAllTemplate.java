package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code mount-option-all: {select: {fsType: REGEX, device: REGEX, mountPoint: REGEX}, sources: [fstab],
 * options: [nodev], what: NFS mounts, none: pass}}: every mount that {@code select} picks (any of its regular
 * expressions matching the whole field), among the mounts of {@code sources} ({@code fstab}, {@code runtime}; both
 * by default), must carry all the options. When none is picked the check ends as {@code none} says (PASS by default:
 * there is nothing to protect).
 */
final class MountOptionAllTemplate implements CheckTemplate {
    private static final List<String> FIELDS = List.of("fsType", "device", "mountPoint");

    @Override
    public String kind() {
        return "mount-option-all";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("mounts");
    }

    @Override
    public String expected(Params params) {
        return String.join(",", params.list("options")) + " on every one of the " + params.text("what");
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String what = params.text("what");
        List<String> options = params.list("options");
        String pattern = "Mount( " + sources(params) + selection(params) + " )";
        String test = options.stream().map(o -> "$m.hasOption(" + lit(o) + ")").collect(Collectors.joining(" && "));
        Params.Outcome none = params.outcome("none", Params.Outcome.PASS);
        out.rule("selected", null, null, none.unreported("no " + what), "$m : " + pattern,
                "verdicts.check(drools, " + test + ", $m.source() + \" \" + $m.mountPoint() + \": \""
                        + " + String.join(\",\", $m.options()));");
    }

    private static String sources(Params params) {
        if (params.optional("sources") == null) {
            return "";
        }
        List<String> sources = params.list("sources");
        for (String s : sources) {
            if (!s.equals("fstab") && !s.equals("runtime")) {
                throw params.error("sources are fstab and runtime; got '" + s + "'");
            }
        }
        return sources.size() == 1 ? "source == " + lit(sources.get(0)) + ", "
                : "source in (" + sources.stream().map(CheckWriter::lit).collect(Collectors.joining(", ")) + "), ";
    }

    private static String selection(Params params) {
        Map<String, String> select = params.map("select");
        List<String> tests = new ArrayList<>();
        select.forEach((field, regex) -> {
            if (!FIELDS.contains(field)) {
                throw params.error("select takes " + FIELDS + "; got '" + field + "'");
            }
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw params.error("select." + field + " is not a regular expression: " + e.getDescription());
            }
            tests.add(field + " matches " + lit(regex));
        });
        return tests.size() == 1 ? tests.get(0) : "( " + String.join(" || ", tests) + " )";
    }
}

package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code pam-options}: the options of a PAM module in the stack files of a distribution, each judged by its
 * expectation, with the value the module itself would use:
 *
 * <pre>
 * pam-options:
 *   services: [common-auth, system-auth, password-auth]   # the stack files; those that exist are judged
 *   type: auth
 *   modules: [pam_faillock.so, pam_tally2.so]             # one of them must be in each stack file
 *   alsoWhenSet: [pam_unix.so]                            # counts only on lines that set one of the options
 *   options: {deny: "&gt;= 1 and &lt;= 5", unlock_time: "&gt;= 100"}
 *   config: {pam_faillock.so: faillock}                   # Setting namespace of the module's configuration file
 *   defaults: {pam_faillock.so: "deny=3 unlock_time=600"} # the module's documented defaults
 *   missing: fail                                        # when none of the stack files exists
 * </pre>
 *
 * For each line of those modules, an option's value is its argument on the line; else the module's configuration
 * file; else the module's documented default; else the option is not set and the line fails. A stack file that has
 * lines of the type but none of the modules fails; so does a machine where no stack file has lines of the type
 * ({@code missing}). Every option is a part of the check, so users can override its expectation.
 */
final class PamOptionsTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "pam-options";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("pam");
    }

    @Override
    public String expected(Params params) {
        List<String> modules = new ArrayList<>(params.list("modules"));
        modules.addAll(optionalList(params, "alsoWhenSet"));
        return "/etc/pam.d/{" + String.join(",", params.list("services")) + "}: " + params.text("type") + " "
                + String.join(" or ", modules) + " with " + params.map("options").entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public void write(Params params, CheckWriter out) {
        List<String> services = params.list("services");
        String type = params.text("type");
        List<String> modules = params.list("modules");
        List<String> alsoWhenSet = optionalList(params, "alsoWhenSet");
        Map<String, String> options = params.map("options");
        Map<String, String> config = params.optionalMap("config");
        Map<String, Map<String, String>> defaults = new LinkedHashMap<>();
        params.optionalMap("defaults").forEach((module, pairs) -> defaults.put(module, pairs(params, pairs)));
        for (String module : union(config.keySet(), defaults.keySet())) {
            if (!modules.contains(module)) {
                throw params.error("config and defaults may only name modules of 'modules'; got " + module);
            }
        }
        String serviceIn = "service in (" + join(services) + ")";
        List<String> all = new ArrayList<>(modules);
        all.addAll(alsoWhenSet);
        String line = "PamEntry( type == " + lit(type) + ", " + serviceIn + ", module ";

        options.forEach((key, expect) -> {
            String arg = "$e.argument(" + lit(key) + ")";
            String argument = "argument(" + lit(key) + ")";
            out.rule(key, key, expect, "$e : " + line + "in (" + join(all) + "), " + argument + " != null )",
                    "verdicts.judge(drools, " + arg + ", $e.service() + \": \" + $e.module() + \" " + key + "=\" + "
                            + arg + ");");
            for (String module : modules) {
                String lineOf = "$e : " + line + "== " + lit(module) + ", " + argument + " == null )";
                String namespace = config.get(module);
                String setting = namespace == null ? null
                        : "Setting( namespace == " + lit(namespace) + ", key == " + lit(key) + " )";
                if (setting != null) {
                    out.rule(key + " " + module + " config", key, expect, lineOf + "\n$s : " + setting,
                            "verdicts.judge(drools, $s.value(), $e.service() + \": \" + $e.module() + \" " + key
                                    + "=\" + $s.value() + \" (" + namespace + ".conf)\");");
                }
                String unsetWhen = lineOf + (setting == null ? "" : "\nnot " + setting);
                String fallback = defaults.getOrDefault(module, Map.of()).get(key);
                if (fallback != null) {
                    out.rule(key + " " + module + " default", key, expect, unsetWhen,
                            "verdicts.judge(drools, " + lit(fallback) + ", $e.service() + \": \" + $e.module() + \" "
                                    + key + "=" + fallback + " (the module's default)\");");
                } else {
                    out.rule(key + " " + module + " unset", null, null, unsetWhen,
                            "verdicts.fail(drools, $e.service() + \": \" + $e.module() + \" sets no " + key + "\");");
                }
            }
        });

        String anyOption = options.keySet().stream().map(k -> "argument(" + lit(k) + ") != null")
                .collect(Collectors.joining(" || "));
        for (String service : services) {
            StringBuilder when = new StringBuilder("exists PamEntry( service == " + lit(service) + ", type == "
                    + lit(type) + " )\n")
                    .append("not PamEntry( service == ").append(lit(service)).append(", type == ").append(lit(type))
                    .append(", module in (").append(join(modules)).append(") )");
            if (!alsoWhenSet.isEmpty()) {
                when.append("\nnot PamEntry( service == ").append(lit(service)).append(", type == ")
                        .append(lit(type)).append(", module in (").append(join(alsoWhenSet)).append("), ")
                        .append(anyOption).append(" )");
            }
            String wanted = String.join(" or ", modules) + (alsoWhenSet.isEmpty() ? ""
                    : " (nor " + String.join(" or ", alsoWhenSet) + " with " + String.join(" or ", options.keySet())
                            + ")");
            out.rule(service + " without module", null, null, when.toString(), "verdicts.fail(drools, "
                    + lit(service + ": no " + type + " line for " + wanted) + ");");
        }
        Params.Outcome missing = params.outcome("missing", Params.Outcome.FAIL);
        out.rule("no stack", null, null, "not PamEntry( type == " + lit(type) + ", " + serviceIn + " )",
                missing.call(lit("no " + type + " lines in /etc/pam.d/" + String.join(", /etc/pam.d/", services))));
    }

    private static List<String> optionalList(Params params, String name) {
        return params.optional(name) == null ? List.of() : params.list(name);
    }

    /** {@code "deny=3 unlock_time=600"} as a map. */
    private static Map<String, String> pairs(Params params, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw params.error("defaults are written name=value name=value; got '" + text + "'");
            }
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static String join(List<String> values) {
        return values.stream().map(CheckWriter::lit).collect(Collectors.joining(", "));
    }
}

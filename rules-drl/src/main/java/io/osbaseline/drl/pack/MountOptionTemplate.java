package io.osbaseline.drl.pack;

import static io.osbaseline.drl.pack.CheckWriter.lit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code mount-option: {path: /tmp, options: [nodev], unmounted: not-applicable}}: every mount of the path, in fstab
 * and at run time, must carry the options. When the path is not a separate mount, the check ends as
 * {@code unmounted} says (NOT_APPLICABLE by default), with {@code unmountedReason} if given.
 */
final class MountOptionTemplate implements CheckTemplate {
    @Override
    public String kind() {
        return "mount-option";
    }

    @Override
    public List<String> requires(Params params) {
        return List.of("mounts");
    }

    @Override
    public String expected(Params params) {
        Params.Outcome unmounted = params.outcome("unmounted", Params.Outcome.NOT_APPLICABLE);
        String s = params.text("path") + " mounted with " + String.join(",", params.list("options"));
        return unmounted == Params.Outcome.FAIL ? s : s + " (when it is a separate mount)";
    }

    @Override
    public void write(Params params, CheckWriter out) {
        String path = params.text("path");
        List<String> options = params.list("options");
        String test = options.stream().map(o -> "$m.hasOption(" + lit(o) + ")").collect(Collectors.joining(" && "));
        Params.Outcome unmounted = params.outcome("unmounted", Params.Outcome.NOT_APPLICABLE);
        String reason = params.optional("unmountedReason", path + " is not a separate mount");
        out.rule(path, null, null, unmounted.unreported(reason), "$m : Mount( mountPoint == " + lit(path) + " )",
                "verdicts.check(drools, " + test + ", $m.source() + \": \" + String.join(\",\", $m.options()));");
    }
}

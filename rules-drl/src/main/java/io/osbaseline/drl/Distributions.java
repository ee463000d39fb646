package io.osbaseline.drl;

import io.osbaseline.model.fact.OsRelease;

/** Families of distributions that baselines scope rules to, for rule conditions. */
public final class Distributions {
    private Distributions() {
    }

    /**
     * Whether the machine runs release 8 of Red Hat Enterprise Linux or of a rebuild of it (CentOS, AlmaLinux, Rocky
     * Linux, Oracle Linux, whose os-release names rhel in {@code ID_LIKE}, or is Oracle's {@code ol}).
     */
    public static boolean rhel8Family(OsRelease release) {
        String version = release.versionId();
        return (release.isLike("rhel") || release.id().equals("ol")) && version != null
                && (version.equals("8") || version.startsWith("8."));
    }
}

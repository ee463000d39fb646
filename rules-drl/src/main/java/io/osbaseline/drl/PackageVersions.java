package io.osbaseline.drl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Upstream versions inside the versions package managers print, for rule conditions. */
public final class PackageVersions {
    /** An optional dpkg epoch, then the upstream major and minor version: {@code 1:9.2p1-2}, {@code 8.7p1-38.el9}. */
    private static final Pattern UPSTREAM = Pattern.compile("(?:\\d+:)?(\\d{1,6})\\.(\\d{1,6}).*");

    private PackageVersions() {
    }

    /** Whether the upstream version in {@code version} is known and at least {@code major.minor}. */
    public static boolean atLeast(String version, int major, int minor) {
        Matcher m = UPSTREAM.matcher(version.strip());
        if (!m.matches()) {
            return false;
        }
        int ma = Integer.parseInt(m.group(1));
        return ma > major || ma == major && Integer.parseInt(m.group(2)) >= minor;
    }
}

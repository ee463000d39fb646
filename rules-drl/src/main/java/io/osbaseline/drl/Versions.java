package io.osbaseline.drl;

import java.math.BigInteger;

/**
 * Package version helpers for rule consequences: compare the upstream part of a package version as dpkg and rpm
 * print it ({@code 2:4.17.12+dfsg-0+deb12u1}, {@code 4.18.6-101.el9}) with a plain dotted version.
 */
public final class Versions {
    private Versions() {
    }

    /**
     * Whether the upstream version of {@code packageVersion} (after any {@code epoch:}, up to the first character
     * that is neither a digit nor a dot) is at least {@code minimum}, comparing dotted numbers one by one.
     */
    public static boolean atLeast(String packageVersion, String minimum) {
        String[] have = upstream(packageVersion).split("\\.");
        String[] want = minimum.split("\\.");
        for (int i = 0; i < Math.max(have.length, want.length); i++) {
            BigInteger h = i < have.length && !have[i].isEmpty() ? new BigInteger(have[i]) : BigInteger.ZERO;
            BigInteger w = i < want.length ? new BigInteger(want[i]) : BigInteger.ZERO;
            if (!h.equals(w)) {
                return h.compareTo(w) > 0;
            }
        }
        return true;
    }

    /** {@code 2:4.17.12+dfsg-0+deb12u1} to {@code 4.17.12}. */
    public static String upstream(String packageVersion) {
        String v = packageVersion.substring(packageVersion.indexOf(':') + 1);
        int end = 0;
        while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.')) {
            end++;
        }
        return v.substring(0, end).replaceAll("\\.+$", "");
    }
}

package io.osbaseline.local;

import java.util.regex.Pattern;

/** Shell wildcards ({@code *}, {@code ?}, {@code [...]}) as glob(3) reads them, within one path component. */
public final class Glob {
    private Glob() {
    }

    /** Whether {@code text} holds a wildcard. */
    public static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /**
     * The regular expression of a wildcard pattern in which {@code *} and {@code ?} never match {@code separator}:
     * {@code '/'} for file names, {@code '.'} for dotted sysctl keys.
     */
    public static Pattern toRegex(String glob, char separator) {
        String notSeparator = "[^" + Pattern.quote(String.valueOf(separator)) + "]";
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(notSeparator).append('*');
            } else if (c == '?') {
                re.append(notSeparator);
            } else if (c == '[' && classEnd(glob, i) > 0) {
                int end = classEnd(glob, i);
                re.append('[');
                int j = i + 1;
                if (glob.charAt(j) == '!' || glob.charAt(j) == '^') {
                    re.append('^');
                    j++;
                }
                for (; j < end; j++) {
                    char k = glob.charAt(j);
                    re.append(k == '-' || Character.isLetterOrDigit(k) ? String.valueOf(k) : "\\" + k);
                }
                re.append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** The index of the {@code ]} that closes the class opened at {@code open}, or -1 when there is none. */
    private static int classEnd(String glob, int open) {
        int j = open + 1;
        if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++; // a ']' right after the opening bracket is a member, not the end
        }
        int end = glob.indexOf(']', j);
        return end;
    }
}

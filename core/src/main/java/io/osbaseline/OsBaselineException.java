package io.osbaseline;

/**
 * Root of the checked exceptions thrown for input a user gave: a bad snapshot, bad rules, bad options.
 * The message always names what to fix (a file, a line, a field or an option). Bugs are unchecked.
 */
public class OsBaselineException extends Exception {
    private static final long serialVersionUID = 1L;

    public OsBaselineException(String message) {
        super(message);
    }

    public OsBaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}

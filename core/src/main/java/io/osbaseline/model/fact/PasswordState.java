package io.osbaseline.model.fact;

/** What {@code /etc/shadow} says about an account's password, without the hash. */
public enum PasswordState {
    /** A password hash is set. */
    SET,
    /** The password field is empty: login without a password. */
    EMPTY,
    /** The hash is prefixed with {@code !}: the password is locked. */
    LOCKED,
    /** The field is {@code *} or {@code !!} alone: no password can log in. */
    NO_PASSWORD,
    /** The account has no line in {@code /etc/shadow}, or shadow could not be read. */
    UNKNOWN
}

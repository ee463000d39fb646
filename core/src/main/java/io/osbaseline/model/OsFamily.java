package io.osbaseline.model;

/** The operating-system family a machine runs, which decides the baselines that apply to it. */
public enum OsFamily {
    LINUX,
    WINDOWS,
    /** Not known yet, for example before a snapshot file has been read. */
    UNKNOWN
}

package io.osbaseline.model;

/** How a collector fared while a snapshot was taken. */
public enum CollectorStatus {
    /** Everything the collector looks at was read. */
    COLLECTED,
    /** The collector ran, but some of its sources could not be read; see the snapshot's gaps. */
    PARTIAL,
    /** The collector ran and failed; its facts are missing. */
    FAILED,
    /** The collector cannot run in this mode, for example runtime values of an offline root. */
    UNAVAILABLE;

    /** Whether the collector's facts can be relied on, so that the absence of a fact means something. */
    public boolean usable() {
        return this == COLLECTED || this == PARTIAL;
    }
}

package io.osbaseline.model;

/** The overall state of one machine, as a Defender recommendation lists it. */
public enum AssessmentStatus {
    /** No applicable rule failed. */
    HEALTHY,
    /** At least one rule failed. */
    UNHEALTHY,
    /** No baseline applies to the machine, or the machine cannot be assessed by design (for example deallocated). */
    NOT_APPLICABLE,
    /** The machine could not be assessed: its snapshot could not be collected or read. */
    ERROR
}

package io.osbaseline.model;

/** Where a machine runs. */
public enum Cloud {
    AZURE,
    AWS,
    GCP,
    ON_PREMISES,
    UNKNOWN
}

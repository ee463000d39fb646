package io.osbaseline.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of a scan: one recommendation per baseline, and the assessment of every machine.
 *
 * @param generatedAt when the report was made
 * @param recommendations one per baseline that applies to at least one machine
 * @param assessments one per machine, in scan order
 */
public record Report(Instant generatedAt, List<Recommendation> recommendations, List<Assessment> assessments) {
    public Report {
        Objects.requireNonNull(generatedAt, "generatedAt");
        recommendations = List.copyOf(recommendations);
        assessments = List.copyOf(assessments);
    }
}

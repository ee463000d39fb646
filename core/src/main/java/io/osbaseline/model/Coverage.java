package io.osbaseline.model;

import java.util.List;
import java.util.Optional;

/**
 * What a snapshot covers: which collectors ran and how they fared, and the sources that could not be read. Rules that
 * need a collector's facts are UNKNOWN when it did not run, so that a missing fact is never a silent pass.
 */
public record Coverage(List<CollectorRun> collectors, List<CoverageGap> gaps) {
    public static final Coverage EMPTY = new Coverage(List.of(), List.of());

    public Coverage {
        collectors = collectors == null ? List.of() : List.copyOf(collectors);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /** The run of the named collector, if it ran or was recorded as unavailable. */
    public Optional<CollectorRun> run(String collector) {
        return collectors.stream().filter(r -> r.collector().equals(collector)).findFirst();
    }

    /** The gaps met by the named collector. */
    public List<CoverageGap> gaps(String collector) {
        return gaps.stream().filter(g -> g.collector().equals(collector)).toList();
    }
}

package io.osbaseline.model;

import io.osbaseline.model.fact.Fact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The configuration of one machine at one time: typed facts plus what was and was not collected. A snapshot has a
 * stable JSON form, so that it can be stored, sent and assessed again later with other rules.
 *
 * @param machine the machine
 * @param collectedAt when the facts were read
 * @param facts the facts, in collection order
 * @param coverage which collectors ran, which failed, and which sources could not be read
 */
public record ConfigurationSnapshot(Machine machine, Instant collectedAt, List<Fact> facts, Coverage coverage) {
    public ConfigurationSnapshot {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(collectedAt, "collectedAt");
        facts = facts == null ? List.of() : List.copyOf(facts);
        coverage = coverage == null ? Coverage.EMPTY : coverage;
    }

    /** The facts of one type. */
    public <T extends Fact> Stream<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast);
    }
}

package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * One collector's run while a snapshot was taken.
 *
 * @param collector the collector's name, for example {@code sshd} or {@code packages}; rules name it in {@code @requires}
 * @param status how it fared
 * @param detail what it read, or why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectorRun(String collector, CollectorStatus status, @CheckForNull String detail) {
    public CollectorRun {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(status, "status");
    }

    public static CollectorRun collected(String collector, @CheckForNull String detail) {
        return new CollectorRun(collector, CollectorStatus.COLLECTED, detail);
    }

    public static CollectorRun failed(String collector, String reason) {
        return new CollectorRun(collector, CollectorStatus.FAILED, reason);
    }

    public static CollectorRun unavailable(String collector, String reason) {
        return new CollectorRun(collector, CollectorStatus.UNAVAILABLE, reason);
    }
}

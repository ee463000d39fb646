package io.osbaseline.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.CheckForNull;

/**
 * The assessment of one machine: its status and one finding per applicable rule.
 *
 * @param machine the machine
 * @param status the overall status
 * @param reason why, for NOT_APPLICABLE and ERROR
 * @param findings the findings, in rule order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assessment(Machine machine, AssessmentStatus status, @CheckForNull String reason, List<Finding> findings) {
    public Assessment {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(status, "status");
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (reason == null && (status == AssessmentStatus.ERROR || status == AssessmentStatus.NOT_APPLICABLE)) {
            throw new IllegalArgumentException("a " + status + " assessment needs a reason (machine " + machine.id() + ")");
        }
    }

    /** An assessment whose status follows from its findings. */
    public static Assessment of(Machine machine, List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.status() == Status.FAIL)) {
            return new Assessment(machine, AssessmentStatus.UNHEALTHY, null, findings);
        }
        if (findings.stream().allMatch(f -> f.status() == Status.NOT_APPLICABLE)) {
            String reason = findings.isEmpty()
                    ? "no baseline rule applies to " + machine.osFamily() + " machines"
                    : "none of the " + findings.size() + " rules applies to this machine";
            return new Assessment(machine, AssessmentStatus.NOT_APPLICABLE, reason, findings);
        }
        return new Assessment(machine, AssessmentStatus.HEALTHY, null, findings);
    }

    /** A machine that could not be assessed. */
    public static Assessment error(Machine machine, String reason) {
        return new Assessment(machine, AssessmentStatus.ERROR, reason, List.of());
    }

    /** A machine that is out of scope by design, for example deallocated. */
    public static Assessment notApplicable(Machine machine, String reason) {
        return new Assessment(machine, AssessmentStatus.NOT_APPLICABLE, reason, List.of());
    }

    /** How many findings have each status. */
    public Map<Status, Integer> countByStatus() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return counts;
    }
}

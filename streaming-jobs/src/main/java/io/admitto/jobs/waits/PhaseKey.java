package io.admitto.jobs.waits;

import java.util.Objects;

/** A phase of a department of a facility: the grouping key of {@code wait_time_stats}. */
public record PhaseKey(String facilityId, String department, String phase) {
    public PhaseKey {
        Objects.requireNonNull(facilityId, "facilityId is null");
        Objects.requireNonNull(department, "department is null");
        Objects.requireNonNull(phase, "phase is null");
    }

    /** Spelled out: Flink routes keys by hash code, which must be the same in every JVM that restores state. */
    @Override
    public int hashCode() {
        return Objects.hash(facilityId, department, phase);
    }
}

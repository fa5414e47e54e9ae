package io.admitto.jobs.waits;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Service-level targets for waits, per phase with optional per-department overrides (keyed
 * {@code "<department>/<phase column value>"}, e.g. {@code "ED/arrival_to_registration"}). Hospitals set
 * their own; the defaults are in {@link WaitPhase}.
 */
public record WaitTargets(Map<String, Duration> overrides) implements Serializable {
    public WaitTargets {
        overrides = Map.copyOf(requireNonNull(overrides, "overrides is null"));
        overrides.forEach((key, target) -> {
            if (target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("Wait target " + key + " must be positive: " + target);
            }
        });
    }

    public static WaitTargets defaults() {
        return new WaitTargets(Map.of("ED/arrival_to_registration", Duration.ofMinutes(10)));
    }

    public Duration target(String department, WaitPhase phase) {
        return overrides.getOrDefault(department + "/" + phase.columnValue(), phase.defaultTarget());
    }
}

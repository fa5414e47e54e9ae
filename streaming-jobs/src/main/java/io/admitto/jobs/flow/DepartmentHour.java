package io.admitto.jobs.flow;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.OptionalDouble;
import java.util.Set;

/** Sums up one department's hour from what happened in it: the row of {@code department_hourly}. */
final class DepartmentHour {
    private DepartmentHour() {}

    /**
     * Registrations are counted once per event id (a re-published event lands in the same hour and
     * department, since its event time and department are those of the original); the median wait is
     * taken over the hour's samples, one per encounter.
     */
    static DepartmentHourlyRow summarize(DepartmentKey key, Instant hourStart, Iterable<DepartmentActivity> activities) {
        Set<String> registrations = new HashSet<>();
        double[] waits = new double[16];
        int waitCount = 0;
        for (DepartmentActivity activity : activities) {
            switch (activity.kind()) {
                case REGISTRATION -> registrations.add(activity.eventId());
                case WAIT_SAMPLE -> {
                    if (waitCount == waits.length) {
                        waits = Arrays.copyOf(waits, waitCount * 2);
                    }
                    waits[waitCount++] = activity.waitSeconds();
                }
            }
        }
        OptionalDouble median = Median.of(Arrays.copyOf(waits, waitCount));
        return new DepartmentHourlyRow(key.facilityId(), key.department(), hourStart, registrations.size(),
                median.isPresent() ? median.getAsDouble() : null);
    }
}

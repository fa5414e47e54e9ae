package io.admitto.jobs.flow;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentHourTest {
    private static final DepartmentKey ED = new DepartmentKey("F01", "ED");
    private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void countsEachRegistrationOnceAndTakesTheMedianOfTheWaits() {
        DepartmentHourlyRow row = DepartmentHour.summarize(ED, EIGHT, List.of(
                DepartmentActivity.registration("F01", "ED", "r1"),
                DepartmentActivity.registration("F01", "ED", "r2"),
                DepartmentActivity.registration("F01", "ED", "r1"),
                DepartmentActivity.waitSample("F01", "ED", "c1", 300),
                DepartmentActivity.waitSample("F01", "ED", "c2", 120),
                DepartmentActivity.waitSample("F01", "ED", "c3", 630.25),
                DepartmentActivity.waitSample("F01", "ED", "c4", 600.5)));

        assertThat(row).isEqualTo(new DepartmentHourlyRow("F01", "ED", EIGHT, 2, 450.25));
    }

    @Test
    void anHourWithRegistrationsButNoCompletedWaitHasNoMedian() {
        DepartmentHourlyRow row = DepartmentHour.summarize(ED, EIGHT, List.of(DepartmentActivity.registration("F01", "ED", "r1")));

        assertThat(row).isEqualTo(new DepartmentHourlyRow("F01", "ED", EIGHT, 1, null));
    }

    @Test
    void anHourWithWaitsButNoRegistrationsCountsZero() {
        DepartmentHourlyRow row = DepartmentHour.summarize(ED, EIGHT, List.of(DepartmentActivity.waitSample("F01", "ED", "c1", 599.999)));

        assertThat(row).isEqualTo(new DepartmentHourlyRow("F01", "ED", EIGHT, 0, 599.999));
    }

    @Test
    void growsPastItsInitialCapacity() {
        List<DepartmentActivity> waits = java.util.stream.IntStream.rangeClosed(1, 101)
                .mapToObj(i -> DepartmentActivity.waitSample("F01", "ED", "c" + i, i))
                .toList();

        assertThat(DepartmentHour.summarize(ED, EIGHT, waits).medianRegistrationWaitSeconds()).isEqualTo(51.0);
    }
}

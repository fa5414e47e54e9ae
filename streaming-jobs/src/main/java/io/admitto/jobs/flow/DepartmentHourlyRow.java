package io.admitto.jobs.flow;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code department_hourly}.
 *
 * @param medianRegistrationWaitSeconds null when no wait ended in this hour
 */
public record DepartmentHourlyRow(
        String facilityId,
        String department,
        Instant hourStart,
        long registrations,
        Double medianRegistrationWaitSeconds) {
    static final TypeInformation<DepartmentHourlyRow> TYPE = TypeInformation.of(DepartmentHourlyRow.class);

    public DepartmentHourlyRow {
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(department, "department is null");
        requireNonNull(hourStart, "hourStart is null");
    }

    /** The values in the column order of {@code Tables.DEPARTMENT_HOURLY}. */
    public Object[] columnValues() {
        return new Object[] {facilityId, department, hourStart, registrations, medianRegistrationWaitSeconds};
    }
}

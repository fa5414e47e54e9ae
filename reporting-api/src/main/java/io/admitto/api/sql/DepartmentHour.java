package io.admitto.api.sql;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code department_hourly}: registrations completed in one facility, department and UTC hour.
 *
 * @param medianRegistrationWaitSeconds median seconds from arrival to registration complete; {@code null}
 * only if the writer left it empty, which the table contract does not allow for hours with registrations
 */
public record DepartmentHour(
        String facilityId,
        String department,
        Instant hourStart,
        long registrations,
        Double medianRegistrationWaitSeconds)
{
    public DepartmentHour
    {
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(department, "department is null");
        requireNonNull(hourStart, "hourStart is null");
        if (registrations < 0) {
            throw new IllegalArgumentException("registrations is negative: " + registrations);
        }
    }
}

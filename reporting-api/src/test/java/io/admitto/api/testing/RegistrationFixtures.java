package io.admitto.api.testing;

import io.admitto.api.sql.DepartmentHour;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small, hand-checkable {@code department_hourly}: three event dates, two facilities, three departments,
 * 42 registrations in all. Tests state their expected numbers from this table.
 *
 * <pre>
 * event_date  hour_start            facility department registrations median wait (s)
 * 2026-01-05  2026-01-05T14:00:00Z  FAC01    ED          12            431.5
 * 2026-01-05  2026-01-05T14:00:00Z  FAC01    IMG          3            900.0
 * 2026-01-05  2026-01-05T14:00:00Z  FAC02    ED           5            610.0
 * 2026-01-05  2026-01-05T15:00:00Z  FAC01    ED           7            380.0
 * 2026-01-06  2026-01-06T00:00:00Z  FAC01    ED           4            250.25
 * 2026-01-06  2026-01-06T09:00:00Z  FAC02    SURG         2           1200.0
 * 2026-01-07  2026-01-07T08:00:00Z  FAC01    ED           9            300.0
 * </pre>
 *
 * Not yet committed (must never be counted): FAC01 ED 2026-01-06T10:00:00Z, 1000 registrations.
 */
public final class RegistrationFixtures
{
    public static final DepartmentHour FAC01_ED_0105_14 = hour("FAC01", "ED", "2026-01-05T14:00:00Z", 12, 431.5);
    public static final DepartmentHour FAC01_IMG_0105_14 = hour("FAC01", "IMG", "2026-01-05T14:00:00Z", 3, 900.0);
    public static final DepartmentHour FAC02_ED_0105_14 = hour("FAC02", "ED", "2026-01-05T14:00:00Z", 5, 610.0);
    public static final DepartmentHour FAC01_ED_0105_15 = hour("FAC01", "ED", "2026-01-05T15:00:00Z", 7, 380.0);
    public static final DepartmentHour FAC01_ED_0106_00 = hour("FAC01", "ED", "2026-01-06T00:00:00Z", 4, 250.25);
    public static final DepartmentHour FAC02_SURG_0106_09 = hour("FAC02", "SURG", "2026-01-06T09:00:00Z", 2, 1200.0);
    public static final DepartmentHour FAC01_ED_0107_08 = hour("FAC01", "ED", "2026-01-07T08:00:00Z", 9, 300.0);

    /** In the order the API returns them: hour start, facility, department. */
    public static final List<DepartmentHour> COMMITTED = List.of(
            FAC01_ED_0105_14,
            FAC01_IMG_0105_14,
            FAC02_ED_0105_14,
            FAC01_ED_0105_15,
            FAC01_ED_0106_00,
            FAC02_SURG_0106_09,
            FAC01_ED_0107_08);

    public static final List<DepartmentHour> IN_PROGRESS = List.of(
            hour("FAC01", "ED", "2026-01-06T10:00:00Z", 1000, 1.0));

    private RegistrationFixtures() {}

    /** Commits {@link #COMMITTED}, deliberately in an order unlike the API's, and leaves {@link #IN_PROGRESS}. */
    public static DepartmentHourlyWarehouse writeTo(Path warehouse)
    {
        List<DepartmentHour> shuffled = new ArrayList<>(COMMITTED);
        Collections.reverse(shuffled);
        DepartmentHourlyWarehouse table = new DepartmentHourlyWarehouse(warehouse);
        table.commit(shuffled);
        table.leaveInProgress(IN_PROGRESS);
        return table;
    }

    public static DepartmentHour hour(String facility, String department, String hourStart, long registrations, double medianWaitSeconds)
    {
        return new DepartmentHour(facility, department, Instant.parse(hourStart), registrations, medianWaitSeconds);
    }
}

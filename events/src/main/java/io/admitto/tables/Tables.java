package io.admitto.tables;

import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Column.required;

/** The catalogue of analytic tables. Table names are a contract: docs, API, DDL and analysts' SQL use them. */
public final class Tables {
    private Tables() {}

    /** Partition column of every event-time table: the UTC date of the row's event time. */
    public static final Column EVENT_DATE = required("event_date", ColumnType.DATE,
            "UTC calendar date of the row's event time (Hive partition folder event_date=YYYY-MM-DD).");

    public static final TableSchema DEPARTMENT_HOURLY = new TableSchema(
            "department_hourly",
            "Registrations per facility, department and event-time hour, with the median wait from arrival "
                    + "to registration complete. Written by DepartmentFlowJob.",
            List.of(
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("department", ColumnType.STRING, "Department code (ED, IMG, SURG, INPT, CLIN)."),
                    required("hour_start", ColumnType.TIMESTAMP,
                            "Start of the UTC event-time hour."),
                    required("registrations", ColumnType.BIGINT,
                            "Registrations (registration.registered and registration.admitted events) whose "
                                    + "event time falls in this hour."),
                    Column.optional("median_registration_wait_seconds", ColumnType.DOUBLE,
                            "Median seconds from arrival to registration complete over the encounters whose "
                                    + "registration was completed in this hour (for an even count, the mean of the "
                                    + "two middle values); null when none was.")),
            EVENT_DATE);

    public static List<TableSchema> all() {
        return List.of(DEPARTMENT_HOURLY);
    }

    public static Optional<TableSchema> byName(String name) {
        return all().stream().filter(table -> table.name().equals(name)).findFirst();
    }
}

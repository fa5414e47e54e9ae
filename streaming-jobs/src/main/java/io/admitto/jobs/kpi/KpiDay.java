package io.admitto.jobs.kpi;

/**
 * One day's figures of one facility and department — of one registrar for the per-registrar rates,
 * {@link #DEPARTMENT} otherwise: the key the daily aggregation is kept by. A public record (Flink POJO).
 *
 * @param epochDay {@code kpi_date} as an epoch day (Flink has no serializer of its own for LocalDate)
 */
public record KpiDay(int epochDay, String facilityId, String department, String registrarId) {
    /** {@code registrar_id} of a department row. */
    public static final String DEPARTMENT = "";
    /** Department or registrar of a figure whose registration was not (yet) seen. */
    public static final String UNKNOWN = "UNKNOWN";
}

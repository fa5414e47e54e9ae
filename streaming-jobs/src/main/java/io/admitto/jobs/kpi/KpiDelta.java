package io.admitto.jobs.kpi;

/**
 * A change of one encounter's contribution to one day's KPI: numerator and denominator to add (in
 * hundredths, so that counts and cents add alike), or, when {@link #kpi} is null, one arrival-to-registration
 * wait for the day's percentiles. A public record (Flink POJO).
 */
public record KpiDelta(
        int kpiEpochDay,
        String facilityId,
        String department,
        String registrarId,
        Kpi kpi,
        long numerator,
        long denominator,
        double waitSeconds) {

    static KpiDelta ratio(KpiDay day, Kpi kpi, long numerator, long denominator) {
        return new KpiDelta(day.epochDay(), day.facilityId(), day.department(), day.registrarId(), kpi, numerator, denominator, Double.NaN);
    }

    static KpiDelta wait(KpiDay day, double seconds) {
        return new KpiDelta(day.epochDay(), day.facilityId(), day.department(), day.registrarId(), null, 0, 0, seconds);
    }

    public boolean waitSample() {
        return kpi == null;
    }

    public KpiDay day() {
        return new KpiDay(kpiEpochDay, facilityId, department, registrarId);
    }
}

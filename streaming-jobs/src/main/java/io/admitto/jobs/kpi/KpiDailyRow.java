package io.admitto.jobs.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code kpi_daily}. The day travels as an epoch day and the numerator and denominator in
 * hundredths (Flink has no serializer of its own for LocalDate or BigDecimal fields, and the jobs refuse Kryo).
 */
public record KpiDailyRow(
        int kpiEpochDay,
        String facilityId,
        String department,
        String registrarId,
        String kpi,
        Long numeratorHundredths,
        Long denominatorHundredths,
        Double value,
        String unit,
        int version,
        long computedAtMillis) {

    public Object[] columnValues() {
        return new Object[] {LocalDate.ofEpochDay(kpiEpochDay), facilityId, department, registrarId, kpi, money(numeratorHundredths),
                money(denominatorHundredths), value, unit, version, Instant.ofEpochMilli(computedAtMillis)};
    }

    private static BigDecimal money(Long hundredths) {
        return hundredths == null ? null : BigDecimal.valueOf(hundredths, 2);
    }
}

package io.admitto.api.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * One KPI on one day over the filter's facilities and departments: the sums of the latest numerators and
 * denominators, and for percentile KPIs (no numerator) the mean of the department values.
 */
record KpiDay(String kpi, String unit, LocalDate day, BigDecimal numerator, BigDecimal denominator, Double meanValue)
{
    KpiDay
    {
        requireNonNull(kpi, "kpi is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(day, "day is null");
    }
}

package io.admitto.api.kpi;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@code GET /api/kpis}: each KPI over the period, the prior period of the same length, its
 * target and the daily trend.
 */
public record KpiReport(LocalDate from, LocalDate to, LocalDate priorFrom, LocalDate priorTo, String facility, String department, List<Kpi> kpis)
{
    public KpiReport
    {
        kpis = List.copyOf(kpis);
    }

    /**
     * @param current Σ numerator / Σ denominator over the period for ratios; the mean of the daily
     * department values for percentile KPIs (seconds); null without data
     * @param targetMet null without a target or a value
     */
    public record Kpi(
            String kpi,
            String unit,
            Double current,
            Double prior,
            Double change,
            Double target,
            Boolean higherIsBetter,
            Boolean targetMet,
            List<Point> trend)
    {
        public Kpi
        {
            requireNonNull(kpi, "kpi is null");
            trend = List.copyOf(trend);
        }
    }

    /** One day of the trend. */
    public record Point(LocalDate day, Double value, java.math.BigDecimal numerator, java.math.BigDecimal denominator) {}
}

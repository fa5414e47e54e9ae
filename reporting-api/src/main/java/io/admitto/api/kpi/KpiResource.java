package io.admitto.api.kpi;

import io.admitto.api.report.ReportQuery;
import io.admitto.api.security.Role;
import io.admitto.api.sql.ReportFilter;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.cache.WarehouseAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/kpis?from&to&facility&department&kpi}: every KPI of {@code kpi_daily} (or one) for the
 * period, the prior period of the same length right before it, the target and the daily trend. Without
 * dates, the period is the 7 days up to the newest figure.
 */
@Path("/api/kpis")
public final class KpiResource
{
    static final int DEFAULT_DAYS = 7;

    private final KpiQueries queries;
    private final KpiTargets targets;

    @Inject
    public KpiResource(SqlEngine engine, KpiTargets targets)
    {
        this.queries = new KpiQueries(engine);
        this.targets = requireNonNull(targets, "targets is null");
    }

    @GET
    @WarehouseAnswer
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public KpiReport kpis(
            @Valid @BeanParam ReportQuery query,
            @QueryParam("kpi") @Pattern(regexp = "|[a-z][a-z0-9_]{0,63}", message = "must be a KPI name (lower case, digits, '_')") String kpi)
    {
        ReportFilter filter = query.filterWithoutPayer("kpi_daily");
        Optional<String> kpiName = Optional.ofNullable(kpi).filter(name -> !name.isEmpty());
        Optional<LocalDate> to = filter.to().or(() -> queries.newestDay(filter));
        if (to.isEmpty()) {
            return new KpiReport(filter.from().orElse(null), null, null, null, filter.facility().orElse(null), filter.department().orElse(null), List.of());
        }
        LocalDate from = filter.from().orElse(to.get().minusDays(DEFAULT_DAYS - 1));
        long days = ChronoUnit.DAYS.between(from, to.get()) + 1;
        LocalDate priorTo = from.minusDays(1);
        LocalDate priorFrom = from.minusDays(days);

        Map<String, List<KpiDay>> byKpi = new LinkedHashMap<>();
        for (KpiDay day : queries.days(filter.withDates(priorFrom, to.get()), kpiName)) {
            byKpi.computeIfAbsent(day.kpi(), name -> new ArrayList<>()).add(day);
        }
        List<KpiReport.Kpi> kpis = new ArrayList<>();
        byKpi.forEach((name, kpiDays) -> {
            List<KpiDay> current = kpiDays.stream().filter(day -> !day.day().isBefore(from)).toList();
            List<KpiDay> prior = kpiDays.stream().filter(day -> day.day().isBefore(from)).toList();
            Double currentValue = value(current);
            Double priorValue = value(prior);
            Optional<KpiTargets.Target> target = targets.of(name);
            kpis.add(new KpiReport.Kpi(
                    name,
                    kpiDays.get(0).unit(),
                    currentValue,
                    priorValue,
                    currentValue == null || priorValue == null ? null : currentValue - priorValue,
                    target.map(KpiTargets.Target::value).orElse(null),
                    target.map(KpiTargets.Target::higherIsBetter).orElse(null),
                    target.isEmpty() || currentValue == null ? null : target.get().isMet(currentValue),
                    current.stream().map(day -> new KpiReport.Point(day.day(), value(List.of(day)), day.numerator(), day.denominator())).toList()));
        });
        return new KpiReport(from, to.get(), priorFrom, priorTo, filter.facility().orElse(null), filter.department().orElse(null), kpis);
    }

    /** Σ numerator / Σ denominator for ratios; the mean of the daily means for percentiles; null without data. */
    static Double value(List<KpiDay> days)
    {
        if (days.isEmpty()) {
            return null;
        }
        if (days.stream().allMatch(day -> day.denominator() != null)) {
            BigDecimal numerator = days.stream().map(day -> day.numerator() == null ? BigDecimal.ZERO : day.numerator()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal denominator = days.stream().map(KpiDay::denominator).reduce(BigDecimal.ZERO, BigDecimal::add);
            return denominator.signum() == 0 ? null : numerator.divide(denominator, MathContext.DECIMAL64).doubleValue();
        }
        return days.stream().filter(day -> day.meanValue() != null).mapToDouble(KpiDay::meanValue).average().stream().boxed().findFirst().orElse(null);
    }
}

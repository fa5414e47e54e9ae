package io.admitto.qarules.scoring;

import io.admitto.qarules.Assessment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * HFMA registration quality rates of a group of registrations: error rate = errors / registrations
 * (an account with three errors counts three, so it can exceed 1) and accuracy rate = error-free
 * registrations / registrations. {@link #aggregate} groups assessments by registrar, department, payer,
 * facility and period, in any combination. Pure: the same assessments give the same rates.
 *
 * @param group the dimension values of the group, in the order asked for
 */
public record QualityRates(List<String> group, long registrations, long errors, long errorFree)
{
    public QualityRates
    {
        group = List.copyOf(group);
    }

    /** What assessments can be grouped by. Periods use the service date (registrations without one group under "unscheduled"). */
    public enum Dimension
    {
        REGISTRAR(assessment -> orUnknown(assessment.registrarId())),
        DEPARTMENT(assessment -> orUnknown(assessment.department())),
        PAYER(assessment -> orUnknown(assessment.payerId())),
        FACILITY(assessment -> orUnknown(assessment.facilityId())),
        DAY(assessment -> period(assessment.serviceDate(), date -> date)),
        /** ISO week, keyed by its Monday. */
        WEEK(assessment -> period(assessment.serviceDate(), date -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))),
        MONTH(assessment -> period(assessment.serviceDate(), date -> date.withDayOfMonth(1)));

        private final Function<Assessment, String> key;

        Dimension(Function<Assessment, String> key)
        {
            this.key = key;
        }

        public String of(Assessment assessment)
        {
            return key.apply(assessment);
        }

        private static String orUnknown(String value)
        {
            return value == null ? "unknown" : value;
        }

        private static String period(LocalDate date, Function<LocalDate, LocalDate> start)
        {
            return date == null ? "unscheduled" : start.apply(date).toString();
        }
    }

    public double errorRate()
    {
        return registrations == 0 ? 0 : (double) errors / registrations;
    }

    public double accuracyRate()
    {
        return registrations == 0 ? 0 : (double) errorFree / registrations;
    }

    /** Whether the accuracy rate reaches {@code policy}'s target. */
    public boolean meetsTarget(ScoringPolicy policy)
    {
        return accuracyRate() >= policy.accuracyTarget();
    }

    /** The rates of all {@code assessments} together. */
    public static QualityRates overall(Iterable<Assessment> assessments)
    {
        return aggregate(assessments).getOrDefault(List.of(), new QualityRates(List.of(), 0, 0, 0));
    }

    /** Rates per group of {@code dimensions} (e.g. REGISTRAR, MONTH), keyed and sorted by the group's values. */
    public static Map<List<String>, QualityRates> aggregate(Iterable<Assessment> assessments, Dimension... dimensions)
    {
        requireNonNull(assessments, "assessments is null");
        Map<List<String>, long[]> counts = new TreeMap<>(QualityRates::compareGroups);
        for (Assessment assessment : assessments) {
            List<String> group = new ArrayList<>(dimensions.length);
            for (Dimension dimension : dimensions) {
                group.add(dimension.of(assessment));
            }
            long[] count = counts.computeIfAbsent(List.copyOf(group), ignored -> new long[3]);
            count[0]++;
            count[1] += assessment.errors();
            count[2] += assessment.clean() ? 1 : 0;
        }
        Map<List<String>, QualityRates> rates = new TreeMap<>(QualityRates::compareGroups);
        counts.forEach((group, count) -> rates.put(group, new QualityRates(group, count[0], count[1], count[2])));
        return Collections.unmodifiableMap(rates);
    }

    private static int compareGroups(List<String> a, List<String> b)
    {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}

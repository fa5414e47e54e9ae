package io.admitto.api.kpi;

import io.admitto.api.sql.DepartmentHour;
import io.admitto.api.sql.ReportFilter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

/**
 * The registration-volume KPI: how many registrations were completed, in total, per department and per
 * hour, over the filter's event dates. Totals are exact sums of the hourly rows; nothing is rounded.
 *
 * @param from echo of the filter; {@code null} when unbounded
 * @param hourly ordered by hour start, facility and department
 * @param byDepartment ordered by facility and department
 */
public record RegistrationVolume(
        String kpi,
        LocalDate from,
        LocalDate to,
        String facility,
        String department,
        long totalRegistrations,
        List<DepartmentRegistrations> byDepartment,
        List<DepartmentHour> hourly)
{
    public static final String KPI = "registration_volume";

    private static final Comparator<DepartmentHour> HOURLY_ORDER = comparing(DepartmentHour::hourStart)
            .thenComparing(DepartmentHour::facilityId)
            .thenComparing(DepartmentHour::department);

    public RegistrationVolume
    {
        requireNonNull(kpi, "kpi is null");
        byDepartment = List.copyOf(byDepartment);
        hourly = List.copyOf(hourly);
    }

    public static RegistrationVolume of(ReportFilter filter, List<DepartmentHour> hours)
    {
        Map<FacilityDepartment, Long> registrationsByDepartment = new TreeMap<>();
        long total = 0;
        for (DepartmentHour hour : hours) {
            registrationsByDepartment.merge(
                    new FacilityDepartment(hour.facilityId(), hour.department()),
                    hour.registrations(),
                    Math::addExact);
            total = Math.addExact(total, hour.registrations());
        }
        List<DepartmentRegistrations> byDepartment = registrationsByDepartment.entrySet().stream()
                .map(entry -> new DepartmentRegistrations(entry.getKey().facilityId(), entry.getKey().department(), entry.getValue()))
                .toList();
        return new RegistrationVolume(
                KPI,
                filter.from().orElse(null),
                filter.to().orElse(null),
                filter.facility().orElse(null),
                filter.department().orElse(null),
                total,
                byDepartment,
                // Engines promise this order; sorting again keeps the response stable whatever the engine.
                hours.stream().sorted(HOURLY_ORDER).toList());
    }

    private record FacilityDepartment(String facilityId, String department)
            implements Comparable<FacilityDepartment>
    {
        private static final Comparator<FacilityDepartment> ORDER = comparing(FacilityDepartment::facilityId)
                .thenComparing(FacilityDepartment::department);

        @Override
        public int compareTo(FacilityDepartment other)
        {
            return ORDER.compare(this, other);
        }
    }
}

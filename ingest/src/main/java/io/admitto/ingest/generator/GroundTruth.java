package io.admitto.ingest.generator;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a generator run contains, for checking the platform against it: the configuration, counts,
 * every injected defect, the back-end denials that are not registration errors, and the KPI values
 * the streaming jobs must compute. The KPIs are computed from the emitted events themselves (see
 * {@link GroundTruthCollector}), not from the generator's internal variables.
 */
public record GroundTruth(
        RunConfig config,
        List<FacilityInfo> facilities,
        Counts counts,
        List<InjectedDefect> defects,
        List<BackEndDenial> backEndDenials,
        ExpectedKpis kpis)
{
    public GroundTruth
    {
        requireNonNull(config, "config is null");
        facilities = List.copyOf(facilities);
        requireNonNull(counts, "counts is null");
        defects = List.copyOf(defects);
        backEndDenials = List.copyOf(backEndDenials);
        requireNonNull(kpis, "kpis is null");
    }

    /** The configuration echoed, so a truth file explains itself. */
    public record RunConfig(
            long seed,
            int days,
            LocalDate startDate,
            int facilities,
            int dailyEncountersPerFacility,
            long maxDeliveryJitterMillis,
            Map<Defect, Double> defectRates) {}

    public record FacilityInfo(String facilityId, String name, String timeZone) {}

    /**
     * @param eventsByTopic keyed by Kafka topic name
     * @param eventsByType keyed by event type wire name
     */
    public record Counts(long encounters, long events, Map<String, Long> eventsByTopic, Map<String, Long> eventsByType)
    {
        public Counts
        {
            eventsByTopic = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(eventsByTopic));
            eventsByType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(eventsByType));
        }
    }

    /** @param detail what exactly went wrong when a defect has variants (e.g. which demographic field) */
    public record InjectedDefect(String encounterId, String facilityId, String department, String registrarId, Defect defect, String detail) {}

    /** A denial a clean registration still gets: timely filing (29), coding (11, 4, 50) or duplicate claim (18). */
    public record BackEndDenial(String encounterId, String facilityId, String reasonCode) {}

    public record ExpectedKpis(
            List<DepartmentHour> departmentHourly,
            RegistrationVolume registrationVolume,
            List<RegistrarTotals> registrars,
            List<DepartmentArrivals> arrivalsHourly)
    {
        public ExpectedKpis
        {
            departmentHourly = List.copyOf(departmentHourly);
            requireNonNull(registrationVolume, "registrationVolume is null");
            registrars = List.copyOf(registrars);
            arrivalsHourly = List.copyOf(arrivalsHourly);
        }
    }

    /**
     * One UTC hour of one department.
     *
     * @param registrations {@code registration.registered} and {@code registration.admitted} events timed in the hour
     * @param waitSamples encounters whose {@code flow.registration_completed} is in the hour and that also have a
     *        {@code flow.arrived}
     * @param medianRegistrationWaitSeconds median of their waits (completed minus arrived); null without samples
     */
    public record DepartmentHour(
            String facilityId,
            String department,
            Instant hourStart,
            long registrations,
            int waitSamples,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double medianRegistrationWaitSeconds) {}

    public record RegistrationVolume(long totalRegistrations, List<DepartmentRegistrations> byDepartment)
    {
        public RegistrationVolume
        {
            byDepartment = List.copyOf(byDepartment);
        }
    }

    public record DepartmentRegistrations(String facilityId, String department, long registrations) {}

    /**
     * @param encounters registrations (registered or admitted) this registrar completed
     * @param defectiveEncounters of those, the ones with an injected defect
     */
    public record RegistrarTotals(String facilityId, String registrarId, long encounters, long defectiveEncounters) {}

    /** {@code flow.arrived} events per UTC hour and department. */
    public record DepartmentArrivals(String facilityId, String department, Instant hourStart, long arrivals) {}
}

package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.Topic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Computes the expected KPIs from the events as they are emitted, the way a streaming job would:
 * it sees only the events, in delivery order, and knows that an event is never more than the jitter
 * bound older than the newest one seen. An hour is closed (its median computed, its samples freed)
 * once the newest event time minus the jitter bound has passed the hour's end, so memory stays bounded
 * over long runs; only the result rows grow with the run.
 *
 * <p>Registration wait: for an encounter with both {@code flow.arrived} and
 * {@code flow.registration_completed}, completed minus arrived, attributed to the UTC hour and
 * department of the completion. Registrations: {@code registration.registered} and
 * {@code registration.admitted}, by the hour of their event time. Not thread-safe.
 */
final class GroundTruthCollector
{
    private static final long HOUR = 3600;
    /** An arrival waits this long for its completion (and vice versa) before it is forgotten. */
    private static final long PAIRING_HORIZON_SECONDS = 2 * 86_400;

    private record Bucket(String facilityId, String department)
    {
        static Bucket of(String facilityId, String department)
        {
            return new Bucket(facilityId, department);
        }
    }

    /** Per (facility, department) and hour: the counts and wait samples collected so far. */
    private static final class HourTally
    {
        long registrations;
        long arrivals;
        double[] waits = new double[4];
        int samples;

        void addWait(double seconds)
        {
            if (samples == waits.length) {
                waits = Arrays.copyOf(waits, samples * 2);
            }
            waits[samples++] = seconds;
        }

        Double median()
        {
            if (samples == 0) {
                return null;
            }
            double[] sorted = Arrays.copyOf(waits, samples);
            Arrays.sort(sorted);
            int middle = samples / 2;
            return samples % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    private record Completion(Instant at, String facilityId, String department) {}

    private final long jitterSeconds;
    private final long[] eventsByType = new long[EventType.values().length];
    private final TreeMap<Long, Map<Bucket, HourTally>> openHours = new TreeMap<>();
    private final LinkedHashMap<String, Instant> arrivalsAwaitingCompletion = new LinkedHashMap<>();
    private final LinkedHashMap<String, Completion> completionsAwaitingArrival = new LinkedHashMap<>();
    private final Map<Bucket, Long> registrationsByDepartment = new HashMap<>();
    private final Map<String, String> registrarFacility = new HashMap<>();
    private final Map<String, Long> registrationsByRegistrar = new HashMap<>();
    private final List<GroundTruth.DepartmentHour> departmentHourly = new ArrayList<>();
    private final List<GroundTruth.DepartmentArrivals> arrivalsHourly = new ArrayList<>();
    private long events;
    private long newestSecond = Long.MIN_VALUE;

    GroundTruthCollector(Duration maxDeliveryJitter)
    {
        this.jitterSeconds = (requireNonNull(maxDeliveryJitter, "maxDeliveryJitter is null").toMillis() + 999) / 1000;
    }

    void observe(CanonicalEvent event)
    {
        events++;
        eventsByType[event.eventType().ordinal()]++;
        Instant time = event.eventTime().toInstant();
        switch (event.eventType()) {
            case REGISTRATION_REGISTERED, REGISTRATION_ADMITTED -> {
                RegistrationEvent registration = (RegistrationEvent) event;
                Bucket bucket = Bucket.of(event.facilityId(), registration.department());
                tally(time, bucket).registrations++;
                registrationsByDepartment.merge(bucket, 1L, Long::sum);
                if (registration.registrarId() != null) {
                    registrationsByRegistrar.merge(registration.registrarId(), 1L, Long::sum);
                    registrarFacility.putIfAbsent(registration.registrarId(), event.facilityId());
                }
            }
            case FLOW_ARRIVED -> {
                PatientFlowEvent flow = (PatientFlowEvent) event;
                tally(time, Bucket.of(event.facilityId(), flow.department())).arrivals++;
                Completion completion = completionsAwaitingArrival.remove(event.encounterId());
                if (completion != null) {
                    addWait(time, completion);
                }
                else {
                    arrivalsAwaitingCompletion.put(event.encounterId(), time);
                }
            }
            case FLOW_REGISTRATION_COMPLETED -> {
                PatientFlowEvent flow = (PatientFlowEvent) event;
                Completion completion = new Completion(time, event.facilityId(), flow.department());
                Instant arrived = arrivalsAwaitingCompletion.remove(event.encounterId());
                if (arrived != null) {
                    addWait(arrived, completion);
                }
                else {
                    // delivered before its arrival (within the jitter bound); the hour stays open for it
                    completionsAwaitingArrival.put(event.encounterId(), completion);
                    tally(time, Bucket.of(completion.facilityId(), completion.department()));
                }
            }
            default -> { }
        }
        if (time.getEpochSecond() > newestSecond) {
            newestSecond = time.getEpochSecond();
            closeHoursBefore(newestSecond - jitterSeconds);
        }
    }

    /** The ground truth: counts and KPIs from the events, the rest as given by the generator. */
    GroundTruth finish(GroundTruth.RunConfig config, List<GroundTruth.FacilityInfo> facilities, long encounters,
            List<GroundTruth.InjectedDefect> defects, List<GroundTruth.BackEndDenial> backEndDenials)
    {
        closeHoursBefore(Long.MAX_VALUE);
        Comparator<GroundTruth.DepartmentHour> hourly = Comparator.comparing(GroundTruth.DepartmentHour::hourStart)
                .thenComparing(GroundTruth.DepartmentHour::facilityId).thenComparing(GroundTruth.DepartmentHour::department);
        departmentHourly.sort(hourly);
        arrivalsHourly.sort(Comparator.comparing(GroundTruth.DepartmentArrivals::hourStart)
                .thenComparing(GroundTruth.DepartmentArrivals::facilityId).thenComparing(GroundTruth.DepartmentArrivals::department));

        List<GroundTruth.DepartmentRegistrations> byDepartment = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Bucket, Long> entry : registrationsByDepartment.entrySet()) {
            byDepartment.add(new GroundTruth.DepartmentRegistrations(entry.getKey().facilityId(), entry.getKey().department(), entry.getValue()));
            total += entry.getValue();
        }
        byDepartment.sort(Comparator.comparing(GroundTruth.DepartmentRegistrations::facilityId)
                .thenComparing(GroundTruth.DepartmentRegistrations::department));

        Map<String, Long> defectsByRegistrar = new HashMap<>();
        for (GroundTruth.InjectedDefect defect : defects) {
            defectsByRegistrar.merge(defect.registrarId(), 1L, Long::sum);
            registrarFacility.putIfAbsent(defect.registrarId(), defect.facilityId());
        }
        List<GroundTruth.RegistrarTotals> registrars = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(registrarFacility).entrySet()) {
            registrars.add(new GroundTruth.RegistrarTotals(entry.getValue(), entry.getKey(),
                    registrationsByRegistrar.getOrDefault(entry.getKey(), 0L), defectsByRegistrar.getOrDefault(entry.getKey(), 0L)));
        }

        Map<String, Long> byTopic = new LinkedHashMap<>();
        Map<String, Long> byType = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            if (topic != Topic.DEAD_LETTER) {
                byTopic.put(topic.topicName(), 0L);
            }
        }
        for (EventType type : EventType.values()) {
            byType.put(type.wireName(), eventsByType[type.ordinal()]);
            byTopic.merge(type.topic().topicName(), eventsByType[type.ordinal()], Long::sum);
        }
        return new GroundTruth(config, facilities, new GroundTruth.Counts(encounters, events, byTopic, byType), defects, backEndDenials,
                new GroundTruth.ExpectedKpis(List.copyOf(departmentHourly), new GroundTruth.RegistrationVolume(total, byDepartment),
                        registrars, List.copyOf(arrivalsHourly)));
    }

    private void addWait(Instant arrived, Completion completion)
    {
        double seconds = Duration.between(arrived, completion.at()).toNanos() / 1e9;
        tally(completion.at(), Bucket.of(completion.facilityId(), completion.department())).addWait(seconds);
    }

    private HourTally tally(Instant time, Bucket bucket)
    {
        long hourStart = Math.floorDiv(time.getEpochSecond(), HOUR) * HOUR;
        return openHours.computeIfAbsent(hourStart, ignored -> new HashMap<>()).computeIfAbsent(bucket, ignored -> new HourTally());
    }

    /** Closes every hour that ends at or before {@code secondExclusive}: no later event can fall in it. */
    private void closeHoursBefore(long secondExclusive)
    {
        while (!openHours.isEmpty() && openHours.firstKey() + HOUR <= secondExclusive) {
            Map.Entry<Long, Map<Bucket, HourTally>> hour = openHours.pollFirstEntry();
            Instant hourStart = Instant.ofEpochSecond(hour.getKey());
            for (Map.Entry<Bucket, HourTally> entry : hour.getValue().entrySet()) {
                HourTally tally = entry.getValue();
                Bucket bucket = entry.getKey();
                if (tally.registrations > 0 || tally.samples > 0) {
                    departmentHourly.add(new GroundTruth.DepartmentHour(bucket.facilityId(), bucket.department(), hourStart,
                            tally.registrations, tally.samples, tally.median()));
                }
                if (tally.arrivals > 0) {
                    arrivalsHourly.add(new GroundTruth.DepartmentArrivals(bucket.facilityId(), bucket.department(), hourStart, tally.arrivals));
                }
            }
        }
        forgetUnpairedBefore(secondExclusive - PAIRING_HORIZON_SECONDS);
    }

    private void forgetUnpairedBefore(long second)
    {
        for (Iterator<Instant> it = arrivalsAwaitingCompletion.values().iterator(); it.hasNext(); ) {
            if (it.next().getEpochSecond() >= second) {
                break;
            }
            it.remove();
        }
        for (Iterator<Completion> it = completionsAwaitingArrival.values().iterator(); it.hasNext(); ) {
            if (it.next().at().getEpochSecond() >= second) {
                break;
            }
            it.remove();
        }
    }
}

package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EventJson;
import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of a whole generated run that every consumer relies on. */
class HospitalGeneratorTest
{
    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults(7).withDays(6).withFacilities(3).withDailyEncountersPerFacility(150);

    @TempDir
    static Path directory;

    private static RecordedRun run;

    @BeforeAll
    static void generate()
    {
        run = RecordedRun.generate(CONFIG, directory);
    }

    @Test
    void everyLineReadsBackAsTheEventThatWasEmitted()
    {
        Map<Topic, List<CanonicalEvent>> emitted = new EnumMap<>(Topic.class);
        for (CanonicalEvent event : run.delivered) {
            emitted.computeIfAbsent(event.topic(), ignored -> new ArrayList<>()).add(event);
        }
        Map<Topic, List<CanonicalEvent>> readBack = run.readBack();
        for (Topic topic : readBack.keySet()) {
            assertThat(readBack.get(topic)).as(topic.topicName()).isEqualTo(emitted.getOrDefault(topic, List.of()));
        }
        assertThat(readBack.values().stream().mapToLong(List::size).sum()).isEqualTo(run.delivered.size()).isEqualTo(run.truth.counts().events());
    }

    @Test
    void linesAreExactlyTheEventCodecsJson()
    {
        EventJson json = new EventJson();
        Map<Topic, Integer> position = new EnumMap<>(Topic.class);
        for (CanonicalEvent event : run.delivered) {
            int line = position.merge(event.topic(), 1, Integer::sum) - 1;
            assertThat(run.lines.get(event.topic()).get(line)).isEqualTo(new String(json.toJsonBytes(event), UTF_8));
        }
        assertThat(position.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(run.lines.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void deliveryIsOutOfEventTimeOrderByAtMostTheJitterBound()
    {
        Duration bound = CONFIG.maxDeliveryJitter();
        Instant newest = Instant.EPOCH;
        boolean sawDisorder = false;
        for (CanonicalEvent event : run.delivered) {
            Instant time = event.eventTime().toInstant();
            assertThat(time).as(event.eventId().toString()).isAfterOrEqualTo(newest.minus(bound));
            sawDisorder |= time.isBefore(newest);
            newest = time.isAfter(newest) ? time : newest;
        }
        // the jitter is real: a consumer must handle out-of-order events
        assertThat(sawDisorder).isTrue();
        for (List<CanonicalEvent> topic : run.readBack().values()) {
            Instant newestInTopic = Instant.EPOCH;
            for (CanonicalEvent event : topic) {
                assertThat(event.eventTime().toInstant()).isAfterOrEqualTo(newestInTopic.minus(bound));
                newestInTopic = event.eventTime().toInstant().isAfter(newestInTopic) ? event.eventTime().toInstant() : newestInTopic;
            }
        }
    }

    @Test
    void envelopesIdentifyEachEventUniquelyAndStably()
    {
        Set<UUID> ids = new HashSet<>();
        Map<String, ZoneId> zones = run.truth.facilities().stream()
                .collect(Collectors.toMap(GroundTruth.FacilityInfo::facilityId, facility -> ZoneId.of(facility.timeZone())));
        for (CanonicalEvent event : run.delivered) {
            assertThat(ids.add(event.eventId())).as("duplicate id %s", event.eventId()).isTrue();
            assertThat(event.schemaVersion()).isEqualTo(CanonicalEvent.CURRENT_SCHEMA_VERSION);
            assertThat(event.source().system()).isEqualTo("generator");
            assertThat(event.source().messageId()).matches(event.encounterId() + "-[1-9][0-9]*");
            assertThat(event.encounterId()).matches(event.facilityId() + "-E[0-9]{7}");
            // event times carry the facility's own offset at that instant
            assertThat(event.eventTime().getOffset())
                    .isEqualTo(zones.get(event.facilityId()).getRules().getOffset(event.eventTime().toInstant()));
        }
        assertThat(run.byEncounter).hasSize((int) run.truth.counts().encounters());
    }

    @Test
    void facilitiesSendTheOffsetsOfTheirOwnZonesAcrossTheDaylightSavingChange()
    {
        Map<String, Set<Integer>> offsets = run.delivered.stream().collect(Collectors.groupingBy(CanonicalEvent::facilityId,
                Collectors.mapping(event -> event.eventTime().getOffset().getTotalSeconds() / 3600, Collectors.toSet())));
        // Chicago, New York and Denver; 2026-03-08 moves all three to daylight time
        assertThat(offsets).containsEntry("F01", Set.of(-6, -5)).containsEntry("F02", Set.of(-5, -4)).containsEntry("F03", Set.of(-7, -6));
    }

    @Test
    void registrationIsTimedAtTheCompletionOfRegistrationByTheSameRegistrar()
    {
        List<RegistrationEvent> registrations = run.registrations();
        assertThat(registrations).isNotEmpty();
        for (RegistrationEvent registration : registrations) {
            PatientFlowEvent completed = (PatientFlowEvent) run.first(registration.encounterId(), EventType.FLOW_REGISTRATION_COMPLETED).orElseThrow();
            assertThat(registration.eventTime()).isEqualTo(completed.eventTime());
            assertThat(registration.registrarId()).isEqualTo(completed.staffId()).matches(registration.facilityId() + "-R[0-9]{3}");
            assertThat(registration.department()).isEqualTo(completed.department());
            assertThat(registration.eventType() == EventType.REGISTRATION_ADMITTED)
                    .isEqualTo(registration.patientClass() == io.admitto.events.PatientClass.INPATIENT);
        }
    }

    @Test
    void dayOfServiceStepsHappenInTheirNaturalOrder()
    {
        for (String encounter : run.byEncounter.keySet()) {
            if (run.first(encounter, EventType.FLOW_ARRIVED).isEmpty()) {
                // a cancelled booking never arrives
                assertThat(run.of(encounter, EventType.REGISTRATION_CANCELLED)).hasSize(1);
                continue;
            }
            List<EventType> steps = new ArrayList<>(List.of(EventType.FLOW_ARRIVED, EventType.FLOW_REGISTRATION_STARTED,
                    EventType.FLOW_REGISTRATION_COMPLETED, EventType.FLOW_SERVICE_STARTED, EventType.FLOW_DEPARTED));
            if ("ED".equals(run.department(encounter))) {
                steps.add(3, EventType.FLOW_MEDICAL_SCREENING_COMPLETED);
            }
            for (int i = 1; i < steps.size(); i++) {
                assertThat(run.timeOf(encounter, steps.get(i))).as(encounter + " " + steps.get(i))
                        .isAfter(run.timeOf(encounter, steps.get(i - 1)));
            }
            for (CanonicalEvent claim : run.byEncounter.get(encounter)) {
                if (claim.topic() == Topic.CLAIMS) {
                    assertThat(claim.eventTime()).isAfter(run.timeOf(encounter, EventType.FLOW_DEPARTED));
                }
            }
        }
    }

    @Test
    void scheduledEncountersAreBookedAndPreparedBeforeTheyArrive()
    {
        int preRegistered = 0;
        for (RegistrationEvent registration : run.registrations()) {
            String encounter = registration.encounterId();
            Instant arrival = run.timeOf(encounter, EventType.FLOW_ARRIVED).toInstant();
            if (registration.scheduledService().scheduledAt() == null) {
                assertThat(run.of(encounter, EventType.REGISTRATION_PRE_REGISTERED)).isEmpty();
                continue;
            }
            assertThat(registration.scheduledService().scheduledAt().toInstant()).isBefore(arrival);
            for (CanonicalEvent event : run.of(encounter, EventType.REGISTRATION_PRE_REGISTERED)) {
                preRegistered++;
                assertThat(event.eventTime().toInstant()).isAfter(registration.scheduledService().scheduledAt().toInstant()).isBefore(arrival);
            }
            for (EventType type : List.of(EventType.AUTHORIZATION_REQUEST, EventType.AUTHORIZATION_DECISION)) {
                run.first(encounter, type).ifPresent(event -> assertThat(event.eventTime().toInstant()).isBefore(arrival));
            }
        }
        assertThat(preRegistered).isPositive();
    }

    @Test
    void everyRemittanceBalancesAndNamesTheEncounterAsItsClaim()
    {
        List<ClaimRemittance> remittances = run.all(ClaimRemittance.class);
        assertThat(remittances).isNotEmpty();
        for (ClaimRemittance remittance : remittances) {
            BigDecimal adjusted = remittance.adjustments().stream().map(ClaimAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(remittance.paidAmount().add(adjusted)).as(remittance.claimId()).isEqualByComparingTo(remittance.billedAmount());
            BigDecimal patientShare = remittance.adjustments().stream().filter(adjustment -> adjustment.groupCode().equals("PR"))
                    .map(ClaimAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(remittance.patientResponsibility()).isEqualByComparingTo(patientShare);
            assertThat(remittance.claimId()).isEqualTo(remittance.encounterId());
            long days = ChronoUnit.DAYS.between(run.timeOf(remittance.encounterId(), EventType.FLOW_DEPARTED).toLocalDate(), remittance.paymentDate());
            assertThat(days).isBetween(9L, 80L);
        }
    }

    @Test
    void truthCountsMatchTheFiles()
    {
        Map<String, Long> byTopic = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        run.readBack().forEach((topic, events) -> {
            byTopic.put(topic.topicName(), (long) events.size());
            events.forEach(event -> byType.merge(event.eventType().wireName(), 1L, Long::sum));
        });
        assertThat(new TreeMap<>(run.truth.counts().eventsByTopic())).isEqualTo(byTopic);
        Map<String, Long> nonZero = new TreeMap<>(run.truth.counts().eventsByType());
        nonZero.values().removeIf(count -> count == 0);
        assertThat(nonZero).isEqualTo(byType);
    }

    @Test
    void truthKpisEqualARecomputationFromTheFiles()
    {
        record Key(String facility, String department, Instant hour) {}
        Map<Key, Long> registrations = new HashMap<>();
        Map<Key, List<Double>> waits = new HashMap<>();
        Map<String, Instant> arrived = new HashMap<>();
        Map<String, PatientFlowEvent> completed = new HashMap<>();
        Map<Topic, List<CanonicalEvent>> files = run.readBack();
        for (CanonicalEvent event : files.get(Topic.REGISTRATION)) {
            if (event.eventType() == EventType.REGISTRATION_REGISTERED || event.eventType() == EventType.REGISTRATION_ADMITTED) {
                Key key = new Key(event.facilityId(), ((RegistrationEvent) event).department(), event.eventTime().toInstant().truncatedTo(ChronoUnit.HOURS));
                registrations.merge(key, 1L, Long::sum);
            }
        }
        for (CanonicalEvent event : files.get(Topic.FLOW)) {
            if (event.eventType() == EventType.FLOW_ARRIVED) {
                arrived.put(event.encounterId(), event.eventTime().toInstant());
            }
            else if (event.eventType() == EventType.FLOW_REGISTRATION_COMPLETED) {
                completed.put(event.encounterId(), (PatientFlowEvent) event);
            }
        }
        completed.forEach((encounter, event) -> {
            if (arrived.containsKey(encounter)) {
                Key key = new Key(event.facilityId(), event.department(), event.eventTime().toInstant().truncatedTo(ChronoUnit.HOURS));
                waits.computeIfAbsent(key, ignored -> new ArrayList<>())
                        .add((double) Duration.between(arrived.get(encounter), event.eventTime().toInstant()).toSeconds());
            }
        });
        Set<Key> keys = new HashSet<>(registrations.keySet());
        keys.addAll(waits.keySet());
        List<GroundTruth.DepartmentHour> expected = keys.stream()
                .sorted(java.util.Comparator.comparing(Key::hour).thenComparing(Key::facility).thenComparing(Key::department))
                .map(key -> {
                    List<Double> samples = waits.getOrDefault(key, List.of()).stream().sorted().toList();
                    Double median = samples.isEmpty() ? null
                            : samples.size() % 2 == 1 ? samples.get(samples.size() / 2)
                            : (samples.get(samples.size() / 2 - 1) + samples.get(samples.size() / 2)) / 2;
                    return new GroundTruth.DepartmentHour(key.facility(), key.department(), key.hour(),
                            registrations.getOrDefault(key, 0L), samples.size(), median);
                })
                .toList();
        assertThat(run.truth.kpis().departmentHourly()).isEqualTo(expected);
        assertThat(run.truth.kpis().registrationVolume().totalRegistrations())
                .isEqualTo(registrations.values().stream().mapToLong(Long::longValue).sum());
        // waits grow at the peaks and in the ED, but stay within what a desk can produce
        assertThat(expected).allSatisfy(hour -> {
            if (hour.medianRegistrationWaitSeconds() != null) {
                assertThat(hour.medianRegistrationWaitSeconds()).isBetween(150.0, 3.0 * 3600);
            }
        });
    }

    @Test
    void truthFileReadsBackAsTheReturnedTruth()
    {
        GroundTruth read = new GroundTruthJson().read(directory.resolve(GeneratorRun.TRUTH_FILE));
        assertThat(read).isEqualTo(run.truth);
        assertThat(read.config().startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(read.facilities()).extracting(GroundTruth.FacilityInfo::facilityId).containsExactly("F01", "F02", "F03");
    }

    @Test
    void registrarTotalsAttributeEachRegistrationAndDefect()
    {
        long registered = run.registrations().size();
        assertThat(run.truth.kpis().registrars().stream().mapToLong(GroundTruth.RegistrarTotals::encounters).sum()).isEqualTo(registered);
        assertThat(run.truth.kpis().registrars().stream().mapToLong(GroundTruth.RegistrarTotals::defectiveEncounters).sum())
                .isEqualTo(run.truth.defects().size());
        for (GroundTruth.InjectedDefect defect : run.truth.defects()) {
            assertThat(run.registration(defect.encounterId()).orElseThrow().registrarId()).isEqualTo(defect.registrarId());
        }
    }

    @Test
    void edVolumePeaksInTheDayAndBottomsOutBeforeDawn()
    {
        Map<Integer, Long> byLocalHour = run.all(PatientFlowEvent.class).stream()
                .filter(event -> event.eventType() == EventType.FLOW_ARRIVED && event.department().equals("ED"))
                .collect(Collectors.groupingBy(event -> event.eventTime().getHour(), Collectors.counting()));
        long night = byLocalHour.getOrDefault(3, 0L) + byLocalHour.getOrDefault(4, 0L) + byLocalHour.getOrDefault(5, 0L);
        long lateMorning = byLocalHour.getOrDefault(10, 0L) + byLocalHour.getOrDefault(11, 0L) + byLocalHour.getOrDefault(12, 0L);
        assertThat(lateMorning).isGreaterThan(3 * night);
    }
}

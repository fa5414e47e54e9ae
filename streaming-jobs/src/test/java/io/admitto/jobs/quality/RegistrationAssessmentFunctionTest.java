package io.admitto.jobs.quality;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.admitto.jobs.testing.TestEvents.flow;
import static io.admitto.jobs.testing.TestEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationAssessmentFunctionTest {
    private static final Duration HORIZON = Duration.ofDays(2);

    private static KeyedOneInputStreamOperatorTestHarness<String, CanonicalEvent, RegistrationQualityRow> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new RegistrationAssessmentFunction(null, RegistrationQualityJob.DEMO_PSEUDONYM_KEY, HORIZON),
                CanonicalEvent::encounterId, Types.STRING);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, CanonicalEvent, RegistrationQualityRow> harness, CanonicalEvent event)
            throws Exception {
        harness.processElement(event, event.eventTime().toInstant().toEpochMilli());
    }

    private static final CanonicalEvent ARRIVED = flow(EventType.FLOW_ARRIVED, "a1", "E1", "F01", "ED", "2026-03-02T08:00:00Z");
    private static final CanonicalEvent REGISTERED = registration(EventType.REGISTRATION_REGISTERED, "r1", "E1", "F01", "ED", "2026-03-02T08:05:00Z");
    private static final CanonicalEvent DEPARTED = flow(EventType.FLOW_DEPARTED, "d1", "E1", "F01", "ED", "2026-03-02T11:00:00Z");

    @Test
    void nothingIsAssessedBeforeThePatientIsRegistered() throws Exception {
        try (var harness = harness()) {
            send(harness, ARRIVED);
            assertThat(harness.extractOutputValues()).isEmpty();

            send(harness, REGISTERED);
            assertThat(harness.extractOutputValues()).singleElement().satisfies(row -> {
                assertThat(row.version()).isEqualTo(1);
                assertThat(row.department()).isEqualTo("ED");
                assertThat(row.registrarId()).isEqualTo("R001");
                assertThat(row.clean()).isFalse(); // the test registration has no patient, coverage or consent
            });
            assertThat(harness.getSideOutput(RegistrationAssessmentFunction.FINDINGS)).isNotEmpty();
            assertThat(harness.getSideOutput(RegistrationAssessmentFunction.PHI)).hasSize(1);
        }
    }

    @Test
    void theSameEventsInAnyOrderEndInTheSameAssessment() throws Exception {
        List<CanonicalEvent> events = List.of(ARRIVED, REGISTERED, DEPARTED);
        RegistrationQualityRow inOrder;
        try (var harness = harness()) {
            for (CanonicalEvent event : events) {
                send(harness, event);
            }
            inOrder = last(harness.extractOutputValues());
        }
        try (var harness = harness()) {
            for (CanonicalEvent event : reversedOrder(events)) {
                send(harness, event);
            }
            RegistrationQualityRow reversed = last(harness.extractOutputValues());
            assertThat(reversed.score()).isEqualTo(inOrder.score());
            assertThat(reversed.errorCount()).isEqualTo(inOrder.errorCount());
            assertThat(reversed.warningCount()).isEqualTo(inOrder.warningCount());
        }
    }

    @Test
    void aRepeatedEventWritesNoNewVersion() throws Exception {
        try (var harness = harness()) {
            send(harness, REGISTERED);
            send(harness, REGISTERED);
            send(harness, REGISTERED);

            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void anEncounterIsForgottenAHorizonAfterItsNewestEvent() throws Exception {
        try (var harness = harness()) {
            send(harness, REGISTERED);
            send(harness, DEPARTED);
            long newest = DEPARTED.eventTime().toInstant().toEpochMilli();

            harness.processWatermark(new org.apache.flink.streaming.api.watermark.Watermark(newest + HORIZON.toMillis() - 1));
            assertThat(harness.numKeyedStateEntries()).isPositive();
            harness.processWatermark(new org.apache.flink.streaming.api.watermark.Watermark(newest + HORIZON.toMillis()));
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void theAnalyticRowCarriesAPseudonymNotTheRecordNumber() {
        PatientPseudonym pseudonym = new PatientPseudonym(RegistrationQualityJob.DEMO_PSEUDONYM_KEY);
        String key = pseudonym.of("F01", "MRN0042");
        assertThat(key).hasSize(32).doesNotContain("MRN0042").isEqualTo(pseudonym.of("F01", "MRN0042"));
        assertThat(pseudonym.of("F02", "MRN0042")).isNotEqualTo(key);
        assertThat(new PatientPseudonym("another-secret-key-of-16+").of("F01", "MRN0042")).isNotEqualTo(key);
        assertThat(pseudonym.of("F01", null)).isNull();
    }

    private static List<CanonicalEvent> reversedOrder(List<CanonicalEvent> events) {
        List<CanonicalEvent> reversed = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static RegistrationQualityRow last(List<RegistrationQualityRow> rows) {
        assertThat(rows).isNotEmpty();
        return rows.get(rows.size() - 1);
    }
}

package io.admitto.jobs.waits;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.admitto.jobs.waits.VisitStep.ARRIVED;
import static io.admitto.jobs.waits.VisitStep.DEPARTED;
import static io.admitto.jobs.waits.VisitStep.MEDICAL_SCREENING;
import static io.admitto.jobs.waits.VisitStep.REGISTRATION_COMPLETED;
import static io.admitto.jobs.waits.VisitStep.REGISTRATION_STARTED;
import static io.admitto.jobs.waits.VisitStep.SERVICE_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class EncounterTimelineFunctionTest {
    private static final Duration HORIZON = Duration.ofHours(6);
    private static final Duration RETENTION = Duration.ofHours(1);

    private KeyedOneInputStreamOperatorTestHarness<String, VisitStepEvent, PhaseWait> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new EncounterTimelineFunction(HORIZON, RETENTION), VisitStepEvent::encounterId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static long at(String utcTime) {
        return Instant.parse("2026-03-02T" + utcTime + "Z").toEpochMilli();
    }

    private void step(VisitStep step, String encounterId, String utcTime, String department) throws Exception {
        harness.processElement(new VisitStepEvent(encounterId, step, at(utcTime), "F01", department), at(utcTime));
    }

    private List<WaitTimesRow> rows() {
        return harness.getSideOutput(EncounterTimelineFunction.ROWS) == null ? List.of()
                : harness.getSideOutput(EncounterTimelineFunction.ROWS).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void eachWaitLeavesAtTheInstantItEnded() throws Exception {
        step(ARRIVED, "E1", "08:00:00", "ED");
        step(REGISTRATION_COMPLETED, "E1", "08:07:30", "ED");
        step(MEDICAL_SCREENING, "E1", "08:20:00", "ED");
        step(SERVICE_STARTED, "E1", "08:40:00", "ED");

        harness.processWatermark(at("08:07:29.999"));
        assertThat(harness.extractOutputStreamRecords()).isEmpty();

        harness.processWatermark(at("08:40:00"));
        assertThat(harness.extractOutputStreamRecords()).containsExactly(
                new StreamRecord<>(new PhaseWait("F01", "ED", "arrival_to_registration", 450.0, at("08:07:30")), at("08:07:30")),
                new StreamRecord<>(new PhaseWait("F01", "ED", "arrival_to_screening", 1200.0, at("08:20:00")), at("08:20:00")),
                new StreamRecord<>(new PhaseWait("F01", "ED", "registration_to_service", 1950.0, at("08:40:00")), at("08:40:00")),
                new StreamRecord<>(new PhaseWait("F01", "ED", "arrival_to_service", 2400.0, at("08:40:00")), at("08:40:00")));
    }

    @Test
    void stepsInAnyOrderMeasureTheSameWaitsAndTheArrivalDecidesTheDepartment() throws Exception {
        step(SERVICE_STARTED, "E1", "09:30:00", "IMG");
        step(REGISTRATION_COMPLETED, "E1", "09:10:00", "IMG");
        step(ARRIVED, "E1", "09:00:00", "CLIN");

        harness.processWatermark(at("10:00:00"));

        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder(
                new PhaseWait("F01", "CLIN", "arrival_to_registration", 600.0, at("09:10:00")),
                new PhaseWait("F01", "CLIN", "registration_to_service", 1200.0, at("09:30:00")),
                new PhaseWait("F01", "CLIN", "arrival_to_service", 1800.0, at("09:30:00")));
    }

    @Test
    void theVisitRowIsWrittenAtDepartureWithEveryStep() throws Exception {
        step(ARRIVED, "E1", "08:00:00", "ED");
        step(REGISTRATION_STARTED, "E1", "08:02:00", "ED");
        step(REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        step(SERVICE_STARTED, "E1", "08:30:00", "ED");
        step(DEPARTED, "E1", "10:00:00", "ED");

        harness.processWatermark(at("09:59:59"));
        assertThat(rows()).isEmpty();
        harness.processWatermark(at("10:00:00"));

        assertThat(rows()).containsExactly(new WaitTimesRow("E1", "F01", "ED",
                Instant.ofEpochMilli(at("08:00:00")), Instant.ofEpochMilli(at("08:02:00")), Instant.ofEpochMilli(at("08:05:00")),
                null, Instant.ofEpochMilli(at("08:30:00")), Instant.ofEpochMilli(at("10:00:00")),
                300.0, 1500.0, null, 1800.0, 7200.0));
    }

    @Test
    void withoutADepartureTheRowIsWrittenWhenTheHorizonPasses() throws Exception {
        step(ARRIVED, "E1", "08:00:00", "ED");
        step(REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");

        harness.processWatermark(at("13:59:59"));
        assertThat(rows()).isEmpty();
        harness.processWatermark(at("14:00:00"));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.departedAt()).isNull();
            assertThat(row.lengthOfStaySeconds()).isNull();
            assertThat(row.arrivalToRegistrationSeconds()).isEqualTo(300.0);
        });
    }

    @Test
    void anEarlierStepReadLaterMovesTheHorizon() throws Exception {
        step(REGISTRATION_COMPLETED, "E1", "09:00:00", "ED");
        step(ARRIVED, "E1", "08:00:00", "ED");

        harness.processWatermark(at("14:00:00"));

        assertThat(rows()).hasSize(1);
    }

    @Test
    void aRepeatedOrCorrectedEventNeverMeasuresAVisitTwice() throws Exception {
        step(ARRIVED, "E1", "08:00:00", "ED");
        step(REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        step(DEPARTED, "E1", "09:00:00", "ED");
        harness.processWatermark(at("09:00:00"));
        step(ARRIVED, "E1", "08:00:00", "ED");
        step(REGISTRATION_COMPLETED, "E1", "08:06:00", "ED");
        harness.processWatermark(at("09:30:00"));

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void aClosedVisitIsForgottenAfterTheRetention() throws Exception {
        step(ARRIVED, "E1", "08:00:00", "ED");
        step(DEPARTED, "E1", "09:00:00", "ED");
        harness.processWatermark(at("09:00:00"));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.processWatermark(at("10:00:00"));

        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aVisitWithoutArrivalHasNoRow() throws Exception {
        step(REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        step(DEPARTED, "E1", "09:00:00", "ED");

        harness.processWatermark(at("09:00:00"));

        assertThat(rows()).isEmpty();
        assertThat(harness.extractOutputValues()).isEmpty();
    }
}

package io.admitto.jobs.flow;

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

import static io.admitto.jobs.flow.FlowStep.Kind.ARRIVED;
import static io.admitto.jobs.flow.FlowStep.Kind.REGISTRATION_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

class EncounterWaitFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, FlowStep, DepartmentActivity> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new EncounterWaitFunction(Duration.ofHours(24)), FlowStep::encounterId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static long at(String utcTime) {
        return Instant.parse("2026-03-02T" + utcTime + "Z").toEpochMilli();
    }

    private void step(String eventId, FlowStep.Kind kind, String encounterId, String utcTime, String department) throws Exception {
        harness.processElement(new FlowStep(encounterId, eventId, kind, at(utcTime), "F01", department), at(utcTime));
    }

    private List<StreamRecord<? extends DepartmentActivity>> emitted() {
        return harness.extractOutputStreamRecords();
    }

    @Test
    void emitsTheWaitAtTheCompletionInstantOnceTheWatermarkPassesIt() throws Exception {
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:05:00.250", "IMG");

        harness.processWatermark(at("08:05:00.249"));
        assertThat(emitted()).isEmpty();

        harness.processWatermark(at("08:05:00.250"));
        assertThat(emitted()).containsExactly(
                new StreamRecord<>(DepartmentActivity.waitSample("F01", "IMG", "c1", 300.25), at("08:05:00.250")));
    }

    @Test
    void aCompletionReadBeforeItsArrivalMeasuresTheSameWait() throws Exception {
        step("c1", REGISTRATION_COMPLETED, "E1", "08:20:30.250", "ED");
        step("a1", ARRIVED, "E1", "08:10:00", "ED");

        harness.processWatermark(at("09:00:00"));

        assertThat(harness.extractOutputValues()).containsExactly(DepartmentActivity.waitSample("F01", "ED", "c1", 630.25));
    }

    @Test
    void anEncounterIsMeasuredOnceHoweverOftenItsStepsAreRepeated() throws Exception {
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        harness.processWatermark(at("08:06:00"));
        // repeated after the sample went out: with a new pair, a naive join would measure again
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        harness.processWatermark(at("08:30:00"));

        assertThat(harness.extractOutputValues()).containsExactly(DepartmentActivity.waitSample("F01", "ED", "c1", 300));
    }

    @Test
    void theEarliestArrivalAndCompletionCount() throws Exception {
        step("c2", REGISTRATION_COMPLETED, "E1", "08:15:00", "ED");
        step("a2", ARRIVED, "E1", "08:03:00", "ED");
        step("a1", ARRIVED, "E1", "08:01:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:11:00", "ED");

        harness.processWatermark(at("09:00:00"));

        assertThat(harness.extractOutputValues()).containsExactly(DepartmentActivity.waitSample("F01", "ED", "c1", 600));
    }

    @Test
    void encountersAreMeasuredIndependently() throws Exception {
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        step("a2", ARRIVED, "E2", "08:01:00", "ED");
        step("c2", REGISTRATION_COMPLETED, "E2", "08:02:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:03:00", "ED");

        harness.processWatermark(at("08:10:00"));

        assertThat(harness.extractOutputValues()).containsExactly(
                DepartmentActivity.waitSample("F01", "ED", "c2", 60),
                DepartmentActivity.waitSample("F01", "ED", "c1", 180));
    }

    @Test
    void anArrivalWithoutCompletionIsForgottenAfterTheRetention() throws Exception {
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        harness.processWatermark(at("08:00:00") + Duration.ofHours(24).toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theMemoryOfAMeasuredEncounterIsDroppedAfterTheRetention() throws Exception {
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:05:00", "ED");
        harness.processWatermark(at("08:05:00"));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(at("08:05:00") + Duration.ofHours(24).toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aCompletionWithoutDepartmentCannotBeAttributed() throws Exception {
        step("a1", ARRIVED, "E1", "08:00:00", "ED");
        step("c1", REGISTRATION_COMPLETED, "E1", "08:05:00", null);

        harness.processWatermark(at("09:00:00"));

        assertThat(harness.extractOutputValues()).isEmpty();
    }
}

package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.admitto.jobs.testing.TestEvents.flow;
import static org.assertj.core.api.Assertions.assertThat;

class LateEventSplitterTest {
    private static long at(String utcTime) {
        return Instant.parse("2026-03-02T" + utcTime + "Z").toEpochMilli();
    }

    @Test
    void anEventBehindTheWatermarkIsSetAsideWithHowLateItWas() throws Exception {
        try (OneInputStreamOperatorTestHarness<CanonicalEvent, CanonicalEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new LateEventSplitter())) {
            CanonicalEvent onTime = flow(EventType.FLOW_ARRIVED, "a1", "E1", "F01", "ED", "2026-03-02T08:00:00Z");
            CanonicalEvent late = flow(EventType.FLOW_ARRIVED, "a2", "E2", "F01", "ED", "2026-03-02T07:00:00Z");
            CanonicalEvent atTheWatermark = flow(EventType.FLOW_ARRIVED, "a3", "E3", "F01", "ED", "2026-03-02T07:30:00Z");

            harness.processWatermark(at("07:30:00"));
            harness.processElement(onTime, at("08:00:00"));
            harness.processElement(late, at("07:00:00"));
            harness.processElement(atTheWatermark, at("07:30:00"));

            assertThat(harness.extractOutputValues()).containsExactly(onTime, atTheWatermark);
            assertThat(harness.getSideOutput(LateEventSplitter.LATE_EVENTS)).extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.eventId()).isEqualTo(late.eventId().toString());
                        assertThat(row.eventType()).isEqualTo("flow.arrived");
                        assertThat(row.latenessSeconds()).isEqualTo(1800.0);
                    });
        }
    }
}

package io.admitto.jobs.flow;

import io.admitto.events.CanonicalEvent;
import io.admitto.jobs.common.CanonicalEventTypeInfo;
import io.admitto.jobs.common.EventTime;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.admitto.events.EventType.FLOW_ARRIVED;
import static io.admitto.events.EventType.FLOW_REGISTRATION_COMPLETED;
import static io.admitto.events.EventType.REGISTRATION_REGISTERED;
import static io.admitto.jobs.testing.TestEvents.flow;
import static io.admitto.jobs.testing.TestEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The computation between source and sink, without Kafka: one ordered input whose watermark is the
 * newest event time seen.
 *
 * <p>Which record is late is not asserted here: the hour's window merges two inputs (registrations,
 * and waits that pass through the encounter operator), and its watermark is the lower of the two, so
 * whether a record behind one input's watermark is late depends on when the other input's watermark
 * arrives — thread timing, not the data.
 */
class HourlyRowsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    /** A watermark right behind every event: anything older than an event already read is late. */
    private static final class EveryEvent implements WatermarkGenerator<CanonicalEvent> {
        @Override
        public void onEvent(CanonicalEvent event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    private record Outcome(List<DepartmentHourlyRow> rows, List<DepartmentActivity> late) {}

    private static Outcome run(CanonicalEvent... events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        DataStream<CanonicalEvent> input = env.fromData(CanonicalEventTypeInfo.INSTANCE, events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CanonicalEvent>forGenerator(context -> new EveryEvent())
                        .withTimestampAssigner((event, ignored) -> EventTime.millis(event)));

        DepartmentFlowJob.HourlyRows hourly = DepartmentFlowJob.hourlyRows(input, Duration.ofDays(1));
        try (CloseableIterator<DepartmentHourlyRow> rows = hourly.rows().collectAsync();
                CloseableIterator<DepartmentActivity> late = hourly.late().collectAsync()) {
            env.execute("hourly rows");
            List<DepartmentHourlyRow> rowList = new ArrayList<>();
            rows.forEachRemaining(rowList::add);
            List<DepartmentActivity> lateList = new ArrayList<>();
            late.forEachRemaining(lateList::add);
            return new Outcome(rowList, lateList);
        }
    }

    private static Instant at(String utc) {
        return Instant.parse("2026-03-02T" + utc + "Z");
    }

    @Test
    void anHourRunsFromItsFirstMillisecondToTheLastBeforeTheNextHourInUtc() throws Exception {
        Outcome outcome = run(
                registration(REGISTRATION_REGISTERED, "r1", "E1", "F01", "ED", "2026-03-02T08:00:00Z"),
                registration(REGISTRATION_REGISTERED, "r2", "E2", "F01", "ED", "2026-03-02T02:59:59.999-06:00"),
                registration(REGISTRATION_REGISTERED, "r3", "E3", "F01", "ED", "2026-03-02T09:00:00Z"));

        assertThat(outcome.rows()).containsExactlyInAnyOrder(
                new DepartmentHourlyRow("F01", "ED", at("08:00:00"), 2, null),
                new DepartmentHourlyRow("F01", "ED", at("09:00:00"), 1, null));
        assertThat(outcome.late()).isEmpty();
    }

    @Test
    void aWaitIsCountedInTheHourItsRegistrationCompletedWhileThatHourIsOpen() throws Exception {
        Outcome outcome = run(
                flow(FLOW_REGISTRATION_COMPLETED, "c1", "E1", "F01", "ED", "2026-03-02T08:50:00Z"),
                flow(FLOW_ARRIVED, "a1", "E1", "F01", "ED", "2026-03-02T08:40:00Z"),
                registration(REGISTRATION_REGISTERED, "r2", "E2", "F01", "ED", "2026-03-02T09:10:00Z"));

        assertThat(outcome.rows()).containsExactlyInAnyOrder(
                new DepartmentHourlyRow("F01", "ED", at("08:00:00"), 0, 600.0),
                new DepartmentHourlyRow("F01", "ED", at("09:00:00"), 1, null));
        assertThat(outcome.late()).isEmpty();
    }
}

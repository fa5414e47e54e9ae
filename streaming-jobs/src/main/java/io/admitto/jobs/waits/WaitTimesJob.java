package io.admitto.jobs.waits;

import io.admitto.events.Topic;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.common.JobArguments;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.KafkaEventStreams;
import io.admitto.jobs.common.LateRecords;
import io.admitto.jobs.parquet.ParquetTableSink;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Wait times from patient-flow events: each visit's steps and waits ({@code wait_times}) and, per
 * facility × department × phase × hour, the percentiles and SLA breaches ({@code wait_time_stats}).
 *
 * <p>Run it on a cluster with {@code flink run -c io.admitto.jobs.waits.WaitTimesJob <job jar>
 * --bootstrap host:9092 --warehouse s3://…}, or in-process by handing any environment to {@link #addTo}.
 */
public final class WaitTimesJob {
    public static final String NAME = "admitto-wait-times";
    public static final String DEFAULT_GROUP_ID = "admitto-wait-times";

    public static final TableSchema WAIT_TIMES = Tables.WAIT_TIMES;
    public static final TableSchema WAIT_TIME_STATS = Tables.WAIT_TIME_STATS;

    /** Operator uids bind state in savepoints to operators: they never change. */
    static final String TIMELINE_UID = "visit-timeline";
    static final String STATS_UID = "wait-time-stats-window";

    private static final OutputTag<PhaseWait> LATE = new OutputTag<>("late-phase-waits", TypeInformation.of(PhaseWait.class));

    private final WaitTimesJobConfig config;

    public WaitTimesJob(WaitTimesJobConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Configures {@code env} from the job's settings and adds the pipeline, reading its own Kafka source. */
    public void addTo(StreamExecutionEnvironment env) {
        JobEnvironment.configure(env, config.settings());
        addTo(KafkaEventStreams.read(env, config.settings(), Topic.FLOW));
    }

    /** Adds the pipeline over events already read (the launcher shares one source among jobs). */
    public void addTo(ConsumedEvents consumed) {
        SingleOutputStreamOperator<PhaseWait> waits = consumed.events()
                .flatMap(new VisitSteps(), TypeInformation.of(VisitStepEvent.class))
                .name("Visit steps")
                .keyBy(VisitStepEvent::encounterId, Types.STRING)
                .process(new EncounterTimelineFunction(config.visitHorizon(), config.closedRetention()), TypeInformation.of(PhaseWait.class))
                .name("Visit timeline")
                .uid(TIMELINE_UID);

        SingleOutputStreamOperator<WaitTimeStatsRow> stats = waits
                .keyBy(PhaseWait::key, TypeInformation.of(PhaseKey.class))
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .sideOutputLateData(LATE)
                .process(new WaitStatsWindow(config.targets()), TypeInformation.of(WaitTimeStatsRow.class))
                .name("Wait-time percentiles")
                .uid(STATS_UID);

        // Counted and logged until the late_events table exists.
        stats.getSideOutput(LATE)
                .process(new LateRecords<PhaseWait>(wait -> "wait " + wait), TypeInformation.of(PhaseWait.class))
                .name("Late waits")
                .uid("late-phase-waits")
                .sinkTo(new DiscardingSink<>())
                .name("Discard late waits");

        String warehouse = config.settings().warehouse();
        new ParquetTableSink(WAIT_TIMES, warehouse, "arrived_at")
                .write(waits.getSideOutput(EncounterTimelineFunction.ROWS), WaitTimesRow::columnValues);
        new ParquetTableSink(WAIT_TIME_STATS, warehouse, "hour_start")
                .write(stats, WaitTimeStatsRow::columnValues);
    }

    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parse(args);
        WaitTimesJobConfig config = WaitTimesJobConfig.from(arguments);
        arguments.rejectUnread();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new WaitTimesJob(config).addTo(env);
        env.execute(NAME);
    }
}

package io.admitto.jobs.flow;

import io.admitto.events.CanonicalEvent;
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
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The department-flow job: registrations per facility, department and UTC hour, with the median wait
 * from arrival to registration complete, into the {@code department_hourly} table.
 *
 * <pre>
 * Kafka admitto.registration, admitto.flow ─► events ─┬─► registrations ──────────────────────────┐
 *                                                     └─► arrivals/completions ─► keyBy encounter │
 *                                                          ─► wait sample at completion time ─────┤
 *                        keyBy facility+department ◄──────────────────────────────────────────────┘
 *                        ─► 1 h event-time window ─► row ─► Parquet department_hourly/event_date=…
 * </pre>
 *
 * <p>Run it on a Flink cluster with {@code flink run admitto-streaming-jobs-<version>-job.jar --bootstrap
 * host:9092 --warehouse s3://…} (the jar's main class is this one), or in-process by handing any
 * environment to {@link #addTo}.
 */
public final class DepartmentFlowJob {
    public static final String NAME = "admitto-department-flow";
    public static final String DEFAULT_GROUP_ID = "admitto-department-flow";

    /** The table this job writes. */
    public static final TableSchema TABLE = Tables.DEPARTMENT_HOURLY;

    /** Operator uids: they bind state in savepoints to operators, so they never change. */
    static final String WAIT_UID = "registration-wait";
    static final String WINDOW_UID = "department-hour-window";

    private static final Duration HOUR = Duration.ofHours(1);
    private static final OutputTag<DepartmentActivity> LATE = new OutputTag<>("late-department-activity", DepartmentActivity.TYPE);

    private final FlowJobConfig config;

    public DepartmentFlowJob(FlowJobConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * Configures {@code env} from the job's settings (checkpointing, restarts, parallelism) and adds the
     * pipeline to it; the caller runs it with {@code env.execute(DepartmentFlowJob.NAME)}.
     */
    public void addTo(StreamExecutionEnvironment env) {
        JobEnvironment.configure(env, config.settings());
        addTo(KafkaEventStreams.read(env, config.settings(), Topic.REGISTRATION, Topic.FLOW));
    }

    /**
     * Adds the pipeline over events already read, so several jobs can share one source (and decode each
     * record once); the events must include the registration and flow topics.
     */
    public void addTo(ConsumedEvents consumed) {
        HourlyRows hourly = hourlyRows(consumed.events(), config.waitStateRetention());

        // Counted and logged until the late_events table exists.
        hourly.late()
                .process(new LateRecords<>(DepartmentActivity::describe), DepartmentActivity.TYPE)
                .name("Late department activity")
                .uid("late-department-activity")
                .sinkTo(new DiscardingSink<>())
                .name("Discard late department activity");

        new ParquetTableSink(TABLE, config.settings().warehouse(), "hour_start")
                .write(hourly.rows(), DepartmentHourlyRow::columnValues);
    }

    /** The rows of {@code department_hourly}, and what arrived too late to be counted in them. */
    record HourlyRows(DataStream<DepartmentHourlyRow> rows, DataStream<DepartmentActivity> late) {}

    /**
     * The computation alone, from events with event-time timestamps and watermarks to rows: what the
     * job adds between its Kafka source and its Parquet sink.
     */
    static HourlyRows hourlyRows(DataStream<CanonicalEvent> events, Duration waitStateRetention) {
        DataStream<DepartmentActivity> registrations = events
                .flatMap(new Registrations(), DepartmentActivity.TYPE)
                .name("Registrations");

        DataStream<DepartmentActivity> waits = events
                .flatMap(new WaitSteps(), TypeInformation.of(FlowStep.class))
                .name("Arrivals and completions")
                .keyBy(FlowStep::encounterId, Types.STRING)
                .process(new EncounterWaitFunction(waitStateRetention), DepartmentActivity.TYPE)
                .name("Registration wait")
                .uid(WAIT_UID);

        SingleOutputStreamOperator<DepartmentHourlyRow> rows = registrations.union(waits)
                .keyBy(DepartmentActivity::key, DepartmentKey.TYPE)
                .window(TumblingEventTimeWindows.of(HOUR))
                .sideOutputLateData(LATE)
                .process(new DepartmentHourWindow(), DepartmentHourlyRow.TYPE)
                .name("Department hour")
                .uid(WINDOW_UID);
        return new HourlyRows(rows, rows.getSideOutput(LATE));
    }

    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parse(args);
        FlowJobConfig config = FlowJobConfig.from(arguments);
        arguments.rejectUnread();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new DepartmentFlowJob(config).addTo(env);
        env.execute(NAME);
    }
}

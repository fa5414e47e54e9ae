package io.admitto.jobs.platform;

import io.admitto.events.Topic;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.common.DeadLetterRow;
import io.admitto.jobs.common.LateEvent;
import io.admitto.jobs.common.JobArguments;
import io.admitto.jobs.common.JobEnvironment;
import io.admitto.jobs.common.JobSettings;
import io.admitto.jobs.common.KafkaEventStreams;
import io.admitto.jobs.denials.DenialsJob;
import io.admitto.jobs.flow.DepartmentFlowJob;
import io.admitto.jobs.flow.FlowJobConfig;
import io.admitto.jobs.kpi.KpiJob;
import io.admitto.jobs.parquet.ParquetTableSink;
import io.admitto.jobs.quality.RegistrationQualityJob;
import io.admitto.jobs.waits.WaitTimesJob;
import io.admitto.jobs.waits.WaitTimesJobConfig;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Every job of the platform in one Flink job over one Kafka source: each record is read and decoded
 * once and fanned out to the jobs, which is what the embedded {@code admitto run} and {@code demo}
 * execute. Each job can also run alone from its own {@code main}.
 */
public final class PlatformJobs {
    public static final String NAME = "admitto-platform";
    public static final String DEFAULT_GROUP_ID = "admitto-platform";

    /** The topics the jobs read. */
    public static final List<Topic> TOPICS = List.of(Topic.REGISTRATION, Topic.FLOW, Topic.ELIGIBILITY, Topic.AUTHORIZATION, Topic.PAYMENTS,
            Topic.CLAIMS);

    private final JobSettings settings;
    private final String pseudonymKey;

    /**
     * @param pseudonymKey the secret behind the patient pseudonyms of the analytic tables (at least 16
     *        characters); the same key must be used for the life of a warehouse
     */
    public PlatformJobs(JobSettings settings, String pseudonymKey) {
        this.settings = requireNonNull(settings, "settings is null");
        this.pseudonymKey = requireNonNull(pseudonymKey, "pseudonymKey is null");
    }

    /** The tables the jobs write. */
    public static List<TableSchema> tables() {
        return Stream.of(List.of(DepartmentFlowJob.TABLE), List.of(WaitTimesJob.WAIT_TIMES, WaitTimesJob.WAIT_TIME_STATS), List.of(Tables.KPI_DAILY),
                        List.of(Tables.REGISTRATION_QUALITY, Tables.REGISTRATION_FINDINGS, Tables.REGISTRATION_PHI),
                        List.of(Tables.DENIALS, Tables.DENIAL_PATTERNS, Tables.CLAIM_REJECTIONS),
                        List.of(Tables.DEAD_LETTERS, Tables.LATE_EVENTS))
                .flatMap(List::stream)
                .toList();
    }

    public void addTo(StreamExecutionEnvironment env) {
        JobEnvironment.configure(env, settings);
        addTo(KafkaEventStreams.read(env, settings, TOPICS.toArray(Topic[]::new)));
    }

    /** Adds every job over events already read from {@link #TOPICS} (tests put a failure between source and jobs). */
    public void addTo(ConsumedEvents consumed) {
        new DepartmentFlowJob(new FlowJobConfig(settings)).addTo(consumed);
        new WaitTimesJob(new WaitTimesJobConfig(settings)).addTo(consumed);
        RegistrationQualityJob.Outputs registrations =
                new RegistrationQualityJob(settings.warehouse(), null, pseudonymKey, RegistrationQualityJob.DEFAULT_HORIZON).addOutputsTo(consumed);
        new DenialsJob(settings.warehouse()).addTo(consumed, registrations.contexts());
        new KpiJob(settings.warehouse()).addTo(consumed, registrations.assessments());
        // Every input ends in exactly one place: a job's results, dead_letters or late_events.
        new ParquetTableSink(Tables.DEAD_LETTERS, settings.warehouse(), "received_at")
                .write(consumed.deadLetters(), DeadLetterRow::columnValues);
        new ParquetTableSink(Tables.LATE_EVENTS, settings.warehouse(), "event_time")
                .write(consumed.lateEvents(), LateEvent::columnValues);
    }

    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parse(args);
        JobSettings settings = JobSettings.from(arguments, DEFAULT_GROUP_ID);
        // The pseudonym key is a secret: from the environment rather than the command line, which others can read.
        String pseudonymKey = arguments.string("pseudonym-key").orElse(System.getenv("ADMITTO_PSEUDONYM_KEY"));
        if (pseudonymKey == null) {
            throw new IllegalArgumentException("Set ADMITTO_PSEUDONYM_KEY (or --pseudonym-key): the secret behind patient pseudonyms");
        }
        arguments.rejectUnread();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new PlatformJobs(settings, pseudonymKey).addTo(env);
        env.execute(NAME);
    }
}

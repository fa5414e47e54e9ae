package io.admitto.jobs.kpi;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import io.admitto.jobs.common.CanonicalEventTypeInfo;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.parquet.ParquetTableSink;
import io.admitto.jobs.quality.RegistrationQualityRow;
import io.admitto.tables.Tables;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Daily patient-access KPIs into {@code kpi_daily}: per encounter, what it adds to each day's numerators
 * and denominators ({@link EncounterKpiFunction}, which sends only changes), summed per day, facility,
 * department and registrar ({@link KpiDayFunction}, which writes a new version of what changed once per
 * event-time hour). It reads the shared source's registration, eligibility, authorization, flow,
 * payment and claim events, and the registration quality job's assessments for the error and accuracy
 * rates (see {@link io.admitto.jobs.platform.PlatformJobs}). Definitions: docs/kpis.md.
 */
public final class KpiJob {
    /** Operator uids bind state in savepoints to operators: they never change. */
    static final String ENCOUNTER_UID = "kpi-encounter";
    static final String DAY_UID = "kpi-day";

    /** Claims are remitted weeks to months after the visit; an encounter's facts must outlive its last 835 (as DenialsJob's). */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(120);

    private final String warehouse;
    private final Duration horizon;

    public KpiJob(String warehouse, Duration horizon) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.horizon = requireNonNull(horizon, "horizon is null");
    }

    public KpiJob(String warehouse) {
        this(warehouse, DEFAULT_HORIZON);
    }

    /** Adds the job over the shared source's events and the registration assessments (registration_quality rows). */
    public void addTo(ConsumedEvents consumed, DataStream<RegistrationQualityRow> assessments) {
        DataStream<CanonicalEvent> events = consumed.events()
                .filter(KpiJob::countedInKpis)
                .returns(CanonicalEventTypeInfo.INSTANCE)
                .name("KPI events");
        SingleOutputStreamOperator<KpiDelta> deltas = events
                .keyBy(CanonicalEvent::encounterId, Types.STRING)
                .connect(assessments.keyBy(RegistrationQualityRow::encounterId, Types.STRING))
                .process(new EncounterKpiFunction(horizon), TypeInformation.of(KpiDelta.class))
                .name("Encounter KPI contributions")
                .uid(ENCOUNTER_UID);
        SingleOutputStreamOperator<KpiDailyRow> rows = deltas
                .keyBy(KpiDelta::day, TypeInformation.of(KpiDay.class))
                .process(new KpiDayFunction(horizon), TypeInformation.of(KpiDailyRow.class))
                .name("Daily KPIs")
                .uid(DAY_UID);
        new ParquetTableSink(Tables.KPI_DAILY, warehouse, "kpi_date").write(rows, KpiDailyRow::columnValues);
    }

    /** The events some KPI depends on (270 inquiries are not: the 271 answers them). */
    public static boolean countedInKpis(CanonicalEvent event) {
        return event instanceof RegistrationEvent || event instanceof EligibilityResponse || event instanceof AuthorizationRequest
                || event instanceof AuthorizationDecision || event instanceof PatientFlowEvent || event instanceof PointOfServicePayment
                || event instanceof ClaimRemittance || event instanceof ClaimAcknowledgment;
    }
}

package io.admitto.jobs.quality;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import io.admitto.jobs.common.CanonicalEventTypeInfo;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.denials.RegistrationContext;
import io.admitto.jobs.parquet.ParquetTableSink;
import io.admitto.tables.Tables;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Registration quality: every registration assessed with the QA rules as it changes, into
 * {@code registration_quality}, {@code registration_findings} and the restricted {@code registration_phi}.
 * It reads the registration, eligibility, authorization, flow and payment events of the shared source
 * (see {@link io.admitto.jobs.platform.PlatformJobs}).
 */
public final class RegistrationQualityJob {
    /** Operator uid: binds state in savepoints to the operator; never changes. */
    static final String ASSESSMENT_UID = "registration-assessment";

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);
    /** For the demo and tests only; a deployment passes its own secret (--pseudonym-key). */
    public static final String DEMO_PSEUDONYM_KEY = "admitto-demo-pseudonym-key-not-secret";

    private final String organizationConfigJson;
    private final String pseudonymKey;
    private final Duration horizon;
    private final String warehouse;

    public RegistrationQualityJob(String warehouse, String organizationConfigJson, String pseudonymKey, Duration horizon) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.organizationConfigJson = organizationConfigJson;
        this.pseudonymKey = requireNonNull(pseudonymKey, "pseudonymKey is null");
        this.horizon = requireNonNull(horizon, "horizon is null");
    }

    /** What the job hands to the jobs downstream of it. */
    public record Outputs(DataStream<RegistrationQualityRow> assessments, DataStream<RegistrationContext> contexts) {
        public Outputs {
            requireNonNull(assessments, "assessments is null");
            requireNonNull(contexts, "contexts is null");
        }
    }

    /** Adds the job; returns each assessment version's context, for the claims that come later. */
    public DataStream<RegistrationContext> addTo(ConsumedEvents consumed) {
        return addOutputsTo(consumed).contexts();
    }

    /** Adds the job; returns the assessment versions (the KPIs' error and accuracy rates) and their contexts (the claims'). */
    public Outputs addOutputsTo(ConsumedEvents consumed) {
        SingleOutputStreamOperator<RegistrationQualityRow> quality = consumed.events()
                .filter(RegistrationQualityJob::aboutTheRegistration)
                .returns(CanonicalEventTypeInfo.INSTANCE)
                .name("Registration events")
                .keyBy(CanonicalEvent::encounterId, Types.STRING)
                .process(new RegistrationAssessmentFunction(organizationConfigJson, pseudonymKey, horizon),
                        TypeInformation.of(RegistrationQualityRow.class))
                .name("Assess registration")
                .uid(ASSESSMENT_UID);

        new ParquetTableSink(Tables.REGISTRATION_QUALITY, warehouse, "assessed_at")
                .write(quality, RegistrationQualityRow::columnValues);
        new ParquetTableSink(Tables.REGISTRATION_FINDINGS, warehouse, "assessed_at")
                .write(quality.getSideOutput(RegistrationAssessmentFunction.FINDINGS), RegistrationFindingRow::columnValues);
        new ParquetTableSink(Tables.REGISTRATION_PHI, warehouse, "assessed_at")
                .write(quality.getSideOutput(RegistrationAssessmentFunction.PHI), RegistrationPhiRow::columnValues);
        return new Outputs(quality, quality.getSideOutput(RegistrationAssessmentFunction.CONTEXT));
    }

    /** The events a registration's assessment depends on. */
    public static boolean aboutTheRegistration(CanonicalEvent event) {
        return event instanceof RegistrationEvent || event instanceof EligibilityResponse || event instanceof AuthorizationRequest
                || event instanceof AuthorizationDecision || event instanceof PatientFlowEvent || event instanceof PointOfServicePayment;
    }
}

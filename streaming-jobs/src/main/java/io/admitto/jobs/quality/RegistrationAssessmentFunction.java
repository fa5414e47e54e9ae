package io.admitto.jobs.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.events.Address;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.RegistrationEvent;
import io.admitto.jobs.denials.RegistrationContext;
import io.admitto.qarules.Assessment;
import io.admitto.qarules.Finding;
import io.admitto.qarules.RegistrationAssessor;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import io.admitto.qarules.snapshot.SnapshotAssembler;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Keeps what is known about one encounter (keyed by encounter id) and assesses it with the QA rules
 * whenever that changes, in any arrival order. A new version is written only when the outcome changes
 * (score, grade, which rules fired where, or who and what the registration is attributed to), so a
 * flow step that changes nothing does not add rows.
 *
 * <p>State is the encounter's folded snapshot (each event folded in once, in any order); it is dropped
 * {@code horizon} after the encounter's newest event (in event time), which bounds it to the open
 * encounters. Duplicate-record suspicion (ID-011) needs every registration of the facility and is
 * not evaluated here.
 */
public final class RegistrationAssessmentFunction extends KeyedProcessFunction<String, CanonicalEvent, RegistrationQualityRow> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<RegistrationFindingRow> FINDINGS =
            new OutputTag<>("registration-findings", TypeInformation.of(RegistrationFindingRow.class));
    public static final OutputTag<RegistrationPhiRow> PHI =
            new OutputTag<>("registration-phi", TypeInformation.of(RegistrationPhiRow.class));
    /** Each version's context for the claims that come later (see {@code DenialsJob}). */
    public static final OutputTag<RegistrationContext> CONTEXT =
            new OutputTag<>("registration-context", TypeInformation.of(RegistrationContext.class));

    static final String REPEATED_METRIC = "repeatedEvents";

    private final String organizationConfigJson;
    private final String pseudonymKey;
    private final long horizonMillis;

    private transient ValueState<RegistrationSnapshot> snapshot;
    private transient ValueState<Integer> version;
    private transient ValueState<String> outcome;
    private transient ValueState<Long> newestEventAt;
    private transient RegistrationAssessor assessor;
    private transient PatientPseudonym pseudonym;
    private transient ObjectMapper json;
    private transient Counter repeated;

    /**
     * @param organizationConfigJson the organisation's QA configuration, or null for the bundled default
     */
    public RegistrationAssessmentFunction(String organizationConfigJson, String pseudonymKey, Duration horizon) {
        this.organizationConfigJson = organizationConfigJson;
        this.pseudonymKey = requireNonNull(pseudonymKey, "pseudonymKey is null");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        this.horizonMillis = horizon.toMillis();
        new PatientPseudonym(pseudonymKey); // fail at job construction, not in a task
    }

    @Override
    public void open(OpenContext openContext) {
        snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("snapshot", RegistrationSnapshotSerializer.INSTANCE));
        version = getRuntimeContext().getState(new ValueStateDescriptor<>("version", Types.INT));
        outcome = getRuntimeContext().getState(new ValueStateDescriptor<>("outcome", Types.STRING));
        newestEventAt = getRuntimeContext().getState(new ValueStateDescriptor<>("newest-event-at", Types.LONG));
        OrganizationConfig config = organizationConfigJson == null
                ? OrganizationConfigLoader.loadDefault()
                : OrganizationConfigLoader.parse(organizationConfigJson);
        assessor = RegistrationAssessor.standard(config);
        pseudonym = new PatientPseudonym(pseudonymKey);
        json = new ObjectMapper();
        repeated = getRuntimeContext().getMetricGroup().counter(REPEATED_METRIC);
    }

    @Override
    public void processElement(CanonicalEvent event, Context context, Collector<RegistrationQualityRow> out) throws Exception {
        RegistrationSnapshot before = snapshot.value();
        RegistrationSnapshot folded = SnapshotAssembler.add(before == null ? RegistrationSnapshot.empty(context.getCurrentKey()) : before, event);
        if (folded.equals(before)) {
            repeated.inc();
            return;
        }
        snapshot.update(folded);

        long eventAt = event.eventTime().toInstant().toEpochMilli();
        Long newest = newestEventAt.value();
        if (newest == null || eventAt > newest) {
            newest = eventAt;
            newestEventAt.update(newest);
            context.timerService().registerEventTimeTimer(newest + horizonMillis);
        }

        RegistrationSnapshot asOfNewest = folded.withAsOf(Instant.ofEpochMilli(newest));
        if (!asOfNewest.registered() || asOfNewest.cancelled()) {
            return;
        }
        Assessment assessment = assessor.assess(asOfNewest);
        RegistrationEvent registration = asOfNewest.registration();
        String current = outcome(assessment, registration);
        if (current.equals(outcome.value())) {
            return;
        }
        outcome.update(current);
        int next = version.value() == null ? 1 : version.value() + 1;
        version.update(next);
        emit(next, assessment, registration, context, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<RegistrationQualityRow> out) throws Exception {
        Long newest = newestEventAt.value();
        if (newest != null && timestamp == newest + horizonMillis) {
            snapshot.clear();
            version.clear();
            outcome.clear();
            newestEventAt.clear();
        }
    }

    private void emit(int next, Assessment assessment, RegistrationEvent registration, Context context, Collector<RegistrationQualityRow> out) {
        Instant assessedAt = assessment.asOf();
        Patient patient = registration.patient();
        String mrn = patient == null ? null : patient.mrn();
        String patientKey = pseudonym.of(assessment.facilityId(), mrn);
        out.collect(new RegistrationQualityRow(assessment.encounterId(), next, assessedAt, assessment.facilityId(), assessment.department(),
                assessment.registrarId(), registration.patientClass() == null ? null : registration.patientClass().hl7Code(),
                assessment.payerId(), registration.financialClass(), epochDay(assessment.serviceDate()), patientKey,
                assessment.score(), assessment.grade().name(), assessment.clean(),
                assessment.criticalCount(), assessment.errorCount(), assessment.warningCount()));
        for (Finding finding : assessment.findings()) {
            context.output(FINDINGS, new RegistrationFindingRow(assessment.encounterId(), next, assessedAt, assessment.facilityId(),
                    assessment.registrarId(), finding.ruleId(), finding.category().name(), finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                    finding.fieldPath(), String.join(",", finding.predictedCarcs())));
        }
        context.output(CONTEXT, new RegistrationContext(assessment.encounterId(), next, assessedAt.toEpochMilli(), assessment.facilityId(),
                assessment.department(), assessment.registrarId(), assessment.findings().stream()
                        .map(finding -> finding.ruleId() + "=" + String.join("/", finding.predictedCarcs()))
                        .collect(Collectors.joining(";"))));
        Insurance primary = registration.insurances().isEmpty() ? null : registration.insurances().get(0);
        context.output(PHI, new RegistrationPhiRow(assessment.encounterId(), next, assessedAt, assessment.facilityId(), mrn, patientKey,
                patient == null || patient.name() == null ? null : patient.name().family(),
                patient == null || patient.name() == null ? null : patient.name().given(),
                patient == null ? null : epochDay(patient.birthDate()),
                patient == null ? null : patient.sex(),
                patient == null ? null : patient.ssn(),
                patient == null ? null : patient.phone(),
                patient == null ? null : oneLine(patient.address()),
                primary == null ? null : primary.memberId(),
                details(assessment.findings())));
    }

    /** What a new version must differ in: the outcome, and whom and what it is about. */
    private static String outcome(Assessment assessment, RegistrationEvent registration) {
        String findings = assessment.findings().stream()
                .map(finding -> finding.ruleId() + "@" + finding.fieldPath() + ":" + finding.severity())
                .sorted()
                .collect(Collectors.joining(","));
        return String.join("|", String.valueOf(assessment.score()), assessment.grade().name(), findings,
                String.valueOf(assessment.department()), String.valueOf(assessment.registrarId()), String.valueOf(assessment.payerId()),
                String.valueOf(registration.patientClass()), String.valueOf(registration.financialClass()), String.valueOf(assessment.serviceDate()));
    }

    private String details(List<Finding> findings) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (Finding finding : findings) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("ruleId", finding.ruleId());
            detail.put("severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT));
            detail.put("message", finding.message());
            detail.put("remediation", finding.remediation());
            detail.put("valuesSeen", finding.valuesSeen());
            details.add(detail);
        }
        try {
            return json.writeValueAsString(details);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer epochDay(java.time.LocalDate date) {
        return date == null ? null : Math.toIntExact(date.toEpochDay());
    }

    private static String oneLine(Address address) {
        if (address == null) {
            return null;
        }
        return Stream.of(address.line1(), address.line2(), address.city(), address.state(), address.postalCode())
                .filter(Objects::nonNull)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(", "));
    }
}

package io.admitto.jobs.kpi;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import io.admitto.jobs.quality.RegistrationQualityRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.admitto.jobs.kpi.KpiEvents.SERVICE_DAY;
import static io.admitto.jobs.kpi.KpiEvents.activeEligibility;
import static io.admitto.jobs.kpi.KpiEvents.acknowledgment;
import static io.admitto.jobs.kpi.KpiEvents.assessment;
import static io.admitto.jobs.kpi.KpiEvents.certified;
import static io.admitto.jobs.kpi.KpiEvents.flow;
import static io.admitto.jobs.kpi.KpiEvents.millis;
import static io.admitto.jobs.kpi.KpiEvents.payment;
import static io.admitto.jobs.kpi.KpiEvents.registration;
import static io.admitto.jobs.kpi.KpiEvents.remittance;
import static org.assertj.core.api.Assertions.assertThat;

class EncounterKpiFunctionTest {
    private static final Duration HORIZON = Duration.ofDays(30);

    private static final CanonicalEvent PRE_REGISTERED =
            registration(EventType.REGISTRATION_PRE_REGISTERED, "p1", "2026-02-25T11:00:00", "IMG", "AETNA");
    private static final CanonicalEvent ELIGIBLE = activeEligibility("e1", "2026-02-25T10:58:00", "AETNA", true);
    private static final CanonicalEvent AUTHORIZED = certified("a1", "2026-02-26T15:00:00");
    private static final CanonicalEvent ARRIVED = flow(EventType.FLOW_ARRIVED, "f1", "2026-03-02T08:45:00", "IMG");
    private static final CanonicalEvent COMPLETED = flow(EventType.FLOW_REGISTRATION_COMPLETED, "f2", "2026-03-02T08:52:30", "IMG");
    private static final CanonicalEvent REGISTERED = registration(EventType.REGISTRATION_REGISTERED, "r1", "2026-03-02T08:52:30", "IMG", "AETNA");
    private static final CanonicalEvent PAID = payment("pay1", "2026-03-02T08:54:00", "40.00");
    private static final CanonicalEvent SERVICE_STARTED = flow(EventType.FLOW_SERVICE_STARTED, "f3", "2026-03-02T09:05:00", "IMG");
    private static final CanonicalEvent ACCEPTED = acknowledgment("ack1", "2026-03-05T12:00:00", "A2");
    private static final CanonicalEvent DENIED = remittance("rem1", "2026-03-20T12:00:00", "1200.00", "CO-197", "CO-45");

    private static KeyedTwoInputStreamOperatorTestHarness<String, CanonicalEvent, RegistrationQualityRow, KpiDelta> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new EncounterKpiFunction(HORIZON),
                CanonicalEvent::encounterId, RegistrationQualityRow::encounterId, Types.STRING);
    }

    private static void send(KeyedTwoInputStreamOperatorTestHarness<String, CanonicalEvent, RegistrationQualityRow, KpiDelta> harness,
            List<CanonicalEvent> events) throws Exception {
        for (CanonicalEvent event : events) {
            harness.processElement1(event, event.eventTime().toInstant().toEpochMilli());
        }
    }

    /** The deltas summed per (day, facility, department, registrar, kpi) as "numerator/denominator", in hundredths; zero sums dropped. */
    private static Map<String, String> totals(List<KpiDelta> deltas) {
        Map<String, long[]> sums = new TreeMap<>();
        for (KpiDelta delta : deltas) {
            String kpi = delta.waitSample() ? "wait" : delta.kpi().columnValue();
            String key = String.join("|", String.valueOf(delta.kpiEpochDay() - SERVICE_DAY), delta.department(), delta.registrarId(), kpi);
            long[] sum = sums.computeIfAbsent(key, ignored -> new long[2]);
            sum[0] += delta.waitSample() ? Math.round(delta.waitSeconds()) : delta.numerator();
            sum[1] += delta.waitSample() ? 1 : delta.denominator();
        }
        Map<String, String> totals = new TreeMap<>();
        sums.forEach((key, sum) -> {
            if (sum[0] != 0 || sum[1] != 0) {
                totals.put(key, sum[0] + "/" + sum[1]);
            }
        });
        return totals;
    }

    private static final List<CanonicalEvent> VISIT = List.of(ELIGIBLE, PRE_REGISTERED, AUTHORIZED, ARRIVED, COMPLETED, REGISTERED, PAID,
            SERVICE_STARTED, ACCEPTED, DENIED);

    /** Keys are days after the service date | department | registrar | kpi. */
    private static final Map<String, String> VISIT_TOTALS = new TreeMap<>(Map.ofEntries(
            Map.entry("0|IMG||pre_registration_rate", "100/100"),
            Map.entry("0|IMG||insurance_verification_rate", "100/100"),
            Map.entry("0|IMG||service_authorization_rate_outpatient", "100/100"),
            Map.entry("0|IMG||pos_cash_collection_rate", "4000/4000"),
            Map.entry("0|IMG||wait", "450/1"),
            Map.entry("3|IMG||claim_rejection_rate", "0/100"),
            Map.entry("18|IMG||initial_denial_rate", "100/100"),
            Map.entry("18|IMG||initial_denial_rate_dollars", "120000/120000"),
            Map.entry("18|IMG||preventable_denial_share", "100/100")));

    @Test
    void aVisitAddsOneToEachDenominatorItBelongsToOnTheDayEachKpiIsAbout() throws Exception {
        try (var harness = harness()) {
            send(harness, VISIT);
            harness.processBothWatermarks(new Watermark(millis("2026-03-21T00:00:00")));

            assertThat(totals(harness.extractOutputValues())).isEqualTo(VISIT_TOTALS);
        }
    }

    @Test
    void theSameEventsInAnyOrderAddUpToTheSameKpis() throws Exception {
        List<CanonicalEvent> reversed = new ArrayList<>(VISIT);
        Collections.reverse(reversed);
        List<CanonicalEvent> shuffled = new ArrayList<>(VISIT);
        Collections.shuffle(shuffled, new java.util.Random(7));
        for (List<CanonicalEvent> order : List.of(reversed, shuffled)) {
            try (var harness = harness()) {
                send(harness, order);
                harness.processBothWatermarks(new Watermark(millis("2026-03-21T00:00:00")));

                assertThat(totals(harness.extractOutputValues())).as(order.toString()).isEqualTo(VISIT_TOTALS);
            }
        }
    }

    @Test
    void aRegistrationThatMovesDepartmentRetractsWhatItAddedToTheOldOne() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(REGISTERED));
            int before = harness.extractOutputValues().size();

            send(harness, List.of(registration(EventType.REGISTRATION_UPDATED, "u1", "2026-03-02T09:30:00", "CLIN", "AETNA")));

            List<KpiDelta> deltas = harness.extractOutputValues().subList(before, harness.extractOutputValues().size());
            assertThat(deltas).contains(
                    new KpiDelta(SERVICE_DAY, "F01", "IMG", "", Kpi.INSURANCE_VERIFICATION_RATE, 0, -100, Double.NaN),
                    new KpiDelta(SERVICE_DAY, "F01", "CLIN", "", Kpi.INSURANCE_VERIFICATION_RATE, 0, 100, Double.NaN));
            assertThat(totals(harness.extractOutputValues())).doesNotContainKey("0|IMG||insurance_verification_rate")
                    .containsEntry("0|CLIN||insurance_verification_rate", "0/100");
        }
    }

    @Test
    void aClaimSeenBeforeItsRegistrationCountsUnderUnknownUntilTheRegistrationArrives() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(DENIED));
            assertThat(totals(harness.extractOutputValues())).containsEntry("18|UNKNOWN||initial_denial_rate", "100/100");

            send(harness, List.of(REGISTERED));

            assertThat(totals(harness.extractOutputValues()))
                    .doesNotContainKey("18|UNKNOWN||initial_denial_rate")
                    .containsEntry("18|IMG||initial_denial_rate", "100/100");
        }
    }

    @Test
    void onlyTheFirstRemittanceOfAClaimIsItsInitialAdjudicationAndRepeatsCountOnce() throws Exception {
        try (var harness = harness()) {
            CanonicalEvent paidLater = remittance("rem2", "2026-04-10T12:00:00", "1200.00", "CO-45");
            send(harness, List.of(REGISTERED, paidLater, DENIED, DENIED, paidLater));

            assertThat(totals(harness.extractOutputValues()))
                    .containsEntry("18|IMG||initial_denial_rate", "100/100")
                    .doesNotContainKey("39|IMG||initial_denial_rate");
        }
    }

    @Test
    void errorAndAccuracyRatesFollowTheLatestAssessmentPerDepartmentAndPerRegistrar() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(REGISTERED));
            harness.processElement2(assessment(2, "2026-03-02T09:00:00", "IMG", "R002", 0, true), millis("2026-03-02T09:00:00"));
            harness.processElement2(assessment(1, "2026-03-02T08:52:30", "IMG", "R001", 3, false), millis("2026-03-02T08:52:30"));

            assertThat(totals(harness.extractOutputValues()))
                    .containsEntry("0|IMG||registration_error_rate", "0/100")
                    .containsEntry("0|IMG||registration_accuracy_rate", "100/100")
                    .containsEntry("0|IMG|R002|registration_accuracy_rate", "100/100")
                    .doesNotContainKey("0|IMG|R001|registration_accuracy_rate");
        }
    }

    @Test
    void aCancelledVisitStaysInThePreRegistrationRateAndLeavesTheOthers() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(PRE_REGISTERED, ELIGIBLE, REGISTERED,
                    registration(EventType.REGISTRATION_CANCELLED, "c1", "2026-03-02T10:00:00", "IMG", "AETNA")));

            assertThat(totals(harness.extractOutputValues())).isEqualTo(Map.of("0|IMG||pre_registration_rate", "100/100"));
        }
    }

    @Test
    void aPaymentAfterServiceStartIsNotAPointOfServiceCollection() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(REGISTERED, SERVICE_STARTED, PAID, payment("pay2", "2026-03-02T11:00:00", "60.00")));

            assertThat(totals(harness.extractOutputValues())).containsEntry("0|IMG||pos_cash_collection_rate", "4000/10000");
        }
    }

    @Test
    void theWaitLeavesOnceWhenEventTimePassesTheRegistrationEvenIfTheArrivalCameLast() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(COMPLETED, ARRIVED));
            harness.processBothWatermarks(new Watermark(millis("2026-03-02T08:52:29")));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processBothWatermarks(new Watermark(millis("2026-03-02T08:52:30")));
            send(harness, List.of(ARRIVED, COMPLETED));
            harness.processBothWatermarks(new Watermark(millis("2026-03-03T00:00:00")));

            assertThat(harness.extractOutputValues()).singleElement().satisfies(delta -> {
                assertThat(delta.waitSample()).isTrue();
                assertThat(delta.waitSeconds()).isEqualTo(450.0);
                assertThat(delta.department()).isEqualTo("IMG");
                assertThat(delta.kpiEpochDay()).isEqualTo(SERVICE_DAY);
            });
        }
    }

    @Test
    void anEncounterIsForgottenAHorizonAfterItsNewestEventWithoutRetractingItsKpis() throws Exception {
        try (var harness = harness()) {
            send(harness, List.of(REGISTERED, DENIED));
            long newest = DENIED.eventTime().toInstant().toEpochMilli();
            int deltas = harness.extractOutputValues().size();

            harness.processBothWatermarks(new Watermark(newest + HORIZON.toMillis() - 1));
            assertThat(harness.numKeyedStateEntries()).isPositive();
            harness.processBothWatermarks(new Watermark(newest + HORIZON.toMillis()));

            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.extractOutputValues()).hasSize(deltas);
        }
    }
}

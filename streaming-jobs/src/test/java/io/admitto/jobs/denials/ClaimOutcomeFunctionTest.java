package io.admitto.jobs.denials;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EventSource;
import io.admitto.events.EventType;
import io.admitto.jobs.testing.TestEvents;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimOutcomeFunctionTest {
    private static final String REGISTERED = "2026-03-02T08:00:00Z";
    private static final String REMITTED = "2026-03-20T14:00:00Z";

    private KeyedTwoInputStreamOperatorTestHarness<String, RegistrationContext, CanonicalEvent, DenialRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new ClaimOutcomeFunction(Duration.ofDays(30)),
                RegistrationContext::encounterId, CanonicalEvent::encounterId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void advanceTo(long eventTime) throws Exception {
        harness.processBothWatermarks(new Watermark(eventTime));
    }

    private static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    private static RegistrationContext context(int version, String time, String findings) {
        return new RegistrationContext("E1", version, at(time), "F01", "ED", "R007", findings);
    }

    /** A processed (CLP02 = 1) claim with an eligibility denial (CO-27) and a contractual write-down (CO-45). */
    private static ClaimRemittance remittance(String time) {
        return new ClaimRemittance(TestEvents.eventId("remit-" + time), EventType.CLAIM_REMITTANCE, OffsetDateTime.parse(time),
                new EventSource("test", "835"), "F01", CanonicalEvent.CURRENT_SCHEMA_VERSION, "E1", "CLM1", "AETNA", "PCN1", "1",
                new BigDecimal("500.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(new ClaimAdjustment("CO", "27", new BigDecimal("400.00"), null),
                        new ClaimAdjustment("CO", "45", new BigDecimal("100.00"), null)),
                List.of("N30"), List.of(), null, null);
    }

    @Test
    void aDenialCarriesTheFindingsOfTheLatestAssessmentBeforeTheClaim() throws Exception {
        harness.processElement1(context(1, REGISTERED, "ELIG-001=27/109"), at(REGISTERED));
        harness.processElement2(remittance(REMITTED), at(REMITTED));
        // an assessment after the claim must not count as having caught it
        harness.processElement1(context(2, "2026-03-21T00:00:00Z", "ELIG-001=27;ID-003=16"), at("2026-03-21T00:00:00Z"));
        advanceTo(at(REMITTED));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(denial -> {
            assertThat(denial.carc()).isEqualTo("27");
            assertThat(denial.amountCents()).isEqualTo(40_000);
            assertThat(denial.category()).isEqualTo("ELIGIBILITY");
            assertThat(denial.department()).isEqualTo("ED");
            assertThat(denial.findingsBeforeClaim()).isEqualTo("ELIG-001");
            assertThat(denial.predictedBy()).isEqualTo("ELIG-001");
            assertThat(denial.caughtByQa()).isTrue();
        });
    }

    @Test
    void aClaimReadBeforeItsRegistrationWaitsForEventTimeAndStillFindsIt() throws Exception {
        harness.processElement2(remittance(REMITTED), at(REMITTED));
        harness.processElement1(context(1, REGISTERED, ""), at(REGISTERED));
        advanceTo(at(REMITTED));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(denial -> {
            assertThat(denial.registrarId()).isEqualTo("R007");
            assertThat(denial.caughtByQa()).isFalse();
        });
    }

    @Test
    void everyRemittedClaimIsTalliedForThePatternsWithItsDenialsPerCategory() throws Exception {
        harness.processElement1(context(1, REGISTERED, ""), at(REGISTERED));
        harness.processElement2(remittance(REMITTED), at(REMITTED));
        advanceTo(at(REMITTED));

        assertThat(harness.getSideOutput(ClaimOutcomeFunction.TALLIES)).extracting(record -> record.getValue()).containsExactly(
                RemittanceTally.claim("F01", "AETNA", "ED", at(REMITTED), "CLM1"),
                new RemittanceTally("F01", "AETNA", "ED", at(REMITTED), "CLM1", "ELIGIBILITY", true, 1, 40_000));
    }

    @Test
    void stateIsDroppedOnceTheHorizonPassesTheNewestEvent() throws Exception {
        harness.processElement1(context(1, REGISTERED, ""), at(REGISTERED));
        harness.processElement2(remittance(REMITTED), at(REMITTED));
        advanceTo(at(REMITTED) + Duration.ofDays(30).toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}

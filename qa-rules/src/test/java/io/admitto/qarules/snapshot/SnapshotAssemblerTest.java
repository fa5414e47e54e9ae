package io.admitto.qarules.snapshot;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.CertificationAction;
import io.admitto.events.EventType;
import io.admitto.qarules.Scenario;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotAssemblerTest
{
    private final Scenario scenario = Scenario.commercialImaging();

    @Test
    void anyArrivalOrderGivesTheSameSnapshot()
    {
        scenario.payments.add(scenario.payment(new BigDecimal("30.00"), Scenario.cdt("2026-03-10T08:50:00")));
        scenario.authorizationDecisions.add(0, scenario.authorizationDecision(CertificationAction.PENDED, Scenario.cst("2026-02-21T09:00:00"), null, null, null));
        List<CanonicalEvent> events = scenario.events();
        RegistrationSnapshot inOrder = fold(events);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<CanonicalEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(fold(shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.authorizationDecisions()).singleElement().extracting(decision -> decision.action()).isEqualTo(CertificationAction.CERTIFIED_IN_TOTAL);
    }

    @Test
    void redeliveredEventsAreFoldedOnce()
    {
        scenario.payments.add(scenario.payment(new BigDecimal("30.00"), Scenario.cdt("2026-03-10T08:50:00")));
        List<CanonicalEvent> events = new ArrayList<>(scenario.events());
        events.addAll(scenario.events().subList(0, 0));
        RegistrationSnapshot once = fold(events);
        events.addAll(List.copyOf(events));
        assertThat(fold(events)).isEqualTo(once);
        assertThat(once.payments()).hasSize(1);
    }

    @Test
    void findingsAreAttributedToTheRegistrarAtTheDeskNotThePreAccessClerk()
    {
        RegistrationSnapshot snapshot = scenario.snapshot();
        assertThat(snapshot.registrarId()).isEqualTo("R017");
        assertThat(snapshot.preRegisteredAt()).isEqualTo(scenario.preRegisteredAt);
        scenario.asOf = Scenario.cst("2026-03-05T00:00:00").toInstant();
        assertThat(scenario.snapshot().registrarId()).isEqualTo("P003");
        assertThat(scenario.snapshot().registered()).isFalse();
    }

    @Test
    void dischargeWithoutOperatorKeepsTheAdmittingRegistrar()
    {
        List<CanonicalEvent> events = new ArrayList<>(scenario.events());
        events.add(scenario.registrationEvent(EventType.REGISTRATION_DISCHARGED, Scenario.cdt("2026-03-12T12:00:00"), null));
        RegistrationSnapshot snapshot = fold(events);
        assertThat(snapshot.registration().eventType()).isEqualTo(EventType.REGISTRATION_DISCHARGED);
        assertThat(snapshot.registrarId()).isEqualTo("R017");
    }

    @Test
    void eventsAfterTheInstantAreNotKnownYet()
    {
        Instant before = Scenario.cdt("2026-03-10T08:50:00").toInstant();
        RegistrationSnapshot snapshot = SnapshotAssembler.assemble("F01-E0000001", scenario.events(), before);
        assertThat(snapshot.asOf()).isEqualTo(before);
        assertThat(snapshot.flow().serviceStartedAt()).isNull();
        assertThat(snapshot.flow().arrivedAt()).isEqualTo(scenario.arrivedAt);
    }

    @Test
    void latestEligibilityPerPayerWins()
    {
        scenario.eligibility.add(scenario.eligibility("BPR01", "BPX123456789", Scenario.cst("2026-03-01T10:00:00"), io.admitto.events.CoverageStatus.INACTIVE,
                List.of(), LocalDate.of(2023, 12, 1), LocalDate.of(2026, 2, 28), null, false));
        assertThat(scenario.snapshot().eligibilityFrom("BPR01").coverageStatus()).isEqualTo(io.admitto.events.CoverageStatus.ACTIVE);
    }

    @Test
    void eventsOfAnotherEncounterAreRejected()
    {
        CanonicalEvent other = scenario.events().get(0);
        assertThatThrownBy(() -> SnapshotAssembler.add(RegistrationSnapshot.empty("F01-E9999999"), other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("F01-E9999999");
    }

    private static RegistrationSnapshot fold(List<CanonicalEvent> events)
    {
        RegistrationSnapshot snapshot = RegistrationSnapshot.empty("F01-E0000001");
        for (CanonicalEvent event : events) {
            snapshot = SnapshotAssembler.add(snapshot, event);
        }
        return snapshot;
    }
}

package io.admitto.qarules.financial;

import io.admitto.events.CoverageStatus;
import io.admitto.events.Guarantor;
import io.admitto.events.PersonName;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FinancialRulesTest
{
    private final Scenario scenario = Scenario.medicareImaging();

    @Nested
    class GuarantorRules
    {
        @Test
        void missingGuarantorFails()
        {
            scenario.guarantor = null;
            assertThat(scenario.findings("GUA-001")).hasSize(1);
        }

        @Test
        void minorPatientAsOwnGuarantorFails()
        {
            scenario.birthDate = LocalDate.of(2010, 6, 1);
            scenario.guarantor = new Guarantor(scenario.name, scenario.birthDate, "self", scenario.address, scenario.phone);
            assertThat(scenario.findings("GUA-002")).singleElement().extracting(Finding::message).asString().contains("15 years old");
        }

        @Test
        void guarantorTurningEighteenOnTheServiceDatePasses()
        {
            scenario.guarantor = new Guarantor(new PersonName("RIVERA", "LUIS", null), LocalDate.of(2008, 3, 10), "child", scenario.address, scenario.phone);
            assertThat(scenario.findings("GUA-002")).isEmpty();
        }

        @Test
        void parentGuarantorOfAMinorPasses()
        {
            scenario.birthDate = LocalDate.of(2015, 6, 1);
            scenario.guarantor = new Guarantor(new PersonName("RIVERA", "LUIS", null), LocalDate.of(1985, 2, 2), "child", scenario.address, scenario.phone);
            assertThat(scenario.findings("GUA-002")).isEmpty();
            assertThat(scenario.findings("GUA-003")).isEmpty();
        }

        @Test
        void selfGuarantorWithAnotherBirthDateFails()
        {
            scenario.guarantor = new Guarantor(scenario.name, LocalDate.of(1950, 12, 4), "self", scenario.address, scenario.phone);
            assertThat(scenario.findings("GUA-003")).singleElement().extracting(Finding::fieldPath).isEqualTo("guarantor.birthDate");
        }
    }

    @Nested
    class Collection
    {
        @Test
        void knownCopayNotCollectedIsAWarningOnceThePatientHasLeft()
        {
            Scenario commercial = Scenario.commercialImaging();
            commercial.eligibility.set(0, Scenario.withAuthorizationRequired(commercial.eligibility("BPR01", "BPX123456789", Scenario.cst("2026-03-04T10:50:00"),
                    CoverageStatus.ACTIVE, List.of(), LocalDate.of(2023, 12, 1), null, new BigDecimal("100.00"), false), true));
            assertThat(commercial.findings("FIN-001")).singleElement().extracting(Finding::message).asString().contains("$100.00");
            commercial.asOf = Scenario.cdt("2026-03-10T09:30:00").toInstant();
            assertThat(commercial.findings("FIN-001")).as("still in the building").isEmpty();
        }

        @Test
        void collectedCopayPasses()
        {
            Scenario commercial = Scenario.commercialImaging();
            commercial.eligibility.set(0, commercial.eligibility("BPR01", "BPX123456789", Scenario.cst("2026-03-04T10:50:00"),
                    CoverageStatus.ACTIVE, List.of(), LocalDate.of(2023, 12, 1), null, new BigDecimal("100.00"), false));
            commercial.payments.add(commercial.payment(new BigDecimal("100.00"), Scenario.cdt("2026-03-10T08:50:00")));
            assertThat(commercial.findings("FIN-001")).isEmpty();
        }

        @Test
        void emergencyVisitsAreExcluded()
        {
            Scenario emergency = Scenario.emergencyVisit();
            emergency.payments.clear();
            emergency.eligibility.set(0, emergency.eligibility("BPR01", "BPX123456789", Scenario.cdt("2026-03-10T22:20:00"),
                    CoverageStatus.ACTIVE, List.of(), LocalDate.of(2023, 12, 1), null, new BigDecimal("250.00"), false));
            assertThat(emergency.findings("FIN-001")).isEmpty();
        }

        @Test
        void uninsuredWithoutCounsellingIsAWarning()
        {
            Scenario selfPay = Scenario.selfPayClinic();
            selfPay.financialResponsibilityAt = null;
            assertThat(selfPay.findings("FIN-002")).hasSize(1);
            assertThat(scenario.findings("FIN-002")).as("insured").isEmpty();
        }
    }

    @Nested
    class Timeliness
    {
        @Test
        void bookedServiceRegisteredWithoutPreRegistrationIsAWarning()
        {
            scenario.preRegisteredAt = null;
            assertThat(scenario.findings("TML-001")).hasSize(1);
        }

        @Test
        void preRegisteringOnTheServiceDayIsTooLate()
        {
            scenario.preRegisteredAt = Scenario.cdt("2026-03-10T07:00:00");
            assertThat(scenario.findings("TML-001")).hasSize(1);
        }

        @Test
        void sameDayBookingsAreNotCounted()
        {
            scenario.preRegisteredAt = null;
            scenario.scheduledAt = Scenario.cdt("2026-03-10T06:00:00");
            assertThat(scenario.findings("TML-001")).isEmpty();
        }

        @Test
        void registrationAfterTheServiceStartedIsAWarning()
        {
            scenario.registeredAt = Scenario.cdt("2026-03-10T09:05:00");
            assertThat(scenario.findings("TML-002")).hasSize(1);
        }
    }
}

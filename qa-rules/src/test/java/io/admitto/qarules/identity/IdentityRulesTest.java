package io.admitto.qarules.identity;

import io.admitto.events.PersonName;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.Severity;
import io.admitto.qarules.snapshot.IdentityMatch;
import io.admitto.events.Address;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRulesTest
{
    private final Scenario scenario = Scenario.medicareImaging();

    @Nested
    class NameMissing
    {
        @Test
        void passesWithFamilyAndGivenName()
        {
            assertThat(scenario.findings("ID-001")).isEmpty();
        }

        @Test
        void failsWithoutGivenName()
        {
            scenario.name = new PersonName("RIVERA", null, null);
            assertThat(scenario.findings("ID-001")).singleElement()
                    .satisfies(finding -> assertThat(finding.valuesSeen()).contains("patient.name.given = (absent)"));
        }

        @Test
        void blankFamilyNameIsReportedAsEmptyNotAbsent()
        {
            scenario.name = new PersonName("  ", "ANA", null);
            assertThat(scenario.findings("ID-001")).singleElement()
                    .satisfies(finding -> assertThat(finding.valuesSeen()).contains("patient.name.family = (empty)"));
        }
    }

    @Nested
    class BirthDate
    {
        @Test
        void missingBirthDateIsAnError()
        {
            scenario.birthDate = null;
            assertThat(scenario.findings("ID-002")).singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
            assertThat(scenario.findings("ID-003")).isEmpty();
        }

        @Test
        void birthDateAfterServicePredictsCarc14()
        {
            scenario.birthDate = LocalDate.of(2026, 3, 11);
            assertThat(scenario.findings("ID-003")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("14");
        }

        @Test
        void newbornBornOnTheServiceDayPasses()
        {
            scenario.birthDate = LocalDate.of(2026, 3, 10);
            assertThat(scenario.findings("ID-003")).isEmpty();
        }

        @Test
        void serviceDateIsTheFacilitysLocalDateNotUtc()
        {
            // 23:30 in Chicago on March 9 is March 10 in UTC: a patient born March 10 is not yet born on the service date
            scenario.scheduledFor = Scenario.cdt("2026-03-09T23:30:00");
            scenario.serviceStartedAt = scenario.scheduledFor;
            scenario.birthDate = LocalDate.of(2026, 3, 10);
            assertThat(scenario.findings("ID-003")).hasSize(1);
        }
    }

    @Nested
    class DeathDate
    {
        @Test
        void deathBeforeServiceFails()
        {
            scenario.deathDate = LocalDate.of(2026, 3, 1);
            assertThat(scenario.findings("ID-004")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("13");
        }

        @Test
        void deathOnTheServiceDatePasses()
        {
            scenario.deathDate = LocalDate.of(2026, 3, 10);
            assertThat(scenario.findings("ID-004")).isEmpty();
        }
    }

    @Nested
    class Sex
    {
        @ParameterizedTest
        @ValueSource(strings = {"F", "M", "U", "X"})
        void hl7CodesPass(String code)
        {
            scenario.sex = code;
            assertThat(scenario.findings("ID-005")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"female", "", "Q"})
        void otherValuesFail(String code)
        {
            scenario.sex = code;
            assertThat(scenario.findings("ID-005")).hasSize(1);
        }

        @Test
        void missingSexFails()
        {
            scenario.sex = null;
            assertThat(scenario.findings("ID-005")).singleElement().extracting(Finding::message).asString().contains("missing");
        }

        @Test
        void screeningMammographyForAMaleIsAWarning()
        {
            scenario.serviceCode = "77067";
            scenario.diagnoses.set(0, new io.admitto.events.Diagnosis("Z12.31", "ICD-10-CM", 1));
            scenario.sex = "M";
            assertThat(scenario.findings("ID-006")).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
            scenario.sex = "F";
            assertThat(scenario.findings("ID-006")).isEmpty();
        }

        @Test
        void servicesWithoutASexEditPassForAnySex()
        {
            scenario.sex = "M";
            assertThat(scenario.findings("ID-006")).isEmpty();
        }
    }

    @Nested
    class Age
    {
        @Test
        void preventiveVisitForAges40To64FailsAt39AndPassesAt40()
        {
            scenario.serviceCode = "99396";
            scenario.diagnoses.set(0, new io.admitto.events.Diagnosis("Z00.00", "ICD-10-CM", 1));
            scenario.birthDate = LocalDate.of(1986, 3, 11); // 39 on 2026-03-10, 40 the next day
            assertThat(scenario.findings("ID-007")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("6");
            scenario.birthDate = LocalDate.of(1986, 3, 10);
            assertThat(scenario.findings("ID-007")).isEmpty();
        }

        @Test
        void unknownBirthDateIsNotAnAgeFinding()
        {
            scenario.serviceCode = "99396";
            scenario.birthDate = null;
            assertThat(scenario.findings("ID-007")).isEmpty();
        }
    }

    @Nested
    class Ssn
    {
        @ParameterizedTest
        @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000", "123-45-678", "12-345-6789", "12345678a"})
        void malformedNumbersFail(String ssn)
        {
            scenario.ssn = ssn;
            assertThat(scenario.findings("ID-008")).singleElement().extracting(Finding::fieldPath).isEqualTo("patient.ssn");
        }

        @ParameterizedTest
        @ValueSource(strings = {"123-45-6789", "899-99-9999", "123456789"})
        void wellFormedNumbersPass(String ssn)
        {
            scenario.ssn = ssn;
            assertThat(scenario.findings("ID-008")).isEmpty();
        }

        @Test
        void anSsnIsOptionalSoAbsentAndBlankPass()
        {
            scenario.ssn = null;
            assertThat(scenario.findings("ID-008")).isEmpty();
            scenario.ssn = "";
            assertThat(scenario.findings("ID-008")).isEmpty();
        }
    }

    @Nested
    class Phone
    {
        @Test
        void missingAndEmptyAreToldApart()
        {
            scenario.phone = null;
            assertThat(scenario.findings("ID-009")).singleElement().extracting(Finding::message).asString().contains("missing");
            scenario.phone = " ";
            assertThat(scenario.findings("ID-009")).singleElement().extracting(Finding::message).asString().contains("empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"(217) 555-0142", "+1 217 555 0142", "2175550142"})
        void formattedNumbersPass(String phone)
        {
            scenario.phone = phone;
            assertThat(scenario.findings("ID-009")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"555-0142", "117-555-0142", "217-155-0142", "217-555-01420", "217-555-O142"})
        void invalidNumbersFail(String phone)
        {
            scenario.phone = phone;
            assertThat(scenario.findings("ID-009")).hasSize(1);
        }
    }

    @Nested
    class AddressRule
    {
        @Test
        void missingAddressFails()
        {
            scenario.address = null;
            assertThat(scenario.findings("ID-010")).hasSize(1);
        }

        @Test
        void zipPlusFourPassesAndFourDigitZipFails()
        {
            scenario.address = new Address("12 Elm St", null, "Springfield", "IL", "62701-1234", "US");
            assertThat(scenario.findings("ID-010")).isEmpty();
            scenario.address = new Address("12 Elm St", null, "Springfield", "IL", "6270", "US");
            assertThat(scenario.findings("ID-010")).singleElement().extracting(Finding::message).asString().contains("ZIP");
        }

        @Test
        void blankCityFails()
        {
            scenario.address = new Address("12 Elm St", null, "", "IL", "62701", "US");
            assertThat(scenario.findings("ID-010")).singleElement().extracting(Finding::message).asString().contains("city");
        }
    }

    @Nested
    class Duplicate
    {
        @Test
        void anotherMrnWithTheSameNameAndBirthDateIsSuspect()
        {
            scenario.identityMatches.add(new IdentityMatch("555000111", "F01-E0000000", Instant.parse("2026-01-02T10:00:00Z")));
            assertThat(scenario.findings("ID-011")).singleElement()
                    .satisfies(finding -> assertThat(finding.message()).contains("555000111"));
        }

        @Test
        void theSameMrnIsNotADuplicate()
        {
            scenario.identityMatches.add(new IdentityMatch(scenario.mrn, "F01-E0000000", Instant.parse("2026-01-02T10:00:00Z")));
            assertThat(scenario.findings("ID-011")).isEmpty();
        }

        @Test
        void isMarkedHeuristic()
        {
            assertThat(IdentityRules.POSSIBLE_DUPLICATE.descriptor().deterministic()).isFalse();
        }
    }

    @Nested
    class Mrn
    {
        @Test
        void missingMrnFails()
        {
            scenario.mrn = null;
            assertThat(scenario.findings("ID-012")).hasSize(1);
        }

        @Test
        void presentMrnPasses()
        {
            assertThat(scenario.findings("ID-012")).isEmpty();
        }
    }
}

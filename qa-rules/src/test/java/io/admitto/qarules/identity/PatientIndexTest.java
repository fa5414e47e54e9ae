package io.admitto.qarules.identity;

import io.admitto.events.Patient;
import io.admitto.events.PersonName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatientIndexTest
{
    private static final Instant JAN = Instant.parse("2026-01-05T15:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-05T15:00:00Z");

    private final PatientIndex index = new PatientIndex();

    @Test
    void theLaterRecordOfTheSamePersonMatchesTheEarlierOne()
    {
        index.record("F01", patient("111", "Rivera", "Ana"), "E1", JAN);
        index.record("F01", patient("222", "RIVERA", " ANA "), "E2", MAR);
        assertThat(index.matches("F01", patient("222", "RIVERA", "ANA"))).singleElement().satisfies(match -> assertThat(match.mrn()).isEqualTo("111"));
        // the established record is not suspect
        assertThat(index.matches("F01", patient("111", "RIVERA", "ANA"))).isEmpty();
    }

    @Test
    void anotherFacilityOrAnotherBirthDateIsNotAMatch()
    {
        index.record("F02", patient("111", "RIVERA", "ANA"), "E1", JAN);
        index.record("F01", new Patient("333", List.of(), new PersonName("RIVERA", "ANA", null), LocalDate.of(1950, 4, 13), "F", null, null, null, null), "E3", JAN);
        index.record("F01", patient("222", "RIVERA", "ANA"), "E2", MAR);
        assertThat(index.matches("F01", patient("222", "RIVERA", "ANA"))).isEmpty();
    }

    @Test
    void aRecordIsDatedByItsEarliestSightingWhateverTheOrder()
    {
        index.record("F01", patient("222", "RIVERA", "ANA"), "E2", MAR);
        index.record("F01", patient("111", "RIVERA", "ANA"), "E1", MAR.plusSeconds(60));
        index.record("F01", patient("111", "RIVERA", "ANA"), "E0", JAN);
        assertThat(index.matches("F01", patient("222", "RIVERA", "ANA"))).extracting(match -> match.encounterId()).containsExactly("E0");
    }

    private static Patient patient(String mrn, String family, String given)
    {
        return new Patient(mrn, List.of(), new PersonName(family, given, null), LocalDate.of(1950, 4, 12), "F", null, null, null, null);
    }
}

package io.admitto.ingest.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The identifier formats and calendars the generated data follows. */
class SyntheticDataFormatsTest
{
    @Test
    void medicareBeneficiaryIdentifiersFollowTheCmsPattern()
    {
        assertThat(MemberIdFormat.MBI.matches("1EG4TE5MK73")).isTrue();
        // S, L, O, I, B and Z are never used; position 1 is never 0
        assertThat(MemberIdFormat.MBI.matches("1SG4TE5MK73")).isFalse();
        assertThat(MemberIdFormat.MBI.matches("0EG4TE5MK73")).isFalse();
        assertThat(MemberIdFormat.MBI.matches("1EG4-TE5-MK73")).isFalse();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++) {
            String mbi = MemberIdFormat.MBI.generate(random);
            assertThat(mbi).hasSize(11).doesNotContainPattern("[SLOIBZ]").matches(MemberIdFormat.MBI.pattern());
        }
    }

    @Test
    void everyFormatGeneratesWhatItAccepts()
    {
        SplittableRandom random = new SplittableRandom(2);
        for (MemberIdFormat format : MemberIdFormat.values()) {
            for (int i = 0; i < 200; i++) {
                String id = format.generate(random);
                assertThat(format.matches(id)).as(format + " " + id).isTrue();
                assertThat(format.matches(format.forDependent(id, 3))).isTrue();
            }
        }
    }

    @Test
    void aMistypedMemberIdIsNeverTheOriginal()
    {
        SplittableRandom random = new SplittableRandom(3);
        int wellFormed = 0;
        for (int i = 0; i < 2_000; i++) {
            String id = MemberIdFormat.MBI.generate(random);
            String typo = MemberIdFormat.mistype(id, random);
            assertThat(typo).isNotEqualTo(id);
            wellFormed += MemberIdFormat.MBI.matches(typo) ? 1 : 0;
        }
        // some typos only the payer can catch, others a format check catches
        assertThat(wellFormed).isBetween(200, 1_800);
    }

    @Test
    void npiCheckDigitIsTheLuhnDigitOverThe80840Prefix()
    {
        // the example in the CMS NPI check-digit guidance: 123456789 -> 3
        assertThat(Physician.npiCheckDigit("123456789")).isEqualTo(3);
    }

    @Test
    void businessDaysCountForwardFromTheBookingDay()
    {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(BusinessDays.between(monday, monday.plusDays(3))).isEqualTo(3);
        assertThat(BusinessDays.between(monday.plusDays(4), monday.plusDays(7))).as("Friday to Monday").isEqualTo(1);
        assertThat(BusinessDays.plus(monday.plusDays(4), 1)).isEqualTo(monday.plusDays(7));
        assertThat(BusinessDays.goodFaithEstimateDeadline(monday, monday.plusDays(2))).isNull();
        assertThat(BusinessDays.goodFaithEstimateDeadline(monday, monday.plusDays(3))).isEqualTo(monday.plusDays(1));
        assertThat(BusinessDays.goodFaithEstimateDeadline(monday, monday.plusDays(14))).isEqualTo(monday.plusDays(3));
        assertThat(BusinessDays.goodFaithEstimateDeadline(monday, monday.plusDays(14)))
                .isEqualTo(Registrations.estimateDeadline(monday, monday.plusDays(14)));
    }

    @Test
    void encounterIdsArePaddedToSevenDigits()
    {
        assertThat(EncounterPlanner.encounterId("F01", 123)).isEqualTo("F01-E0000123");
        assertThat(EncounterPlanner.encounterId("F12", 9_999_999)).isEqualTo("F12-E9999999");
    }
}

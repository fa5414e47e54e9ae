package io.admitto.ingest.generator;

import io.admitto.events.Address;
import io.admitto.events.PersonName;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * One member of the synthetic population as the health system knows them, before any registrar
 * touches the record: demographics and the coverage they really have.
 *
 * @param number unique across the run's population; MRNs derive from it
 * @param ssn null when the patient did not give one
 * @param memberId the ID on the card of {@code payer}; null for self-pay
 * @param medicareId the MBI of a Medicare Advantage member (their plan card shows another ID)
 * @param medicaidId the state Medicaid ID of a managed-Medicaid member
 * @param relationship to the subscriber: self, spouse or child
 * @param guardianName the parent of a minor (guarantor and, on commercial plans, subscriber); null for adults
 * @param annualDeductibleSpent fraction of the annual deductible this patient has met by year end, 0..1+
 */
record SyntheticPerson(
        long number,
        PersonName name,
        LocalDate birthDate,
        String sex,
        String ssn,
        Address address,
        String phone,
        Payer payer,
        String memberId,
        String medicareId,
        String medicaidId,
        String groupNumber,
        LocalDate coverageStart,
        PersonName subscriberName,
        LocalDate subscriberBirthDate,
        String relationship,
        PersonName guardianName,
        LocalDate guardianBirthDate,
        double annualDeductibleSpent)
{
    SyntheticPerson
    {
        requireNonNull(name, "name is null");
        requireNonNull(birthDate, "birthDate is null");
        requireNonNull(payer, "payer is null");
    }

    boolean minor(LocalDate on)
    {
        return birthDate.plusYears(18).isAfter(on);
    }
}

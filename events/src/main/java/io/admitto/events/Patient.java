package io.admitto.events;

import java.time.LocalDate;
import java.util.List;

/**
 * The patient's demographics as registered. This is PHI: it travels on Kafka between trusted
 * services but never reaches an analytic table (see docs/architecture.md, PHI).
 *
 * @param mrn the facility's medical record number (PID-3, type MR)
 * @param sex administrative sex code, HL7 table 0001 (F, M, U, O...)
 * @param ssn social security number as entered; may be null (not given) or malformed (a QA finding)
 * @param deathDate null while alive
 */
public record Patient(
        String mrn,
        List<PatientIdentifier> identifiers,
        PersonName name,
        LocalDate birthDate,
        String sex,
        String ssn,
        Address address,
        String phone,
        LocalDate deathDate) {
    public Patient {
        identifiers = EventChecks.listOf(identifiers);
    }
}

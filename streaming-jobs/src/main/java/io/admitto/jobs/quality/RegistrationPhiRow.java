package io.admitto.jobs.quality;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the restricted {@code registration_phi}; the birth date travels as an epoch day (see {@link RegistrationQualityRow}). */
public record RegistrationPhiRow(
        String encounterId,
        int version,
        Instant assessedAt,
        String facilityId,
        String mrn,
        String patientKey,
        String familyName,
        String givenName,
        Integer birthEpochDay,
        String sex,
        String ssn,
        String phone,
        String address,
        String memberId,
        String findingsDetail) {

    public Object[] columnValues() {
        return new Object[] {encounterId, version, assessedAt, facilityId, mrn, patientKey, familyName, givenName,
                birthEpochDay == null ? null : LocalDate.ofEpochDay(birthEpochDay),
                sex, ssn, phone, address, memberId, findingsDetail};
    }
}

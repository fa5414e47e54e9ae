package io.admitto.jobs.quality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code registration_quality}. Dates travel as epoch days: Flink has no serializer of its
 * own for {@link LocalDate} fields and the jobs refuse Kryo.
 */
public record RegistrationQualityRow(
        String encounterId,
        int version,
        Instant assessedAt,
        String facilityId,
        String department,
        String registrarId,
        String patientClass,
        String payerId,
        String financialClass,
        Integer serviceEpochDay,
        String patientKey,
        int score,
        String grade,
        boolean clean,
        int criticalCount,
        int errorCount,
        int warningCount) {

    public Object[] columnValues() {
        return new Object[] {encounterId, version, assessedAt, facilityId, department, registrarId, patientClass, payerId,
                financialClass, serviceEpochDay == null ? null : LocalDate.ofEpochDay(serviceEpochDay), patientKey, score, grade, clean, criticalCount, errorCount, warningCount};
    }
}

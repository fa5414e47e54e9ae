package io.admitto.jobs.quality;

import java.time.Instant;

/** One row of {@code registration_findings}. */
public record RegistrationFindingRow(
        String encounterId,
        int version,
        Instant assessedAt,
        String facilityId,
        String registrarId,
        String ruleId,
        String category,
        String severity,
        String fieldPath,
        String predictedCarcs) {

    public Object[] columnValues() {
        return new Object[] {encounterId, version, assessedAt, facilityId, registrarId, ruleId, category, severity, fieldPath, predictedCarcs};
    }
}

package io.admitto.api.queue;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The current assessment of a registration with findings, as the warehouse holds it. */
record FlaggedRegistration(
        String encounterId,
        int version,
        String facilityId,
        String department,
        String registrarId,
        String payerId,
        LocalDate serviceDate,
        int critical,
        int errors,
        int warnings,
        int score,
        String grade,
        BigDecimal predictedDenialDollars) {}

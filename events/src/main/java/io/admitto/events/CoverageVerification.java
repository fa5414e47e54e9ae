package io.admitto.events;

import java.time.OffsetDateTime;

/**
 * What the registrar recorded about verifying this coverage (IN1-29/30/45).
 *
 * @param status {@code verified}, {@code unverified}, {@code failed}
 */
public record CoverageVerification(String status, OffsetDateTime verifiedAt, String verifiedBy) {}

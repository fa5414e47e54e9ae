package io.admitto.events;

import java.time.OffsetDateTime;

/**
 * The service the encounter is for.
 *
 * @param code CPT or HCPCS code
 * @param codeSystem {@code CPT} or {@code HCPCS}
 * @param scheduledFor when the service is to be performed; for walk-ins, the arrival time
 * @param scheduledAt when the appointment was booked; null for walk-ins and emergencies
 * @param units units of service requested
 */
public record ScheduledService(
        String code,
        String codeSystem,
        String description,
        OffsetDateTime scheduledFor,
        OffsetDateTime scheduledAt,
        int units) {}

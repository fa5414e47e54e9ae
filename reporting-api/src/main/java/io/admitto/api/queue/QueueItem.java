package io.admitto.api.queue;

import java.math.BigDecimal;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * A flagged registration in the work queue: no PHI, only what ranks and routes it.
 *
 * @param status open (nobody holds it), claimed, or decided (its latest decision is on the current assessment)
 * @param assignee who claimed it; null when nobody has
 * @param decision the latest decision's wire name; null before the first
 */
public record QueueItem(
        String encounterId,
        int assessmentVersion,
        String facilityId,
        String department,
        String registrarId,
        String payerId,
        LocalDate serviceDate,
        Long daysUntilService,
        int critical,
        int errors,
        int warnings,
        int score,
        BigDecimal predictedDenialDollars,
        double priority,
        String status,
        String assignee,
        String decision,
        int revision)
{
    public QueueItem
    {
        requireNonNull(encounterId, "encounterId is null");
        requireNonNull(status, "status is null");
    }
}

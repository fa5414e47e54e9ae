package io.admitto.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;

/**
 * A patient payment taken at or before service (co-pay, deductible, deposit). {@code eventTime} is
 * when it was collected — in the ED, before the medical screening exam, that is an EMTALA violation.
 *
 * @param expectedPatientResponsibility what the estimate said the patient owes for the visit
 * @param collectedBy the registrar or cashier
 */
public record PointOfServicePayment(
        UUID eventId,
        EventType eventType,
        OffsetDateTime eventTime,
        EventSource source,
        String facilityId,
        int schemaVersion,
        String encounterId,
        BigDecimal amount,
        BigDecimal expectedPatientResponsibility,
        PaymentMethod method,
        String collectedBy) implements CanonicalEvent {

    public PointOfServicePayment {
        EventChecks.checkEnvelope(eventId, eventType, eventTime, source, facilityId, encounterId,
                EnumSet.of(EventType.PAYMENT_COLLECTED));
        java.util.Objects.requireNonNull(amount, "amount is null");
    }
}

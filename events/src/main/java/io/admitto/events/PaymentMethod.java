package io.admitto.events;

/** How a point-of-service payment was made. */
public enum PaymentMethod {
    CASH,
    CARD,
    CHECK,
    HSA,
    ONLINE
}

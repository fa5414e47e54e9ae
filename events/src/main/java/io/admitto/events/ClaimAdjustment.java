package io.admitto.events;

import java.math.BigDecimal;

/**
 * One CAS adjustment: group (CO, PR, OA, PI, CR), claim adjustment reason code (CARC) and amount.
 * Denials are read from these, not from CLP02.
 */
public record ClaimAdjustment(String groupCode, String reasonCode, BigDecimal amount, BigDecimal quantity) {}

package io.admitto.events;

import java.time.LocalDate;

/**
 * The insured person (IN1-16..19): the patient for "self", a parent or spouse for dependents.
 *
 * @param relationship patient's relationship to the subscriber: {@code self}, {@code spouse},
 *        {@code child}, {@code other} (HL7 table 0063 mapped)
 */
public record Subscriber(PersonName name, LocalDate birthDate, String relationship) {}

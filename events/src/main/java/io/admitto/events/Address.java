package io.admitto.events;

/** A postal address (HL7 XAD). */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {}

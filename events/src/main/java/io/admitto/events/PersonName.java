package io.admitto.events;

/** A person's legal name as registered (HL7 XPN: family, given, middle). Parts may be null when not captured. */
public record PersonName(String family, String given, String middle) {}

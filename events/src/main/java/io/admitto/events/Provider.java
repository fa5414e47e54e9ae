package io.admitto.events;

/** A clinician by NPI; {@code orderOnFileAt} is when the signed order reached registration (null: no order). */
public record Provider(String npi, PersonName name, java.time.OffsetDateTime orderOnFileAt) {}

package io.admitto.events;

/** A diagnosis code (ICD-10-CM) on the encounter; {@code rank} 1 is the principal/admitting diagnosis. */
public record Diagnosis(String code, String codeSystem, int rank) {}

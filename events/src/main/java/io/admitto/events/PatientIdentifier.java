package io.admitto.events;

/**
 * One identifier of the patient (HL7 PID-3 repetition): the value, its type code (MR medical record,
 * PI patient internal, SS social security, MB member, PT patient external...) and who assigned it.
 */
public record PatientIdentifier(String value, String type, String assigningAuthority) {}

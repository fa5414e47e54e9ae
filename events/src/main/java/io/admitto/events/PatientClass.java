package io.admitto.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** HL7 PV1-2 patient class, as the codes registrars and interfaces use. */
public enum PatientClass {
    EMERGENCY("E"),
    INPATIENT("I"),
    OUTPATIENT("O"),
    PREADMIT("P"),
    RECURRING("R"),
    OBSERVATION("B"),
    UNKNOWN("U");

    private final String hl7Code;

    PatientClass(String hl7Code) {
        this.hl7Code = hl7Code;
    }

    @JsonValue
    public String hl7Code() {
        return hl7Code;
    }

    @JsonCreator
    public static PatientClass fromHl7Code(String code) {
        for (PatientClass value : values()) {
            if (value.hl7Code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown patient class (PV1-2): " + code);
    }
}

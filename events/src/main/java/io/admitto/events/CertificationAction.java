package io.admitto.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** X12 278 HCR01 action code: the payer's decision on a service review. */
public enum CertificationAction {
    CERTIFIED_IN_TOTAL("A1"),
    CERTIFIED_PARTIAL("A2"),
    NOT_CERTIFIED("A3"),
    PENDED("A4"),
    MODIFIED("A6"),
    CANCELLED("C"),
    CONTACT_PAYER("CT"),
    NO_ACTION_REQUIRED("NA");

    private final String code;

    CertificationAction(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** A1, A2 and A6 authorize at least part of the service. */
    public boolean authorizes() {
        return this == CERTIFIED_IN_TOTAL || this == CERTIFIED_PARTIAL || this == MODIFIED;
    }

    @JsonCreator
    public static CertificationAction fromCode(String code) {
        for (CertificationAction value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown HCR01 action code: " + code);
    }
}

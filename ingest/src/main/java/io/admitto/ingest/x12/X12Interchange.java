package io.admitto.ingest.x12;

import static java.util.Objects.requireNonNull;

/**
 * The ISA header of an interchange: who sent it to whom, when, and its control number (ISA13).
 * Identifiers are trimmed of the ISA's fixed-width padding.
 *
 * @param date ISA09 YYMMDD
 * @param time ISA10 HHMM
 * @param usage ISA15: P production, T test
 */
public record X12Interchange(String senderId, String receiverId, String date, String time, String controlNumber, String usage) {
    public X12Interchange {
        requireNonNull(senderId, "senderId is null");
        requireNonNull(receiverId, "receiverId is null");
        requireNonNull(date, "date is null");
        requireNonNull(time, "time is null");
        requireNonNull(controlNumber, "controlNumber is null");
        requireNonNull(usage, "usage is null");
    }

    public String describe() {
        return "interchange " + controlNumber + " from " + senderId + " to " + receiverId;
    }
}

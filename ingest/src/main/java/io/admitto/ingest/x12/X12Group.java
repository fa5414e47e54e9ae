package io.admitto.ingest.x12;

import static java.util.Objects.requireNonNull;

/**
 * The GS header of a functional group.
 *
 * @param functionalId GS01: HS 270, HB 271, HI 278, HP 835, HN 277, HR 276
 * @param date GS04 CCYYMMDD
 * @param time GS05 HHMM[SS[D..]]
 * @param controlNumber GS06
 * @param version GS08, e.g. 005010X221A1
 */
public record X12Group(String functionalId, String senderCode, String receiverCode, String date, String time, String controlNumber, String version) {
    public X12Group {
        requireNonNull(functionalId, "functionalId is null");
        requireNonNull(senderCode, "senderCode is null");
        requireNonNull(receiverCode, "receiverCode is null");
        requireNonNull(date, "date is null");
        requireNonNull(time, "time is null");
        requireNonNull(controlNumber, "controlNumber is null");
        requireNonNull(version, "version is null");
    }

    public String describe() {
        return "group " + controlNumber + " (" + functionalId + ")";
    }
}

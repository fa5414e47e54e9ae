package io.admitto.ingest.x12;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One transaction set (ST…SE) with its envelope, ready to map.
 *
 * @param type ST01 (270, 271, 278, 835, 277…)
 * @param controlNumber ST02
 * @param implementation ST03 implementation guide reference, or GS08 when ST03 is absent (it is optional
 *        in some guides, and several real 835s leave it out)
 * @param faults envelope and syntax faults StAEDI reported inside this transaction (SE01 count, SE02 control
 *        number…); a transaction with faults is dead-lettered whole, never mapped
 * @param rawText the transaction as it stands in the file, ST through SE
 */
public record X12Transaction(
        X12Interchange interchange,
        X12Group group,
        String type,
        String controlNumber,
        String implementation,
        List<X12Segment> segments,
        List<String> faults,
        String rawText) {
    public X12Transaction {
        requireNonNull(interchange, "interchange is null");
        requireNonNull(group, "group is null");
        requireNonNull(type, "type is null");
        requireNonNull(controlNumber, "controlNumber is null");
        requireNonNull(implementation, "implementation is null");
        segments = List.copyOf(segments);
        faults = List.copyOf(faults);
        requireNonNull(rawText, "rawText is null");
    }

    /** Where this transaction is, precisely enough to find it by hand. */
    public String location() {
        return interchange.describe() + " / " + group.describe() + " / transaction " + type + " #" + controlNumber;
    }

    /** The message id of the events it yields: ISA13, GS06 and ST02 together are unique per sender. */
    public String messageId() {
        return interchange.controlNumber() + "-" + group.controlNumber() + "-" + controlNumber;
    }
}

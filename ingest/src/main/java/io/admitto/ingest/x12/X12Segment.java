package io.admitto.ingest.x12;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One segment of a transaction set as read, with where it sits in the file so a dead letter can quote it.
 *
 * @param tag segment id (CLP, CAS, EB…)
 * @param position 1-based segment number within the interchange, as StAEDI counts it
 * @param start character offset of the segment's first character in the file
 * @param end character offset just after its terminator
 */
public record X12Segment(String tag, List<X12Element> elements, int position, int start, int end) {
    public X12Segment {
        requireNonNull(tag, "tag is null");
        elements = List.copyOf(elements);
    }

    /** Element {@code position} (1-based, as in "CLP02"); an empty element when the segment is shorter. */
    public X12Element element(int position) {
        return position >= 1 && position <= elements.size() ? elements.get(position - 1) : X12Element.empty();
    }

    /** The simple value of element {@code position}; empty when absent. */
    public String value(int position) {
        return element(position).value();
    }

    public boolean is(String segmentTag, String firstElement) {
        return tag.equals(segmentTag) && value(1).equals(firstElement);
    }
}

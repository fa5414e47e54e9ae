package io.admitto.ingest.hl7;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * One HL7 message as received, before parsing: its segments joined with CR (whatever separated them in
 * the file or frame) and where it was found, so that a dead letter can point at the message and at the
 * line of the segment at fault.
 *
 * @param text the segments, each followed by CR
 * @param index 1-based position of the message in its file or on its connection
 * @param segmentLines for each segment, the line it started on (in a file: the file's line; on an MLLP
 *        connection: the segment's position in the message)
 * @param truncated the message was longer than the reader accepts and was cut; it is never parsed
 */
public record RawHl7Message(String text, int index, int[] segmentLines, boolean truncated) {
    public RawHl7Message {
        requireNonNull(text, "text is null");
        requireNonNull(segmentLines, "segmentLines is null");
        segmentLines = segmentLines.clone();
    }

    /** A message whose segment lines are their positions in it (MLLP, tests). */
    public static RawHl7Message of(String text, int index) {
        String normalized = normalize(text);
        int segments = 0;
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) == '\r') {
                segments++;
            }
        }
        int[] lines = new int[segments];
        Arrays.setAll(lines, i -> i + 1);
        return new RawHl7Message(normalized, index, lines, false);
    }

    /** The line the message starts on. */
    public int firstLine() {
        return segmentLines.length == 0 ? 1 : segmentLines[0];
    }

    /**
     * The line of the {@code repetition}-th (1-based) segment named {@code name}, or the message's first
     * line when there is no such segment.
     */
    public int lineOf(String name, int repetition) {
        int seen = 0;
        int segment = 0;
        int start = 0;
        while (start < text.length() && segment < segmentLines.length) {
            int end = text.indexOf('\r', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith(name, start) && (start + name.length() == end || !Character.isLetterOrDigit(text.charAt(start + name.length())))) {
                seen++;
                if (seen == Math.max(1, repetition)) {
                    return segmentLines[segment];
                }
            }
            segment++;
            start = end + 1;
        }
        return firstLine();
    }

    /**
     * Segments separated by CR, LF or CRLF (and blank lines, and MLLP framing bytes) to segments each
     * ended by one CR, the form HAPI parses.
     */
    static String normalize(String text) {
        StringBuilder normalized = new StringBuilder(text.length() + 1);
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\r' || c == '\n') {
                appendSegment(normalized, text, lineStart, i);
                lineStart = i + 1;
            }
        }
        return normalized.toString();
    }

    private static void appendSegment(StringBuilder normalized, String text, int start, int end) {
        int length = normalized.length();
        boolean blank = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == Hl7Framing.START_BLOCK || c == Hl7Framing.END_BLOCK) {
                continue;
            }
            if (!Character.isWhitespace(c)) {
                blank = false;
            }
            normalized.append(c);
        }
        if (blank) {
            normalized.setLength(length);
        }
        else {
            normalized.append('\r');
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawHl7Message that && text.equals(that.text) && index == that.index
                && Arrays.equals(segmentLines, that.segmentLines) && truncated == that.truncated;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * text.hashCode() + index) + Arrays.hashCode(segmentLines)) + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return "RawHl7Message[index=" + index + ", firstLine=" + firstLine() + ", truncated=" + truncated + ", text=" + text.replace('\r', '\n') + "]";
    }
}

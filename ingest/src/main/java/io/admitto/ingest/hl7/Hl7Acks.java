package io.admitto.ingest.hl7;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Builds the acknowledgment for a received message (original acknowledgment mode) from the message's raw
 * MSH, read by hand: an {@code AR} must be answerable for a message HAPI could not parse. The ACK echoes
 * the sender's delimiters, version and processing id, swaps sending and receiving application/facility,
 * and carries the reason in MSA-3 (cut to the 80 characters HL7 allows there) and, for v2.5 and later,
 * in ERR-3/ERR-4/ERR-8 as well.
 */
final class Hl7Acks {
    static final String ACCEPT = "AA";
    static final String ERROR = "AE";
    static final String REJECT = "AR";

    private static final DateTimeFormatter HL7_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ");
    private static final int MSA_TEXT_LENGTH = 80;

    private Hl7Acks() {}

    /**
     * @param received the message text as received (segments separated by CR), possibly not HL7 at all
     * @param code {@link #ACCEPT}, {@link #ERROR} or {@link #REJECT}
     * @param reason why the message was not accepted; null for AA
     * @param controlId MSH-10 of the ACK itself
     */
    static String ack(String received, String code, String reason, String controlId, OffsetDateTime now) {
        RawHeader header = RawHeader.of(received);
        char field = header.fieldSeparator();
        String encoding = header.encodingCharacters();
        StringBuilder ack = new StringBuilder(256);
        ack.append("MSH").append(field).append(encoding)
                .append(field).append(header.field(5))
                .append(field).append(header.field(6))
                .append(field).append(header.field(3))
                .append(field).append(header.field(4))
                .append(field).append(HL7_TIMESTAMP.format(now))
                .append(field)
                .append(field).append("ACK").append(encoding.charAt(0)).append(header.component(9, 2)).append(encoding.charAt(0)).append("ACK")
                .append(field).append(controlId)
                .append(field).append(header.field(11).isEmpty() ? "P" : header.field(11))
                .append(field).append(header.version().isEmpty() ? Hl7Parser.CANONICAL_VERSION : header.version())
                .append('\r');
        ack.append("MSA").append(field).append(code).append(field).append(header.field(10));
        if (reason != null) {
            String text = escape(reason, field, encoding);
            ack.append(field).append(text.length() > MSA_TEXT_LENGTH ? cut(reason, field, encoding) : text);
        }
        ack.append('\r');
        if (reason != null && header.hasErrSegmentV25()) {
            ack.append("ERR").append(field).append(field).append(field)
                    .append(errorCode(code, reason, encoding.charAt(0)))
                    .append(field).append('E')
                    .append(field).append(field).append(field).append(field)
                    .append(escape(reason, field, encoding))
                    .append('\r');
        }
        return ack.toString();
    }

    /** HL7 table 0357 message error condition codes. */
    private static String errorCode(String code, String reason, char component) {
        if (reason.startsWith("unsupported message type")) {
            return "200" + component + "Unsupported message type" + component + "HL70357";
        }
        if (reason.startsWith("unsupported trigger") || reason.startsWith("patient merge")) {
            return "201" + component + "Unsupported event code" + component + "HL70357";
        }
        if (REJECT.equals(code)) {
            return "102" + component + "Data type error" + component + "HL70357";
        }
        return "207" + component + "Application internal error" + component + "HL70357";
    }

    private static String cut(String reason, char field, String encoding) {
        String text = reason;
        while (escape(text, field, encoding).length() > MSA_TEXT_LENGTH) {
            text = text.substring(0, text.length() - 1);
        }
        return escape(text, field, encoding);
    }

    /** HL7 escape sequences for the delimiters, so a reason quoting the message cannot break the ACK. */
    static String escape(String text, char field, String encoding) {
        char component = encoding.charAt(0);
        char repetition = encoding.length() > 1 ? encoding.charAt(1) : '~';
        char escape = encoding.length() > 2 ? encoding.charAt(2) : '\\';
        char subcomponent = encoding.length() > 3 ? encoding.charAt(3) : '&';
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == escape) {
                escaped.append(escape).append('E').append(escape);
            }
            else if (c == field) {
                escaped.append(escape).append('F').append(escape);
            }
            else if (c == component) {
                escaped.append(escape).append('S').append(escape);
            }
            else if (c == subcomponent) {
                escaped.append(escape).append('T').append(escape);
            }
            else if (c == repetition) {
                escaped.append(escape).append('R').append(escape);
            }
            else if (c == '\r' || c == '\n' || c < 0x20) {
                escaped.append(' ');
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The MSH of the received message split by its own delimiters; standard delimiters when it has none. */
    private record RawHeader(char fieldSeparator, String encodingCharacters, String[] fields) {
        static RawHeader of(String text) {
            int end = text.indexOf('\r');
            String msh = end < 0 ? text : text.substring(0, end);
            if (msh.length() < 8 || !msh.startsWith("MSH")) {
                return new RawHeader('|', "^~\\&", new String[0]);
            }
            char field = msh.charAt(3);
            if (Character.isLetterOrDigit(field) || Character.isWhitespace(field)) {
                return new RawHeader('|', "^~\\&", new String[0]);
            }
            String[] parts = msh.split(java.util.regex.Pattern.quote(String.valueOf(field)), -1);
            String encoding = parts.length > 1 ? parts[1] : "";
            if (encoding.length() < 4 || encoding.indexOf('\r') >= 0) {
                encoding = (encoding + "^~\\&".substring(Math.min(encoding.length(), 4))).substring(0, 4);
            }
            for (int i = 0; i < encoding.length(); i++) {
                char c = encoding.charAt(i);
                if (Character.isLetterOrDigit(c) || c == field || Character.isWhitespace(c)) {
                    encoding = "^~\\&";
                    break;
                }
            }
            return new RawHeader(field, encoding.substring(0, 4), parts);
        }

        /** MSH-n as sent (MSH-1 is the separator, so MSH-n is part n-1), with HL7 delimiters of ours removed. */
        String field(int number) {
            int index = number - 1;
            if (index < 2 || index >= fields.length) {
                return "";
            }
            return fields[index];
        }

        String component(int number, int component) {
            String value = field(number);
            String[] components = value.split(java.util.regex.Pattern.quote(String.valueOf(encodingCharacters.charAt(0))), -1);
            return component <= components.length ? components[component - 1] : "";
        }

        String version() {
            return component(12, 1);
        }

        boolean hasErrSegmentV25() {
            String version = version();
            return version.startsWith("2.5") || version.startsWith("2.6") || version.startsWith("2.7") || version.startsWith("2.8")
                    || version.isEmpty();
        }
    }
}

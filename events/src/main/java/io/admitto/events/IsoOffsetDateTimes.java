package io.admitto.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-times with offset, written and read without {@link DateTimeFormatter} on the hot path.
 * Every event carries several instants, and the formatter's general parsing and printing was the
 * largest cost of encoding events (generator) and of decoding them (the Flink jobs' sources). The
 * fast path handles exactly what {@link OffsetDateTime#toString()} produces
 * ({@code 2026-03-02T08:15:00-06:00}, {@code …:00.250Z}, seconds always present here);
 * anything else falls back to the standard parser, so every valid ISO form is still accepted.
 */
final class IsoOffsetDateTimes {
    private IsoOffsetDateTimes() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("iso-offset-date-times");
        module.addSerializer(OffsetDateTime.class, new Serializer());
        module.addDeserializer(OffsetDateTime.class, new Deserializer());
        return module;
    }

    /** Formats like {@link OffsetDateTime#toString()} but always with seconds, so the fast parser applies. */
    static String format(OffsetDateTime value) {
        char[] out = new char[35];
        int position = 0;
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        position = digits(out, position, year, 4);
        out[position++] = '-';
        position = digits(out, position, value.getMonthValue(), 2);
        out[position++] = '-';
        position = digits(out, position, value.getDayOfMonth(), 2);
        out[position++] = 'T';
        position = digits(out, position, value.getHour(), 2);
        out[position++] = ':';
        position = digits(out, position, value.getMinute(), 2);
        out[position++] = ':';
        position = digits(out, position, value.getSecond(), 2);
        int nanos = value.getNano();
        if (nanos != 0) {
            out[position++] = '.';
            if (nanos % 1_000_000 == 0) {
                position = digits(out, position, nanos / 1_000_000, 3);
            }
            else if (nanos % 1_000 == 0) {
                position = digits(out, position, nanos / 1_000, 6);
            }
            else {
                position = digits(out, position, nanos, 9);
            }
        }
        int offsetSeconds = value.getOffset().getTotalSeconds();
        if (offsetSeconds == 0) {
            out[position++] = 'Z';
        }
        else if (offsetSeconds % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        else {
            out[position++] = offsetSeconds < 0 ? '-' : '+';
            int minutes = Math.abs(offsetSeconds) / 60;
            position = digits(out, position, minutes / 60, 2);
            out[position++] = ':';
            position = digits(out, position, minutes % 60, 2);
        }
        return new String(out, 0, position);
    }

    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = parseFast(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** The fixed layout {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for anything else. */
    private static OffsetDateTime parseFast(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (position < length && text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(text.charAt(position))) {
                position++;
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return null;
            }
            nanos = number(text, start, position);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (position == length - 1 && text.charAt(position) == 'Z') {
            offset = ZoneOffset.UTC;
        }
        else if (position == length - 6 && (text.charAt(position) == '+' || text.charAt(position) == '-') && text.charAt(position + 3) == ':') {
            int offsetHours = number(text, position + 1, position + 3);
            int offsetMinutes = number(text, position + 4, position + 6);
            if ((offsetHours | offsetMinutes) < 0) {
                return null;
            }
            int sign = text.charAt(position) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
        }
        else {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        }
        catch (java.time.DateTimeException e) {
            // out-of-range fields: let the standard parser produce its usual error message
            return null;
        }
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(char[] out, int position, int value, int width) {
        for (int i = position + width - 1; i >= position; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return position + width;
    }

    private static final class Serializer extends StdScalarSerializer<OffsetDateTime> {
        Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<OffsetDateTime> {
        Deserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            String text = parser.getText().trim();
            try {
                return parse(text);
            }
            catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 date-time with offset: %s", e.getMessage());
            }
        }
    }
}

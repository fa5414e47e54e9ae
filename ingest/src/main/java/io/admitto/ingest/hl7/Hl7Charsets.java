package io.admitto.ingest.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a message's bytes in the character set its MSH-18 names. Messages are split on CR/LF bytes
 * before decoding, which is safe because every character set HL7 v2 feeds use in practice (ASCII,
 * ISO 8859-x, UTF-8) is ASCII-compatible; UTF-16 feeds are not supported.
 */
final class Hl7Charsets {
    private Hl7Charsets() {}

    static String decode(byte[] bytes, int offset, int length) {
        Charset declared = declaredCharset(bytes, offset, length);
        if (declared != null) {
            return new String(bytes, offset, length, declared);
        }
        // No MSH-18: most modern senders write UTF-8, older ones Latin-1; a strict UTF-8 decode tells them apart.
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        }
        catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** The character set named by MSH-18 (HL7 table 0211), or null when absent or unknown. */
    private static Charset declaredCharset(byte[] bytes, int offset, int length) {
        if (length < 8 || bytes[offset] != 'M' || bytes[offset + 1] != 'S' || bytes[offset + 2] != 'H') {
            return null;
        }
        byte separator = bytes[offset + 3];
        int field = 1; // the separator itself is MSH-1
        int start = offset + 4;
        int end = offset + length;
        for (int i = offset + 4; i < end; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                end = i;
                break;
            }
            if (b == separator) {
                field++;
                if (field == 18) {
                    start = i + 1;
                }
                else if (field == 19) {
                    end = i;
                    break;
                }
            }
        }
        if (field < 18) {
            return null;
        }
        String name = new String(bytes, start, Math.max(0, end - start), StandardCharsets.US_ASCII).trim().toUpperCase(Locale.ROOT);
        int repetition = name.indexOf('~');
        if (repetition >= 0) {
            name = name.substring(0, repetition);
        }
        return switch (name) {
            case "UNICODE UTF-8", "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            // ASCII feeds routinely carry Latin-1 accents; reading them as Latin-1 keeps the letters
            case "8859/1", "ASCII", "ISO-8859-1", "ISO IR6", "ISO IR100" -> StandardCharsets.ISO_8859_1;
            case "8859/15" -> charsetOrNull("ISO-8859-15");
            case "8859/2" -> charsetOrNull("ISO-8859-2");
            case "8859/5" -> charsetOrNull("ISO-8859-5");
            case "8859/7" -> charsetOrNull("ISO-8859-7");
            case "8859/9" -> charsetOrNull("ISO-8859-9");
            default -> null;
        };
    }

    private static Charset charsetOrNull(String name) {
        return Charset.isSupported(name) ? Charset.forName(name) : null;
    }
}

package io.admitto.ingest.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Splits a stream of HL7 v2 messages, as interface engines leave them in files, into messages: segments
 * separated by CR, LF or CRLF; a new message at each {@code MSH}; MLLP block characters left in the file
 * dropped; blank lines and batch envelopes ({@code FHS}, {@code BHS}, {@code BTS}, {@code FTS}) skipped.
 * Text before the first {@code MSH} is handed on as a message of its own, which cannot parse and so
 * becomes a dead letter instead of vanishing.
 *
 * <p>Works on bytes and decodes each message on its own (see {@link Hl7Charsets}), so one file may mix
 * character sets as batch files concatenated from several senders do. Not thread-safe; one per stream.
 */
final class Hl7MessageSplitter {
    private static final int CHUNK = 64 * 1024;

    private final int maxMessageBytes;
    private final Consumer<RawHl7Message> messages;

    private byte[] message = new byte[4096];
    private int messageLength;
    private int[] segmentLines = new int[16];
    private int segmentCount;
    private int messageIndex;
    private boolean oversized;

    private final byte[] line = new byte[256];
    private byte[] lineBuffer = line;
    private int lineLength;
    private int lineNumber = 1;
    private boolean previousWasCarriageReturn;

    /**
     * @param maxMessageBytes a message longer than this is cut there and marked
     *        {@link RawHl7Message#truncated() truncated} (it becomes a dead letter) rather than exhausting
     *        memory on a file that is not HL7
     */
    Hl7MessageSplitter(int maxMessageBytes, Consumer<RawHl7Message> messages) {
        if (maxMessageBytes < 16) {
            throw new IllegalArgumentException("maxMessageBytes too small: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.messages = requireNonNull(messages, "messages is null");
    }

    /** Reads {@code input} to its end, handing on every message, the last one included. */
    void split(InputStream input) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int read;
        while ((read = input.read(chunk)) >= 0) {
            for (int i = 0; i < read; i++) {
                accept(chunk[i]);
            }
        }
        endLine();
        endMessage();
    }

    private void accept(byte b) {
        if (b == '\n') {
            if (!previousWasCarriageReturn) {
                endLine();
                lineNumber++;
            }
            previousWasCarriageReturn = false;
            return;
        }
        previousWasCarriageReturn = b == '\r';
        if (b == '\r') {
            endLine();
            lineNumber++;
        }
        else if (b == Hl7Framing.END_BLOCK) {
            // end of an MLLP frame left in the file: the message is complete even without a line break
            endLine();
            endMessage();
        }
        else if (b != Hl7Framing.START_BLOCK) {
            if (lineLength == lineBuffer.length) {
                if (lineLength >= maxMessageBytes) {
                    oversized = true;
                    return;
                }
                lineBuffer = Arrays.copyOf(lineBuffer, Math.min(maxMessageBytes, lineBuffer.length * 2));
            }
            lineBuffer[lineLength++] = b;
        }
    }

    private void endLine() {
        int length = lineLength;
        lineLength = 0;
        if (lineBuffer.length > 64 * 1024) {
            lineBuffer = line; // do not keep a huge buffer for the rest of the file
        }
        byte[] bytes = lineBuffer;
        if (blank(bytes, length)) {
            return;
        }
        if (startsWith(bytes, length, "FHS") || startsWith(bytes, length, "BHS") || startsWith(bytes, length, "BTS") || startsWith(bytes, length, "FTS")) {
            endMessage();
            return;
        }
        if (startsWith(bytes, length, "MSH")) {
            endMessage();
        }
        append(bytes, length);
    }

    private void append(byte[] bytes, int length) {
        int room = maxMessageBytes - messageLength - 1;
        if (length > room) {
            oversized = true;
            length = Math.max(0, room);
        }
        if (length == 0) {
            return;
        }
        if (messageLength + length + 1 > message.length) {
            message = Arrays.copyOf(message, Math.max(messageLength + length + 1, Math.min(maxMessageBytes, message.length * 2)));
        }
        System.arraycopy(bytes, 0, message, messageLength, length);
        messageLength += length;
        message[messageLength++] = '\r';
        if (segmentCount == segmentLines.length) {
            segmentLines = Arrays.copyOf(segmentLines, segmentLines.length * 2);
        }
        segmentLines[segmentCount++] = lineNumber;
    }

    private void endMessage() {
        if (messageLength == 0) {
            return;
        }
        String text = Hl7Charsets.decode(message, 0, messageLength);
        messages.accept(new RawHl7Message(text, ++messageIndex, Arrays.copyOf(segmentLines, segmentCount), oversized));
        messageLength = 0;
        segmentCount = 0;
        oversized = false;
        if (message.length > 64 * 1024) {
            message = new byte[4096];
        }
    }

    private static boolean blank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\f' && bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int length, String name) {
        if (length < 3 || bytes[0] != name.charAt(0) || bytes[1] != name.charAt(1) || bytes[2] != name.charAt(2)) {
            return false;
        }
        // "MSH|", but not a Z-segment or a word that merely starts with the letters
        return length == 3 || !Character.isLetterOrDigit(bytes[3]);
    }
}

package io.admitto.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what identifies the source message (sending system, message control id,
 * position of the event within the message), so ingesting the same file twice yields the same ids and
 * consumers, which de-duplicate on {@code eventId}, never count it twice.
 */
public final class EventIds {
    private EventIds() {}

    /**
     * @param parts the identifying parts, e.g. {@code ("hl7", sendingFacility, MSH-10, "0")}; none may be null
     */
    public static UUID of(String... parts) {
        StringBuilder key = new StringBuilder("admitto");
        for (String part : parts) {
            if (part == null) {
                throw new IllegalArgumentException("event id part is null");
            }
            // length-prefixed, so ("ab", "c") and ("a", "bc") differ
            key.append('\u001f').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}

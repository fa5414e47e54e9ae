package io.admitto.ingest.hl7;

import io.admitto.events.CanonicalEvent;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What became of one HL7 message; decides the MLLP acknowledgment code.
 */
public sealed interface Hl7Outcome {
    /** Mapped to events, which were handed to the sink: ACK {@code AA}. */
    record Accepted(List<CanonicalEvent> events) implements Hl7Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** Parsed, but cannot be a registration event; dead-lettered: ACK {@code AE} (resending the same message will not help). */
    record Unmappable(String reason) implements Hl7Outcome {
        public Unmappable {
            requireNonNull(reason, "reason is null");
        }
    }

    /** Not parseable as HL7 v2 at all; dead-lettered: ACK {@code AR}. */
    record Unparseable(String reason) implements Hl7Outcome {
        public Unparseable {
            requireNonNull(reason, "reason is null");
        }
    }

}

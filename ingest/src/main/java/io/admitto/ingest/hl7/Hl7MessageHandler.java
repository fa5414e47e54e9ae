package io.admitto.ingest.hl7;

import ca.uhn.hl7v2.AbstractHL7Exception;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.IngestSink;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One raw HL7 message through parse and map into the sink: events when it maps, otherwise exactly one dead
 * letter whose location names the message and the line of the segment at fault. Shared by the file reader
 * and the MLLP listener. Never throws for bad input: an exception that is not a parse failure or a
 * rejection is a bug in the mapper, and is dead-lettered with a reason starting
 * {@value #INTERNAL_ERROR} (the fuzz tests look for it) rather than taking a feed down. Thread-safe.
 */
public final class Hl7MessageHandler {
    static final String INTERNAL_ERROR = "internal error";
    static final String FORMAT = "hl7";

    private final Hl7Parser parser = new Hl7Parser();
    private final Hl7RegistrationMapper mapper;
    private final Clock clock;
    private final int maxMessageBytes;

    /**
     * @param clock for {@code DeadLetter.receivedAt}
     */
    public Hl7MessageHandler(Hl7Options options, Clock clock) {
        requireNonNull(options, "options is null");
        this.mapper = new Hl7RegistrationMapper(options.facilityZone(), options.defaultFacility());
        this.clock = requireNonNull(clock, "clock is null");
        this.maxMessageBytes = options.maxMessageBytes();
    }

    int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * @param origin the file path or {@code mllp://peer:port}, for the dead letter
     */
    public Hl7Outcome handle(RawHl7Message raw, String origin, IngestSink sink) {
        requireNonNull(raw, "raw is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(sink, "sink is null");
        if (raw.truncated()) {
            return unparseable(raw, origin, sink, "message longer than " + maxMessageBytes + " bytes (cut and not parsed)", null);
        }
        if (!raw.text().startsWith("MSH")) {
            return unparseable(raw, origin, sink, "not an HL7 v2 message: does not start with an MSH segment", null);
        }
        Message message;
        try {
            message = parser.parse(raw.text());
        }
        catch (HL7Exception e) {
            return unparseable(raw, origin, sink, "cannot parse: " + describe(e), segmentOf(e));
        }
        catch (RuntimeException e) {
            // HAPI has corners where odd input raises an unchecked exception; for us it is the same verdict
            return unparseable(raw, origin, sink, "cannot parse: " + e, null);
        }
        List<CanonicalEvent> events;
        try {
            events = mapper.map(message, raw);
        }
        catch (Hl7Rejection rejection) {
            sink.deadLetter(deadLetter(raw, origin, rejection.reason(), rejection.segment()));
            return new Hl7Outcome.Unmappable(rejection.reason());
        }
        catch (RuntimeException e) {
            String reason = INTERNAL_ERROR + " mapping the message: " + e;
            sink.deadLetter(deadLetter(raw, origin, reason, null));
            return new Hl7Outcome.Unmappable(reason);
        }
        for (CanonicalEvent event : events) {
            sink.accept(event);
        }
        return new Hl7Outcome.Accepted(events);
    }

    private Hl7Outcome unparseable(RawHl7Message raw, String origin, IngestSink sink, String reason, String segment) {
        sink.deadLetter(deadLetter(raw, origin, reason, segment));
        return new Hl7Outcome.Unparseable(reason);
    }

    private DeadLetter deadLetter(RawHl7Message raw, String origin, String reason, String segment) {
        String location = segment == null
                ? "message " + raw.index() + " (line " + raw.firstLine() + ")"
                : "message " + raw.index() + ", segment " + segment + " (line " + raw.lineOf(segment, 1) + ")";
        return new DeadLetter(FORMAT, origin, location, reason, raw.text(), OffsetDateTime.now(clock));
    }

    private static String describe(HL7Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String segmentOf(AbstractHL7Exception e) {
        Location location = e.getLocation();
        if (location == null || location.getSegmentName() == null || location.getSegmentName().length() != 3) {
            return null;
        }
        return location.getSegmentName();
    }
}

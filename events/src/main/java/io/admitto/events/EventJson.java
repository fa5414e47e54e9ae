package io.admitto.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.UncheckedIOException;

/**
 * The one JSON form of canonical events. Instants keep the offset they were sent with (a registrar's
 * local time is evidence in an EMTALA review), absent values are left out, and unknown properties from
 * newer schema versions are ignored so an old consumer keeps working.
 *
 * <p>Instances are immutable and thread-safe; create one per component and share it.
 */
public final class EventJson {
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public EventJson() {
        ObjectMapper mapper = newMapper();
        this.reader = mapper.readerFor(CanonicalEvent.class);
        this.writer = mapper.writerFor(CanonicalEvent.class);
    }

    /** A mapper configured like the event codec, for other JSON the platform writes (truth files, API). */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder()).build();
    }

    /**
     * Applies the event codec's settings to a mapper builder of any Jackson format, so a binary
     * encoding of the same records (the jobs' internal transport) reads and writes them alike.
     */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .addModule(new JavaTimeModule())
                // registered after JavaTimeModule, so it wins for OffsetDateTime: the hot path of every event
                .addModule(IsoOffsetDateTimes.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public String toJson(CanonicalEvent event) {
        try {
            return writer.writeValueAsString(event);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toJsonBytes(CanonicalEvent event) {
        try {
            return writer.writeValueAsBytes(event);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one event.
     *
     * @throws InvalidEventException with a message naming what is wrong, when the JSON is not a valid event
     */
    public CanonicalEvent fromJson(String json) {
        try {
            return reader.readValue(json);
        }
        catch (JsonProcessingException e) {
            throw new InvalidEventException(e.getOriginalMessage(), e);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    public CanonicalEvent fromJson(byte[] json) {
        try {
            return reader.readValue(json);
        }
        catch (java.io.IOException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}

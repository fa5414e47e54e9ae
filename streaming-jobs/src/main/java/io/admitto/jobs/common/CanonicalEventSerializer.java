package io.admitto.jobs.common;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.SmileParser;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EligibilityInquiry;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventJson;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.PointOfServicePayment;
import io.admitto.events.RegistrationEvent;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

import java.io.IOException;
import java.util.List;

/**
 * Serializes canonical events between operators and in state as a one-byte record tag followed by
 * the record in Smile (Jackson's binary JSON, same fields as the wire JSON of {@link EventJson}).
 * The tag names the concrete record, so decoding reads it directly instead of looking for the
 * {@code eventType} property first — which the polymorphic JSON reader must buffer the event to find.
 * Moving an event to another task costs about a fifth less CPU than the wire JSON (docs/benchmarks.md).
 *
 * <p>State written as plain JSON by earlier versions (first byte '{') still reads. Tags are part of
 * the state format: append new record types, never renumber.
 *
 * <p>Events are immutable, so copies are the event itself: chained operators pass events along
 * without serializing them.
 */
public final class CanonicalEventSerializer extends ImmutableJsonSerializer<CanonicalEvent> {
    private static final long serialVersionUID = 1L;

    /** Index + 1 is the tag; never reorder. */
    private static final List<Class<? extends CanonicalEvent>> RECORDS = List.of(RegistrationEvent.class, EligibilityInquiry.class,
            EligibilityResponse.class, AuthorizationRequest.class, AuthorizationDecision.class, ClaimRemittance.class, ClaimAcknowledgment.class,
            PatientFlowEvent.class, PointOfServicePayment.class);

    private static final byte LEGACY_JSON = '{';

    // after RECORDS, which the constructor reads
    public static final CanonicalEventSerializer INSTANCE = new CanonicalEventSerializer();

    // Thread-safe and immutable: one codec serves every task of the JVM.
    private final transient EventJson json = new EventJson();
    private final transient ObjectWriter[] writers;
    private final transient ObjectReader[] readers;

    private CanonicalEventSerializer() {
        SmileMapper smile = EventJson.configure(SmileMapper.builder())
                // the tag already says which record it is; no type property to look for
                .addMixIn(CanonicalEvent.class, WithoutTypeInfo.class)
                // the tag byte leads instead of Smile's 4-byte header; both sides use the default settings it would carry
                .disable(SmileGenerator.Feature.WRITE_HEADER)
                .disable(SmileParser.Feature.REQUIRE_HEADER)
                .build();
        writers = RECORDS.stream().map(smile::writerFor).toArray(ObjectWriter[]::new);
        readers = RECORDS.stream().map(smile::readerFor).toArray(ObjectReader[]::new);
    }

    @Override
    protected byte[] encode(CanonicalEvent event) throws IOException {
        int index = RECORDS.indexOf(event.getClass());
        byte[] body = writers[index].writeValueAsBytes(event);
        byte[] tagged = new byte[body.length + 1];
        tagged[0] = (byte) (index + 1);
        System.arraycopy(body, 0, tagged, 1, body.length);
        return tagged;
    }

    @Override
    protected CanonicalEvent decode(byte[] bytes) throws IOException {
        if (bytes.length > 0 && bytes[0] == LEGACY_JSON) {
            return json.fromJson(bytes);
        }
        int index = bytes.length == 0 ? -1 : bytes[0] - 1;
        if (index < 0 || index >= RECORDS.size()) {
            throw new IOException("Unknown canonical event record tag " + (bytes.length == 0 ? "(empty)" : bytes[0]));
        }
        return readers[index].readValue(bytes, 1, bytes.length - 1);
    }

    @Override
    public TypeSerializerSnapshot<CanonicalEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Replaces the interface's type-id handling for the tagged binary form. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private interface WithoutTypeInfo {}

    /** Both forms carry their own schema version and old state still reads, so every serializer of this class is compatible. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CanonicalEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

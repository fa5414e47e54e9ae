package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.InvalidEventException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a topic record as a canonical event, or as a {@link DeadLetter} when it is not one.
 *
 * <p>Decoding happens in the source, not in an operator after it, so that event time is assigned per
 * Kafka partition: a backfill reads partitions at different speeds, and only per-partition
 * watermarks keep one fast partition from making the others' events late. A source cannot have
 * side outputs, hence the {@link Either}; {@link KafkaEventStreams} splits it right behind the source.
 */
final class KafkaEventDeserializer implements KafkaRecordDeserializationSchema<Either<DeadLetter, CanonicalEvent>> {
    private static final long serialVersionUID = 1L;

    static final TypeInformation<Either<DeadLetter, CanonicalEvent>> TYPE =
            new EitherTypeInfo<>(TypeInformation.of(DeadLetter.class), CanonicalEventTypeInfo.INSTANCE);

    private transient EventJson json;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        json = new EventJson();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, CanonicalEvent>> out) {
        byte[] value = record.value();
        if (value == null) {
            out.collect(Either.Left(DeadLetter.of(record, "record has no value")));
            return;
        }
        CanonicalEvent event;
        try {
            event = json.fromJson(value);
        }
        catch (InvalidEventException e) {
            out.collect(Either.Left(DeadLetter.of(record, e.getMessage())));
            return;
        }
        if (event == null) {
            // Jackson reads the JSON literal null as a null value rather than failing.
            out.collect(Either.Left(DeadLetter.of(record, "value is JSON null")));
            return;
        }
        out.collect(Either.Right(event));
    }

    @Override
    public TypeInformation<Either<DeadLetter, CanonicalEvent>> getProducedType() {
        return TYPE;
    }
}

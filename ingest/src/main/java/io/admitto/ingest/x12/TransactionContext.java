package io.admitto.ingest.x12;

import io.admitto.events.EventSource;
import io.admitto.ingest.source.EventIds;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What every event of one transaction shares: its envelope, the facility and zone it is read in, and
 * the deterministic id scheme ({@code x12, ISA06, ISA13, GS06, ST02, unit}), so re-reading a file
 * yields the same event ids.
 */
final class TransactionContext {
    private final X12Transaction transaction;
    private final X12Settings settings;
    private final String fileText;

    TransactionContext(X12Transaction transaction, X12Settings settings, String fileText) {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.fileText = requireNonNull(fileText, "fileText is null");
    }

    X12Transaction transaction() {
        return transaction;
    }

    /** @param unit the event's place in the transaction (claim index, HL id), stable across re-reads */
    UUID eventId(String unit) {
        X12Interchange interchange = transaction.interchange();
        return EventIds.of("x12", interchange.senderId(), interchange.controlNumber(),
                transaction.group().controlNumber(), transaction.controlNumber(), unit);
    }

    EventSource source(String unit) {
        return new EventSource(transaction.interchange().senderId(), transaction.messageId() + "/" + unit);
    }

    /**
     * The configured facility, else the provider's own identifier in the transaction, else the
     * provider's side of the interchange ({@code providerIsReceiver}: 271, 278 response, 835, 277CA).
     */
    String facilityId(String providerId, boolean providerIsReceiver) {
        if (settings.facilityId() != null) {
            return settings.facilityId();
        }
        if (providerId != null && !providerId.isEmpty()) {
            return providerId;
        }
        X12Interchange interchange = transaction.interchange();
        return providerIsReceiver ? interchange.receiverId() : interchange.senderId();
    }

    OffsetDateTime at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(settings.zone()).toOffsetDateTime();
    }

    OffsetDateTime startOf(LocalDate date) {
        return at(date, LocalTime.MIDNIGHT);
    }

    /**
     * When the transaction was created: BHT04/BHT05 where the guide has a BHT, else the group's GS04/GS05,
     * else the interchange's ISA09/ISA10.
     */
    OffsetDateTime creationTime() {
        Optional<X12Segment> bht = transaction.segments().stream().filter(s -> s.tag().equals("BHT")).findFirst();
        if (bht.isPresent()) {
            Optional<LocalDate> date = X12Values.date(bht.get().value(4));
            if (date.isPresent()) {
                return at(date.get(), X12Values.time(bht.get().value(5)).orElse(LocalTime.MIDNIGHT));
            }
        }
        Optional<LocalDate> groupDate = X12Values.date(transaction.group().date());
        if (groupDate.isPresent()) {
            return at(groupDate.get(), X12Values.time(transaction.group().time()).orElse(LocalTime.MIDNIGHT));
        }
        Optional<LocalDate> interchangeDate = X12Values.shortDate(transaction.interchange().date());
        if (interchangeDate.isPresent()) {
            return at(interchangeDate.get(), X12Values.time(transaction.interchange().time()).orElse(LocalTime.MIDNIGHT));
        }
        throw new X12MappingException("no valid creation date in BHT04, GS04 or ISA09");
    }

    String location(String unit) {
        return transaction.location() + " / " + unit;
    }

    /** The file's text between two segment offsets: the payload of a rejected unit. */
    String text(int start, int end) {
        int from = Math.max(0, Math.min(start, fileText.length()));
        int to = Math.max(from, Math.min(end, fileText.length()));
        return fileText.substring(from, to);
    }
}

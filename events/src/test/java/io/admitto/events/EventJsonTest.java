package io.admitto.events;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {
    private final EventJson json = new EventJson();

    @Test
    void everyEventTypeSurvivesARoundTripUnchanged() {
        for (CanonicalEvent event : EventExamples.all()) {
            String text = json.toJson(event);
            assertThat(json.fromJson(text)).as(text).isEqualTo(event);
            assertThat(json.fromJson(json.toJsonBytes(event))).isEqualTo(event);
        }
    }

    @Test
    void eventTimeKeepsTheSendersOffset() {
        String text = json.toJson(EventExamples.flowArrived());
        assertThat(text).contains("\"eventTime\":\"2026-03-02T08:15:00-06:00\"");
        OffsetDateTime read = json.fromJson(text).eventTime();
        assertThat(read.getOffset().getTotalSeconds()).isEqualTo(-6 * 3600);
    }

    @Test
    void eventTypeIsWrittenWithItsWireNameAndSelectsTheRecord() {
        String text = json.toJson(EventExamples.claimAcknowledgment());
        assertThat(text).contains("\"eventType\":\"claim.acknowledgment\"");
        assertThat(json.fromJson(text)).isInstanceOf(ClaimAcknowledgment.class);
    }

    @Test
    void absentValuesAreLeftOutButEmptyStringsAreKept() {
        String text = json.toJson(EventExamples.flowArrived());
        assertThat(text).doesNotContain("staffId");
        String withEmpty = text.replace("\"department\":\"IMG\"", "\"department\":\"\"");
        assertThat(((PatientFlowEvent) json.fromJson(withEmpty)).department()).isEmpty();
    }

    @Test
    void propertiesFromANewerSchemaAreIgnored() {
        String text = json.toJson(EventExamples.payment()).replace("{", "{\"addedInV2\":{\"x\":1},");
        assertThat(json.fromJson(text)).isEqualTo(EventExamples.payment());
    }

    @Test
    void anUnknownEventTypeIsRejectedWithItsName() {
        String text = json.toJson(EventExamples.payment()).replace("payment.collected", "payment.refunded");
        assertThatThrownBy(() -> json.fromJson(text))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("payment.refunded");
    }

    @Test
    void anEventWithoutEncounterIdIsRejected() {
        String text = json.toJson(EventExamples.payment()).replace("\"encounterId\":\"F01-E000123\",", "");
        assertThatThrownBy(() -> json.fromJson(text))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("encounterId");
    }

    @Test
    void anEventTypeMustBelongToItsRecord() {
        String text = json.toJson(EventExamples.flowArrived()).replace("flow.arrived", "payment.collected");
        assertThatThrownBy(() -> json.fromJson(text)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void everyEventTypeTravelsOnTheTopicOfItsFamily() {
        for (EventType type : EventType.values()) {
            String family = type.wireName().substring(0, type.wireName().indexOf('.'));
            assertThat(type.topic().topicName()).as(type.wireName())
                    .isEqualTo(switch (family) {
                        case "registration" -> "admitto.registration";
                        case "eligibility" -> "admitto.eligibility";
                        case "authorization" -> "admitto.authorization";
                        case "claim" -> "admitto.claims";
                        case "flow" -> "admitto.flow";
                        case "payment" -> "admitto.payments";
                        default -> throw new AssertionError(family);
                    });
        }
    }
}

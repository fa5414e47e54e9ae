package io.admitto.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Every kind of canonical event, with its wire name and the topic it travels on.
 * The wire name is what {@code eventType} holds in JSON; it never changes once published.
 */
public enum EventType {
    REGISTRATION_PRE_REGISTERED("registration.pre_registered", Topic.REGISTRATION),
    REGISTRATION_REGISTERED("registration.registered", Topic.REGISTRATION),
    REGISTRATION_UPDATED("registration.updated", Topic.REGISTRATION),
    REGISTRATION_CANCELLED("registration.cancelled", Topic.REGISTRATION),
    REGISTRATION_ADMITTED("registration.admitted", Topic.REGISTRATION),
    REGISTRATION_DISCHARGED("registration.discharged", Topic.REGISTRATION),

    ELIGIBILITY_INQUIRY("eligibility.inquiry", Topic.ELIGIBILITY),
    ELIGIBILITY_RESPONSE("eligibility.response", Topic.ELIGIBILITY),

    AUTHORIZATION_REQUEST("authorization.request", Topic.AUTHORIZATION),
    AUTHORIZATION_DECISION("authorization.decision", Topic.AUTHORIZATION),

    CLAIM_REMITTANCE("claim.remittance", Topic.CLAIMS),
    CLAIM_ACKNOWLEDGMENT("claim.acknowledgment", Topic.CLAIMS),

    FLOW_ARRIVED("flow.arrived", Topic.FLOW),
    FLOW_REGISTRATION_STARTED("flow.registration_started", Topic.FLOW),
    FLOW_REGISTRATION_COMPLETED("flow.registration_completed", Topic.FLOW),
    FLOW_MEDICAL_SCREENING_COMPLETED("flow.medical_screening_completed", Topic.FLOW),
    FLOW_SERVICE_STARTED("flow.service_started", Topic.FLOW),
    FLOW_DEPARTED("flow.departed", Topic.FLOW),

    PAYMENT_COLLECTED("payment.collected", Topic.PAYMENTS);

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Topic topic;

    EventType(String wireName, Topic topic) {
        this.wireName = requireNonNull(wireName);
        this.topic = requireNonNull(topic);
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Topic topic() {
        return topic;
    }

    @JsonCreator
    public static EventType fromWireName(String wireName) {
        EventType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new IllegalArgumentException("Unknown eventType: " + wireName);
        }
        return type;
    }

    @Override
    public String toString() {
        return wireName;
    }
}

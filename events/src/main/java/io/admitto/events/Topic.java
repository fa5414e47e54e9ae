package io.admitto.events;

import static java.util.Objects.requireNonNull;

/**
 * The Kafka topics of the platform. Every record is keyed by encounter id, so all events of one
 * encounter land in one partition, in order, and a keyed Flink operator sees them together.
 */
public enum Topic {
    REGISTRATION("admitto.registration"),
    ELIGIBILITY("admitto.eligibility"),
    AUTHORIZATION("admitto.authorization"),
    CLAIMS("admitto.claims"),
    FLOW("admitto.flow"),
    PAYMENTS("admitto.payments"),
    /** Input that could not be parsed or mapped, with the raw payload and the reason. */
    DEAD_LETTER("admitto.dead-letter");

    /** Partitions per topic: enough for the jobs' parallelism on a small cluster; keys spread well. */
    public static final int DEFAULT_PARTITIONS = 4;

    private final String topicName;

    Topic(String topicName) {
        this.topicName = requireNonNull(topicName);
    }

    public String topicName() {
        return topicName;
    }

    /** File name of this topic's NDJSON in a generator output folder. */
    public String ndjsonFileName() {
        return topicName + ".ndjson";
    }
}

package io.admitto.jobs.common;

import java.time.Instant;

/** The {@code dead_letters} columns of a record a job could not read as an event. */
public final class DeadLetterRow {
    private DeadLetterRow() {}

    /** The values in the column order of {@code Tables.DEAD_LETTERS}. */
    public static Object[] columnValues(DeadLetter deadLetter) {
        return new Object[] {"stream", "canonical", "kafka://" + deadLetter.topic() + "/" + deadLetter.partition(),
                "offset " + deadLetter.offset(), deadLetter.reason(), deadLetter.payload(), Instant.ofEpochMilli(deadLetter.kafkaTimestamp())};
    }
}

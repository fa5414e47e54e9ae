package io.admitto.ingest.kafka;

import static java.util.Objects.requireNonNull;

/** A record could not be published; {@link #topic()} names the topic of the first failed record. */
public final class EventPublishException
        extends RuntimeException
{
    private final String topic;

    public EventPublishException(String topic, Throwable cause)
    {
        super("Publishing to topic " + topic + " failed: " + cause.getMessage(), cause);
        this.topic = requireNonNull(topic, "topic is null");
    }

    public String topic()
    {
        return topic;
    }
}

package io.admitto.ingest.kafka;

import static java.util.Objects.requireNonNull;

/**
 * A topic as found after {@link TopicAdmin#ensureTopics}: its actual partition count (which can
 * differ from the spec when the topic already existed) and whether this call created it.
 */
public record TopicStatus(String name, int partitions, boolean created)
{
    public TopicStatus
    {
        requireNonNull(name, "name is null");
    }
}

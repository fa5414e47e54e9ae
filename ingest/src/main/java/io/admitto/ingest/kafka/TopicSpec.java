package io.admitto.ingest.kafka;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A topic the platform needs: its name, partition count and topic-level configuration overrides
 * (for example {@code retention.ms}). The replication factor is left to the cluster's default, so
 * the same spec works on the single-node embedded broker and on a real cluster.
 */
public record TopicSpec(String name, int partitions, Map<String, String> config)
{
    public TopicSpec
    {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive for topic " + name + ": " + partitions);
        }
        config = Map.copyOf(requireNonNull(config, "config is null"));
    }

    public TopicSpec(String name, int partitions)
    {
        this(name, partitions, Map.of());
    }
}

package io.admitto.ingest.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toSet;

/**
 * Creates the topics the platform needs, idempotently, against any Kafka cluster (the embedded
 * broker or a real one). Topics that already exist are left as they are.
 */
public final class TopicAdmin
        implements AutoCloseable
{
    private static final Duration READY_POLL_PAUSE = Duration.ofMillis(50);

    private final Admin admin;
    private final Duration timeout;

    /**
     * @param bootstrapServers the cluster to administer
     * @param timeout upper bound for one {@link #ensureTopics} call, creation and readiness included
     */
    public TopicAdmin(String bootstrapServers, Duration timeout)
    {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "admitto-topic-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    /**
     * Creates every topic of {@code specs} that does not exist yet, then waits until the leader of
     * every partition of every listed topic serves it, so producers can write right away.
     *
     * @return one status per spec, in the order given
     * @throws TopicAdminException when a topic cannot be created or does not become ready in time
     */
    public List<TopicStatus> ensureTopics(List<TopicSpec> specs)
    {
        requireNonNull(specs, "specs is null");
        Set<String> names = specs.stream().map(TopicSpec::name).collect(toSet());
        if (names.size() != specs.size()) {
            throw new IllegalArgumentException("topic specs name a topic twice: " + specs);
        }
        if (specs.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Set<String> created = create(specs, deadline);
            Map<String, TopicDescription> ready = awaitServing(names, deadline);
            return specs.stream()
                    .map(spec -> new TopicStatus(spec.name(), ready.get(spec.name()).partitions().size(), created.contains(spec.name())))
                    .collect(toList());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("Interrupted while creating topics " + names, e);
        }
    }

    @Override
    public void close()
    {
        admin.close();
    }

    private Set<String> create(List<TopicSpec> specs, long deadline)
            throws InterruptedException
    {
        List<NewTopic> newTopics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(spec.config()))
                .collect(toList());
        Map<String, KafkaFuture<Void>> results = admin.createTopics(
                newTopics, new CreateTopicsOptions().timeoutMs(remainingMillis(deadline))).values();
        Set<String> created = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            }
            catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TopicAdminException("Cannot create topic " + result.getKey(), e.getCause());
                }
            }
            catch (TimeoutException e) {
                throw new TopicAdminException("Topic " + result.getKey() + " was not created within " + timeout, e);
            }
        }
        return created;
    }

    private Map<String, TopicDescription> awaitServing(Set<String> names, long deadline)
            throws InterruptedException
    {
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(
                                names, new DescribeTopicsOptions().timeoutMs(remainingMillis(deadline)))
                        .allTopicNames()
                        .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                if (descriptions.values().stream().allMatch(TopicAdmin::allPartitionsLed) && leadersServe(descriptions, deadline)) {
                    return descriptions;
                }
            }
            catch (ExecutionException e) {
                // Brokers learn of a new topic a little after the controller created it.
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new TopicAdminException("Cannot check readiness of topics " + names, e.getCause());
                }
                lastFailure = e;
            }
            catch (TimeoutException e) {
                lastFailure = e;
                break;
            }
            TimeUnit.MILLISECONDS.sleep(READY_POLL_PAUSE.toMillis());
        }
        throw new TopicAdminException("Topics " + new ArrayList<>(names) + " were not served by partition leaders within " + timeout, lastFailure);
    }

    /**
     * Whether every partition's leader answers a ListOffsets request, which, like a produce request,
     * only the serving leader replica accepts. A leader listed in the metadata is not enough: a
     * Kafka 4.2 broker publishes it slightly before it opens the partition, and an idempotent
     * producer whose first batch hits that gap while later batches succeed can never deliver that
     * first batch (KAFKA-15591, fixed in Kafka 4.5).
     */
    private boolean leadersServe(Map<String, TopicDescription> descriptions, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException
    {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.forEach((topic, description) -> description.partitions()
                .forEach(partition -> partitions.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(remainingMillis(deadline)))
                    .all()
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }

    private static boolean allPartitionsLed(TopicDescription description)
    {
        return description.partitions().stream().map(TopicPartitionInfo::leader).allMatch(leader -> leader != null && !leader.isEmpty());
    }

    private static int remainingMillis(long deadline)
    {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining));
    }
}

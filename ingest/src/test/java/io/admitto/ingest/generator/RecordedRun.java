package io.admitto.ingest.generator;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventJson;
import io.admitto.events.EventType;
import io.admitto.events.PatientFlowEvent;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A generator run written to a folder and kept in memory too: the events in the order the sink got
 * them, the NDJSON lines per topic as written, and the ground truth. Gives the specifications
 * convenient views by encounter and type.
 */
final class RecordedRun
{
    final GroundTruth truth;
    final List<CanonicalEvent> delivered;
    final Map<Topic, List<String>> lines;
    final Map<String, List<CanonicalEvent>> byEncounter;
    final Map<String, GroundTruth.InjectedDefect> defects;

    private RecordedRun(GroundTruth truth, List<CanonicalEvent> delivered, Map<Topic, List<String>> lines)
    {
        this.truth = truth;
        this.delivered = delivered;
        this.lines = lines;
        this.byEncounter = delivered.stream().collect(Collectors.groupingBy(CanonicalEvent::encounterId, LinkedHashMap::new, Collectors.toList()));
        this.defects = truth.defects().stream().collect(Collectors.toMap(GroundTruth.InjectedDefect::encounterId, Function.identity()));
    }

    static RecordedRun generate(GeneratorConfig config, Path directory)
    {
        List<CanonicalEvent> delivered = new ArrayList<>();
        GroundTruth truth;
        try (NdjsonEventSink files = new NdjsonEventSink(directory)) {
            truth = new HospitalGenerator(config).generate(event -> {
                delivered.add(event);
                files.accept(event);
            });
        }
        new GroundTruthJson().write(truth, directory.resolve(GeneratorRun.TRUTH_FILE));
        Map<Topic, List<String>> lines = new EnumMap<>(Topic.class);
        try {
            for (Topic topic : Topic.values()) {
                if (topic != Topic.DEAD_LETTER) {
                    lines.put(topic, Files.readAllLines(NdjsonEventSink.file(directory, topic), UTF_8));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordedRun(truth, delivered, lines);
    }

    /** Every event read back from the NDJSON files, per topic in file order. */
    Map<Topic, List<CanonicalEvent>> readBack()
    {
        EventJson json = new EventJson();
        Map<Topic, List<CanonicalEvent>> events = new EnumMap<>(Topic.class);
        lines.forEach((topic, text) -> events.put(topic, text.stream().map(json::fromJson).toList()));
        return events;
    }

    <T extends CanonicalEvent> List<T> all(Class<T> type)
    {
        return delivered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<CanonicalEvent> of(String encounterId, EventType type)
    {
        return byEncounter.getOrDefault(encounterId, List.of()).stream().filter(event -> event.eventType() == type).toList();
    }

    Optional<CanonicalEvent> first(String encounterId, EventType type)
    {
        return of(encounterId, type).stream().findFirst();
    }

    OffsetDateTime timeOf(String encounterId, EventType type)
    {
        return first(encounterId, type).map(CanonicalEvent::eventTime).orElseThrow(() -> new AssertionError(encounterId + " has no " + type));
    }

    /** The registration completed at the desk: registered (A04) or admitted (A01). */
    Optional<RegistrationEvent> registration(String encounterId)
    {
        return byEncounter.getOrDefault(encounterId, List.of()).stream()
                .filter(event -> event.eventType() == EventType.REGISTRATION_REGISTERED || event.eventType() == EventType.REGISTRATION_ADMITTED)
                .map(RegistrationEvent.class::cast)
                .findFirst();
    }

    List<RegistrationEvent> registrations()
    {
        return byEncounter.keySet().stream().map(this::registration).flatMap(Optional::stream).toList();
    }

    String department(String encounterId)
    {
        return byEncounter.get(encounterId).stream()
                .filter(PatientFlowEvent.class::isInstance).map(event -> ((PatientFlowEvent) event).department())
                .findFirst().orElse(null);
    }
}

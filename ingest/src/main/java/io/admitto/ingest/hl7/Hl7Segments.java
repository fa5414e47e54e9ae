package io.admitto.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The segments of a parsed message by name, in message order, whatever structure (ADT_A01, ADT_A03,
 * ADT_A05, ADT_A39, a generic one) HAPI chose, and wherever a feed put them. Reading through structure
 * groups would make the mapper depend on the trigger event; the same PID, PV1 and IN1 fields mean the
 * same in all of them. Values come from {@link Terser}, which reads typed and generic segments alike.
 */
final class Hl7Segments {
    private final Map<String, List<Segment>> byName = new HashMap<>();
    /** IN1 and IN2 segments in message order, to pair each IN2 with the IN1 before it. */
    private final List<Segment> insurance = new ArrayList<>();

    Hl7Segments(Message message) {
        collect(requireNonNull(message, "message is null"));
    }

    private void collect(Group group) {
        for (String name : group.getNames()) {
            Structure[] repetitions;
            try {
                repetitions = group.getAll(name);
            }
            catch (HL7Exception e) {
                continue; // a name HAPI itself listed; cannot happen, and nothing to read if it did
            }
            for (Structure structure : repetitions) {
                if (structure instanceof Segment segment) {
                    if (isEmpty(segment)) {
                        // HAPI keeps instances of structure segments the message did not send; an empty
                        // one (a bare "PV1" included) carries nothing, so it reads as absent
                        continue;
                    }
                    byName.computeIfAbsent(segment.getName(), key -> new ArrayList<>(2)).add(segment);
                    if ("IN1".equals(segment.getName()) || "IN2".equals(segment.getName())) {
                        insurance.add(segment);
                    }
                }
                else if (structure instanceof Group child) {
                    collect(child);
                }
            }
        }
    }

    private static boolean isEmpty(Segment segment) {
        try {
            return segment.isEmpty();
        }
        catch (HL7Exception e) {
            return false;
        }
    }

    /** The first segment named {@code name}, or null. */
    Segment first(String name) {
        List<Segment> segments = byName.get(name);
        return segments == null ? null : segments.get(0);
    }

    List<Segment> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Each IN1 with the IN2 that follows it before the next IN1 (or null). */
    List<Segment[]> insurancePairs() {
        List<Segment[]> pairs = new ArrayList<>();
        for (Segment segment : insurance) {
            if ("IN1".equals(segment.getName())) {
                pairs.add(new Segment[] {segment, null});
            }
            else if (!pairs.isEmpty() && pairs.get(pairs.size() - 1)[1] == null) {
                pairs.get(pairs.size() - 1)[1] = segment;
            }
        }
        return pairs;
    }

    /**
     * A value, trimmed; null when empty, when the sender wrote the HL7 explicit null {@code ""}, or when
     * the segment is null or shorter than the field.
     *
     * @param repetition 0-based field repetition
     * @param component 1-based
     * @param subcomponent 1-based
     */
    static String value(Segment segment, int field, int repetition, int component, int subcomponent) {
        if (segment == null) {
            return null;
        }
        String value;
        try {
            value = Terser.get(segment, field, repetition, component, subcomponent);
        }
        catch (HL7Exception | RuntimeException e) {
            // HAPI throws for a field number beyond the segment's definition; for us the value is absent
            return null;
        }
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.isEmpty() || "\"\"".equals(value) ? null : value;
    }

    static String value(Segment segment, int field, int component) {
        return value(segment, field, 0, component, 1);
    }

    static String value(Segment segment, int field) {
        return value(segment, field, 0, 1, 1);
    }

    /** How many repetitions field {@code field} has (0 when the segment is null or the field absent). */
    static int repetitions(Segment segment, int field) {
        if (segment == null) {
            return 0;
        }
        try {
            return segment.getField(field).length;
        }
        catch (HL7Exception | RuntimeException e) {
            return 0;
        }
    }
}

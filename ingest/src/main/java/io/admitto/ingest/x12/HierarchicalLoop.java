package io.admitto.ingest.x12;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An HL loop: the HL segment and everything up to the next HL. 270/271, 278 and 277CA nest their
 * parties this way (20 information source, 21 receiver, 22 subscriber, 23 dependent, 19 provider,
 * PT patient, EV patient event, SS service), linked by HL02 parent ids.
 *
 * @param levelCode HL03
 * @param hasChildren HL04 = 1
 */
record HierarchicalLoop(String id, String parentId, String levelCode, boolean hasChildren, List<X12Segment> segments) {
    HierarchicalLoop {
        requireNonNull(id, "id is null");
        requireNonNull(parentId, "parentId is null");
        requireNonNull(levelCode, "levelCode is null");
        segments = List.copyOf(segments);
    }

    /** The loops of a transaction, in order; segments before the first HL (BHT) are left out. */
    static List<HierarchicalLoop> of(List<X12Segment> segments) {
        List<HierarchicalLoop> loops = new ArrayList<>();
        X12Segment hl = null;
        List<X12Segment> body = new ArrayList<>();
        for (X12Segment segment : segments) {
            if (segment.tag().equals("HL")) {
                if (hl != null) {
                    loops.add(loop(hl, body));
                }
                hl = segment;
                body = new ArrayList<>();
                body.add(segment);
            }
            else if (hl != null && !segment.tag().equals("SE")) {
                body.add(segment);
            }
        }
        if (hl != null) {
            loops.add(loop(hl, body));
        }
        return List.copyOf(loops);
    }

    private static HierarchicalLoop loop(X12Segment hl, List<X12Segment> body) {
        return new HierarchicalLoop(hl.value(1), hl.value(2), hl.value(3), "1".equals(hl.value(4)), body);
    }

    /** Parent chain from this loop up (nearest first), guarding against cycles in malformed input. */
    static List<HierarchicalLoop> ancestors(HierarchicalLoop loop, Map<String, HierarchicalLoop> byId) {
        List<HierarchicalLoop> chain = new ArrayList<>();
        HierarchicalLoop current = byId.get(loop.parentId());
        while (current != null && chain.size() < byId.size() && current != loop && !chain.contains(current)) {
            chain.add(current);
            current = byId.get(current.parentId());
        }
        return chain;
    }

    static Map<String, HierarchicalLoop> byId(List<HierarchicalLoop> loops) {
        Map<String, HierarchicalLoop> byId = new HashMap<>();
        for (HierarchicalLoop loop : loops) {
            byId.putIfAbsent(loop.id(), loop);
        }
        return byId;
    }

    Optional<X12Segment> first(String tag) {
        for (X12Segment segment : segments) {
            if (segment.tag().equals(tag)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    Optional<X12Segment> first(String tag, String firstElement) {
        for (X12Segment segment : segments) {
            if (segment.is(tag, firstElement)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    List<X12Segment> all(String tag) {
        List<X12Segment> found = new ArrayList<>();
        for (X12Segment segment : segments) {
            if (segment.tag().equals(tag)) {
                found.add(segment);
            }
        }
        return found;
    }

    int start() {
        return segments.get(0).start();
    }

    int end() {
        return segments.get(segments.size() - 1).end();
    }
}

package io.admitto.ingest.x12;

import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimStatusCode;
import io.admitto.events.EventType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 277CA claim acknowledgment (005010X214): one {@code claim.acknowledgment} per claim status tracking
 * loop (2200D, opened by TRN under a patient HL*PT). TRN02 there is the patient control number the
 * hospital sent in CLM01, i.e. the encounter; REF*EJ is read when TRN02 is empty.
 *
 * <p>Statuses are the claim-level STC segments (STC01, and the extra composites STC10 and STC11);
 * service-line STCs (after an SVC) are not the claim's verdict and are left out. Category A2 is
 * accepted, A3/A6/A7/A8 rejected before adjudication.
 */
final class ClaimAcknowledgmentMapper implements TransactionMapper {
    @Override
    public void map(TransactionContext context, X12Output output) {
        List<HierarchicalLoop> loops = HierarchicalLoop.of(context.transaction().segments());
        Map<String, HierarchicalLoop> byId = HierarchicalLoop.byId(loops);
        int claims = 0;
        for (HierarchicalLoop loop : loops) {
            if (!loop.levelCode().equals("PT")) {
                continue;
            }
            List<HierarchicalLoop> ancestors = HierarchicalLoop.ancestors(loop, byId);
            int index = 0;
            for (List<X12Segment> claim : claims(loop)) {
                claims++;
                index++;
                String unit = "HL*" + loop.id() + " TRN#" + index;
                try {
                    output.event(acknowledgment(context, claim, ancestors, "hl-" + loop.id() + "-" + index));
                }
                catch (X12MappingException e) {
                    output.reject(context.location(unit), e.getMessage(),
                            context.text(claim.get(0).start(), claim.get(claim.size() - 1).end()));
                }
            }
        }
        if (claims == 0) {
            throw new X12MappingException("277CA without a claim status loop (HL*PT with TRN): nothing to acknowledge");
        }
    }

    /** The TRN-opened claim loops of a patient loop. */
    private static List<List<X12Segment>> claims(HierarchicalLoop patient) {
        List<List<X12Segment>> claims = new ArrayList<>();
        List<X12Segment> current = null;
        for (X12Segment segment : patient.segments()) {
            if (segment.tag().equals("TRN")) {
                current = new ArrayList<>();
                claims.add(current);
            }
            if (current != null) {
                current.add(segment);
            }
        }
        return claims;
    }

    private static ClaimAcknowledgment acknowledgment(TransactionContext context, List<X12Segment> claim,
            List<HierarchicalLoop> ancestors, String unit) {
        String claimId = X12Values.emptyToNull(claim.get(0).value(2));
        List<ClaimStatusCode> statuses = new ArrayList<>();
        X12Segment firstStatus = null;
        String account = null;
        for (X12Segment segment : claim) {
            if (segment.tag().equals("SVC")) {
                break;
            }
            if (segment.tag().equals("STC")) {
                firstStatus = firstStatus == null ? segment : firstStatus;
                for (int position : new int[] {1, 10, 11}) {
                    X12Element composite = segment.element(position);
                    if (!composite.component(1).isEmpty()) {
                        statuses.add(new ClaimStatusCode(composite.component(1),
                                X12Values.emptyToNull(composite.component(2)), X12Values.emptyToNull(composite.component(3))));
                    }
                }
            }
            if (segment.is("REF", "EJ")) {
                account = X12Values.emptyToNull(segment.value(2));
            }
        }
        String encounterId = claimId != null ? claimId : account;
        if (encounterId == null) {
            throw new X12MappingException("TRN02 (patient control number) and REF*EJ are empty: the acknowledgment cannot be keyed to an encounter");
        }
        if (statuses.isEmpty()) {
            throw new X12MappingException("claim " + encounterId + " has no claim-level STC: no acknowledgment status to report");
        }
        LocalDate statusDate = X12Values.date(firstStatus.value(2)).orElse(null);
        return new ClaimAcknowledgment(
                context.eventId(unit),
                EventType.CLAIM_ACKNOWLEDGMENT,
                context.creationTime(),
                context.source(unit),
                context.facilityId(party(ancestors, "19").orElse(null), true),
                ClaimAcknowledgment.CURRENT_SCHEMA_VERSION,
                encounterId,
                encounterId,
                party(ancestors, "20").orElse(null),
                statuses,
                X12Values.decimal(firstStatus.value(4), "STC04"),
                statusDate);
    }

    private static Optional<String> party(List<HierarchicalLoop> ancestors, String levelCode) {
        for (HierarchicalLoop ancestor : ancestors) {
            if (ancestor.levelCode().equals(levelCode)) {
                return ancestor.first("NM1").map(nm1 -> nm1.value(9)).filter(id -> !id.isEmpty());
            }
        }
        return Optional.empty();
    }
}

package io.admitto.ingest.x12;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.AuthorizationRequest;
import io.admitto.events.CertificationAction;
import io.admitto.events.EventType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 278 health care services review (005010X217): one event per patient event loop (HL*EV), the unit a
 * payer certifies. A request (BHT02 13) becomes {@code authorization.request}; a response (BHT02 11) an
 * {@code authorization.decision} with HCR01 as the action. Service detail (procedure, units, dates) comes
 * from the event's first service loop (HL*SS) when it has one, else from the event loop itself.
 *
 * <p>Encounter: REF*EJ (patient account number) in the event, subscriber or dependent loop; otherwise the
 * requester's trace number (TRN*1 in the request, echoed as TRN*2 in the response).
 */
final class AuthorizationMapper implements TransactionMapper {
    @Override
    public void map(TransactionContext context, X12Output output) {
        List<X12Segment> segments = context.transaction().segments();
        boolean response = segments.stream().filter(s -> s.tag().equals("BHT")).findFirst()
                .map(bht -> bht.value(2).equals("11")).orElse(false);
        List<HierarchicalLoop> loops = HierarchicalLoop.of(segments);
        Map<String, HierarchicalLoop> byId = HierarchicalLoop.byId(loops);
        int events = 0;
        for (HierarchicalLoop loop : loops) {
            if (!loop.levelCode().equals("EV")) {
                continue;
            }
            events++;
            String unit = "HL*" + loop.id();
            List<HierarchicalLoop> services = loops.stream()
                    .filter(candidate -> candidate.levelCode().equals("SS") && candidate.parentId().equals(loop.id()))
                    .toList();
            int end = services.isEmpty() ? loop.end() : services.get(services.size() - 1).end();
            try {
                Review review = new Review(loop, services, HierarchicalLoop.ancestors(loop, byId));
                output.event(response ? decision(context, review, unit) : request(context, review, unit));
            }
            catch (X12MappingException e) {
                output.reject(context.location(unit), e.getMessage(), context.text(loop.start(), end));
            }
        }
        if (events == 0) {
            throw new X12MappingException("278 without a patient event loop (HL*EV): nothing to key to an encounter"
                    + rejections(loops));
        }
    }

    private static AuthorizationRequest request(TransactionContext context, Review review, String unit) {
        X12Segment um = review.first("UM").orElseThrow(() -> new X12MappingException("278 request without UM (health care services review) in " + unit));
        String trace = review.trace("1");
        Optional<X12Values.DateRange> service = review.dates("472");
        return new AuthorizationRequest(
                context.eventId(unit),
                EventType.AUTHORIZATION_REQUEST,
                context.creationTime(),
                context.source(unit),
                context.facilityId(review.providerId(), false),
                AuthorizationRequest.CURRENT_SCHEMA_VERSION,
                review.encounterId(trace, unit),
                trace,
                review.payerId(),
                X12Values.emptyToNull(um.value(1)),
                X12Values.emptyToNull(um.value(2)),
                X12Values.emptyToNull(um.value(3)),
                review.procedureCode(),
                review.units().orElse(1),
                service.map(X12Values.DateRange::from).orElse(null),
                service.map(X12Values.DateRange::to).orElse(null),
                // UM06 level of service: U urgent, 03 emergency; CMS-0057-F gives these 72 hours
                um.value(6).equals("U") || um.value(6).equals("03"));
    }

    private static AuthorizationDecision decision(TransactionContext context, Review review, String unit) {
        X12Segment hcr = review.first("HCR").orElseThrow(() -> new X12MappingException(
                "278 response without HCR (certification action) in " + unit + rejections(review.all())));
        CertificationAction action;
        try {
            action = CertificationAction.fromCode(hcr.value(1));
        }
        catch (IllegalArgumentException e) {
            throw new X12MappingException("HCR01 '" + hcr.value(1) + "' is not an X12 action code (A1, A2, A3, A4, A6, C, CT, NA)");
        }
        String trace = review.trace("2");
        Optional<X12Values.DateRange> certified = review.dates("AAH").or(() -> review.dates("472"));
        String authorizationNumber = X12Values.emptyToNull(hcr.value(2));
        if (authorizationNumber == null) {
            authorizationNumber = review.first("REF", "BB").map(ref -> X12Values.emptyToNull(ref.value(2))).orElse(null);
        }
        return new AuthorizationDecision(
                context.eventId(unit),
                EventType.AUTHORIZATION_DECISION,
                context.creationTime(),
                context.source(unit),
                context.facilityId(review.providerId(), true),
                AuthorizationDecision.CURRENT_SCHEMA_VERSION,
                review.encounterId(trace, unit),
                trace,
                review.payerId(),
                action,
                authorizationNumber,
                X12Values.emptyToNull(hcr.value(3)),
                certified.map(X12Values.DateRange::from).orElse(null),
                certified.map(X12Values.DateRange::to).orElse(null),
                action.authorizes() ? review.units().orElse(null) : null,
                // the response does not say when the request was sent; the jobs join it by trackingNumber
                null);
    }

    private static String rejections(List<HierarchicalLoop> loops) {
        List<String> codes = new ArrayList<>();
        for (HierarchicalLoop loop : loops) {
            for (X12Segment aaa : loop.all("AAA")) {
                codes.add("AAA03=" + aaa.value(3) + " at HL*" + loop.id());
            }
        }
        return codes.isEmpty() ? "" : " (the reviewer rejected the request: " + String.join(", ", codes) + ")";
    }

    /** A patient event with its service loops and the parties above it. */
    private static final class Review {
        private final HierarchicalLoop event;
        private final List<HierarchicalLoop> services;
        private final List<HierarchicalLoop> ancestors;

        Review(HierarchicalLoop event, List<HierarchicalLoop> services, List<HierarchicalLoop> ancestors) {
            this.event = event;
            this.services = services;
            this.ancestors = ancestors;
        }

        /** The first service loop's segment, else the event's: service detail is most specific there. */
        Optional<X12Segment> first(String tag) {
            if (!services.isEmpty()) {
                Optional<X12Segment> found = services.get(0).first(tag);
                if (found.isPresent() && !tag.equals("UM")) {
                    return found;
                }
            }
            Optional<X12Segment> own = event.first(tag);
            return own.isPresent() || services.isEmpty() ? own : services.get(0).first(tag);
        }

        Optional<X12Segment> first(String tag, String firstElement) {
            if (!services.isEmpty()) {
                Optional<X12Segment> found = services.get(0).first(tag, firstElement);
                if (found.isPresent()) {
                    return found;
                }
            }
            return event.first(tag, firstElement);
        }

        List<HierarchicalLoop> all() {
            List<HierarchicalLoop> all = new ArrayList<>(ancestors);
            all.add(event);
            all.addAll(services);
            return all;
        }

        String trace(String providerTraceType) {
            return event.first("TRN", providerTraceType).or(() -> event.first("TRN"))
                    .map(trn -> X12Values.emptyToNull(trn.value(2))).orElse(null);
        }

        String encounterId(String trace, String unit) {
            Optional<String> account = event.first("REF", "EJ").map(ref -> ref.value(2));
            for (HierarchicalLoop ancestor : ancestors) {
                if (account.isPresent() && !account.get().isEmpty()) {
                    break;
                }
                if (ancestor.levelCode().equals("22") || ancestor.levelCode().equals("23")) {
                    account = ancestor.first("REF", "EJ").map(ref -> ref.value(2));
                }
            }
            if (account.isPresent() && !account.get().isEmpty()) {
                return account.get();
            }
            if (trace != null) {
                return trace;
            }
            throw new X12MappingException("no patient account number (REF*EJ) and no trace number (TRN) in " + unit
                    + ": the review cannot be keyed to an encounter");
        }

        String payerId() {
            return party("20");
        }

        String providerId() {
            return party("21");
        }

        private String party(String levelCode) {
            for (HierarchicalLoop ancestor : ancestors) {
                if (ancestor.levelCode().equals(levelCode)) {
                    return ancestor.first("NM1").map(nm1 -> X12Values.emptyToNull(nm1.value(9))).orElse(null);
                }
            }
            return null;
        }

        /** SV1 professional, SV2 institutional (SV202), SV3 dental: the procedure code component. */
        String procedureCode() {
            Optional<X12Segment> sv1 = first("SV1");
            if (sv1.isPresent()) {
                return X12Values.emptyToNull(sv1.get().element(1).component(2));
            }
            Optional<X12Segment> sv2 = first("SV2");
            if (sv2.isPresent()) {
                return X12Values.emptyToNull(sv2.get().element(2).component(2));
            }
            return first("SV3").map(sv3 -> X12Values.emptyToNull(sv3.element(1).component(2))).orElse(null);
        }

        /** HSD02 quantity, else SV104 (professional) or SV205 (institutional) units. */
        Optional<Integer> units() {
            Optional<X12Segment> hsd = first("HSD");
            if (hsd.isPresent() && !hsd.get().value(2).isEmpty()) {
                return Optional.of(X12Values.units(hsd.get().value(2), "HSD02", 1));
            }
            Optional<X12Segment> sv1 = first("SV1");
            if (sv1.isPresent() && !sv1.get().value(4).isEmpty()) {
                return Optional.of(X12Values.units(sv1.get().value(4), "SV104", 1));
            }
            return first("SV2").filter(sv2 -> !sv2.value(5).isEmpty())
                    .map(sv2 -> X12Values.units(sv2.value(5), "SV205", 1));
        }

        Optional<X12Values.DateRange> dates(String qualifier) {
            return first("DTP", qualifier).flatMap(dtp -> X12Values.dateRange(dtp.value(2), dtp.value(3)));
        }
    }
}

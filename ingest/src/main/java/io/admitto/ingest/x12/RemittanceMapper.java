package io.admitto.ingest.x12;

import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EventType;
import io.admitto.events.ServiceLinePayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 835 remittance advice (005010X221A1): one {@code claim.remittance} per CLP loop, keyed by CLP01, the
 * patient control number the hospital put on the claim (its encounter / account number).
 *
 * <p>A claim whose values cannot be read is rejected alone; the other claims of the payment still map.
 * BPR16 (payment effective date) that is not a real date — as in one public sample — leaves
 * {@code paymentDate} empty and the event time falls back to DTM*405 (production date).
 */
final class RemittanceMapper implements TransactionMapper {
    /** Service-line procedure qualifiers (SVC01-1) we recognise when a sender used the wrong component separator. */
    private static final String[] CAS_ELEMENTS = casElementNames();
    private static final List<String> PROCEDURE_QUALIFIERS = List.of("HC", "AD", "ER", "HP", "IV", "N4", "NU", "WK", "ZZ");

    @Override
    public void map(TransactionContext context, X12Output output) {
        List<X12Segment> segments = context.transaction().segments();
        Header header = Header.of(segments);
        List<List<X12Segment>> claims = claims(segments);
        if (claims.isEmpty()) {
            throw new X12MappingException("835 without any claim payment (CLP): nothing to map"
                    + " (a payment with only provider-level adjustments, PLB, has no encounter)");
        }
        int index = 0;
        for (List<X12Segment> claim : claims) {
            index++;
            String unit = "CLP#" + index + " " + claim.get(0).value(1);
            try {
                output.event(claim(context, header, claim, "clp-" + index));
            }
            catch (X12MappingException e) {
                output.reject(context.location(unit), e.getMessage(),
                        context.text(claim.get(0).start(), claim.get(claim.size() - 1).end()));
            }
        }
    }

    private static List<List<X12Segment>> claims(List<X12Segment> segments) {
        List<List<X12Segment>> claims = new ArrayList<>();
        List<X12Segment> current = null;
        for (X12Segment segment : segments) {
            switch (segment.tag()) {
                case "CLP" -> {
                    current = new ArrayList<>();
                    current.add(segment);
                    claims.add(current);
                }
                // a new header number, provider-level adjustments or the trailer end the claim
                case "LX", "TS3", "TS2", "PLB", "SE" -> current = null;
                default -> {
                    if (current != null) {
                        current.add(segment);
                    }
                }
            }
        }
        return claims;
    }

    private ClaimRemittance claim(TransactionContext context, Header header, List<X12Segment> claim, String unit) {
        X12Segment clp = claim.get(0);
        String claimId = clp.value(1);
        if (claimId.isEmpty()) {
            throw new X12MappingException("CLP01 (patient control number) is empty: the claim cannot be keyed to an encounter");
        }
        List<ClaimAdjustment> claimAdjustments = new ArrayList<>();
        List<String> claimRemarks = new ArrayList<>();
        List<ServiceLinePayment> lines = new ArrayList<>();
        LocalDate statementStart = null;
        LocalDate firstLineDate = null;
        LineBuilder line = null;
        for (X12Segment segment : claim.subList(1, claim.size())) {
            switch (segment.tag()) {
                case "SVC" -> {
                    if (line != null) {
                        lines.add(line.build());
                    }
                    line = new LineBuilder(segment);
                }
                case "CAS" -> (line != null ? line.adjustments : claimAdjustments).addAll(adjustments(segment));
                case "LQ" -> {
                    if (line != null && segment.value(1).equals("HE")) {
                        line.remarks.add(segment.value(2));
                    }
                }
                case "MOA" -> addRemarks(segment, new int[] {3, 4, 5, 6, 7}, claimRemarks);
                case "MIA" -> addRemarks(segment, new int[] {5, 20, 21, 22, 23}, claimRemarks);
                case "DTM" -> {
                    // claim statement period start (232), else the first service line date (472, or 150 period start)
                    String qualifier = segment.value(1);
                    LocalDate date = X12Values.date(segment.value(2)).orElse(null);
                    if (qualifier.equals("232") && statementStart == null) {
                        statementStart = date;
                    }
                    else if ((qualifier.equals("472") || qualifier.equals("150")) && firstLineDate == null) {
                        firstLineDate = date;
                    }
                }
                default -> {
                    // NM1, REF, AMT, QTY… describe the claim but have no canonical field
                }
            }
        }
        if (line != null) {
            lines.add(line.build());
        }
        return new ClaimRemittance(
                context.eventId(unit),
                EventType.CLAIM_REMITTANCE,
                header.eventTime(context),
                context.source(unit),
                context.facilityId(header.payeeId(), true),
                ClaimRemittance.CURRENT_SCHEMA_VERSION,
                claimId,
                claimId,
                header.payerId(),
                X12Values.emptyToNull(clp.value(7)),
                X12Values.emptyToNull(clp.value(2)),
                X12Values.decimal(clp.value(3), "CLP03"),
                X12Values.decimal(clp.value(4), "CLP04"),
                X12Values.decimal(clp.value(5), "CLP05"),
                claimAdjustments,
                claimRemarks,
                lines,
                statementStart != null ? statementStart : firstLineDate,
                header.paymentDate());
    }

    /** CAS01 group, then up to six (reason, amount, quantity) triples in CAS02–CAS19. */
    private static List<ClaimAdjustment> adjustments(X12Segment cas) {
        List<ClaimAdjustment> adjustments = new ArrayList<>(2);
        String group = cas.value(1);
        for (int reason = 2; reason <= 17; reason += 3) {
            String code = cas.value(reason);
            if (code.isEmpty()) {
                continue;
            }
            // element names are built only for a message: this loop runs for every CAS of every claim
            BigDecimal amount = X12Values.decimal(cas.value(reason + 1), CAS_ELEMENTS[reason + 1]);
            if (amount == null) {
                throw new X12MappingException(CAS_ELEMENTS[reason + 1] + " is empty: adjustment " + group + "-" + code + " has no amount");
            }
            adjustments.add(new ClaimAdjustment(group, code, amount, X12Values.decimal(cas.value(reason + 2), CAS_ELEMENTS[reason + 2])));
        }
        return adjustments;
    }

    private static String[] casElementNames() {
        String[] names = new String[21];
        for (int i = 1; i < names.length; i++) {
            names[i] = "CAS" + (i < 10 ? "0" : "") + i;
        }
        return names;
    }

    private static void addRemarks(X12Segment segment, int[] positions, List<String> into) {
        for (int position : positions) {
            String code = segment.value(position);
            if (!code.isEmpty()) {
                into.add(code);
            }
        }
    }

    /**
     * SVC01 is a composite (qualifier:code:modifiers). One public 835 writes {@code HC>55669} although its
     * ISA16 is ':'; StAEDI then (rightly) reads one component. A qualifier we know followed by a
     * separator-like character is split there, so the procedure code is not lost.
     */
    static String procedureCode(X12Element svc01) {
        if (svc01.componentCount() > 1) {
            return X12Values.emptyToNull(svc01.component(2));
        }
        String value = svc01.value();
        if (value.length() > 3 && PROCEDURE_QUALIFIERS.contains(value.substring(0, 2))
                && !Character.isLetterOrDigit(value.charAt(2))) {
            return value.substring(3);
        }
        return X12Values.emptyToNull(value);
    }

    private static final class LineBuilder {
        private final X12Segment svc;
        private final List<ClaimAdjustment> adjustments = new ArrayList<>();
        private final List<String> remarks = new ArrayList<>();

        LineBuilder(X12Segment svc) {
            this.svc = svc;
        }

        ServiceLinePayment build() {
            return new ServiceLinePayment(
                    procedureCode(svc.element(1)),
                    X12Values.decimal(svc.value(2), "SVC02"),
                    X12Values.decimal(svc.value(3), "SVC03"),
                    X12Values.units(svc.value(5), "SVC05", 1),
                    adjustments,
                    remarks);
        }
    }

    /** What the 835 header says about the payment as a whole. */
    private record Header(String payerId, String payeeId, LocalDate paymentDate, LocalDate productionDate) {
        static Header of(List<X12Segment> segments) {
            String payerId = null;
            String payerAdditionalId = null;
            String originatorId = null;
            String payeeId = null;
            LocalDate paymentDate = null;
            LocalDate productionDate = null;
            String party = "";
            for (X12Segment segment : segments) {
                switch (segment.tag()) {
                    case "BPR" -> paymentDate = X12Values.date(segment.value(16)).orElse(null);
                    case "TRN" -> originatorId = X12Values.emptyToNull(segment.value(3));
                    case "DTM" -> {
                        if (segment.value(1).equals("405")) {
                            productionDate = X12Values.date(segment.value(2)).orElse(null);
                        }
                    }
                    case "N1" -> {
                        party = segment.value(1);
                        if (party.equals("PR")) {
                            payerId = X12Values.emptyToNull(segment.value(4));
                        }
                        else if (party.equals("PE")) {
                            payeeId = X12Values.emptyToNull(segment.value(4));
                        }
                    }
                    case "REF" -> {
                        if (party.equals("PR") && segment.value(1).equals("2U")) {
                            payerAdditionalId = X12Values.emptyToNull(segment.value(2));
                        }
                    }
                    case "LX", "CLP" -> {
                        // the header ends where the claims begin
                        return new Header(firstOf(payerId, payerAdditionalId, originatorId), payeeId, paymentDate, productionDate);
                    }
                    default -> {
                    }
                }
            }
            return new Header(firstOf(payerId, payerAdditionalId, originatorId), payeeId, paymentDate, productionDate);
        }

        /** The payment date, else the production date; the remittance happened then, not when we read it. */
        OffsetDateTime eventTime(TransactionContext context) {
            Optional<LocalDate> date = Optional.ofNullable(paymentDate).or(() -> Optional.ofNullable(productionDate));
            return date.map(context::startOf).orElseGet(context::creationTime);
        }

        private static String firstOf(String... values) {
            for (String value : values) {
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
    }
}

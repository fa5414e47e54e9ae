package io.admitto.ingest.x12;

import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityInquiry;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.RequestRejection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 270 inquiries and 271 responses (005010X279A1): one event per subscriber (HL 22) or dependent (HL 23)
 * loop that carries a trace, an inquiry, benefits or a rejection, since each such loop is one patient's
 * question or answer.
 *
 * <p>Encounter: the patient account number REF*EJ when the provider sent one; otherwise the provider's
 * trace number (270 TRN*1, echoed by the 271 as TRN*2), which the registration system sets per visit and
 * which links a 271 to its 270. A loop with neither cannot be keyed and is rejected.
 */
final class EligibilityMapper implements TransactionMapper {
    private static final Set<String> ACTIVE = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> INACTIVE = Set.of("6", "7", "8");

    private final boolean response;

    private EligibilityMapper(boolean response) {
        this.response = response;
    }

    static EligibilityMapper inquiries() {
        return new EligibilityMapper(false);
    }

    static EligibilityMapper responses() {
        return new EligibilityMapper(true);
    }

    @Override
    public void map(TransactionContext context, X12Output output) {
        List<HierarchicalLoop> loops = HierarchicalLoop.of(context.transaction().segments());
        Map<String, HierarchicalLoop> byId = HierarchicalLoop.byId(loops);
        int mapped = 0;
        for (HierarchicalLoop loop : loops) {
            if (!isPatientLoop(loop)) {
                continue;
            }
            mapped++;
            String unit = "HL*" + loop.id();
            try {
                List<HierarchicalLoop> ancestors = HierarchicalLoop.ancestors(loop, byId);
                output.event(response ? response(context, loop, ancestors, unit) : inquiry(context, loop, ancestors, unit));
            }
            catch (X12MappingException e) {
                output.reject(context.location(unit), e.getMessage(), context.text(loop.start(), loop.end()));
            }
        }
        if (mapped == 0) {
            throw new X12MappingException("no subscriber or dependent loop (HL*22/HL*23) to key to an encounter"
                    + rejectionSummary(loops));
        }
    }

    private static boolean isPatientLoop(HierarchicalLoop loop) {
        if (!loop.levelCode().equals("22") && !loop.levelCode().equals("23")) {
            return false;
        }
        return loop.first("TRN").isPresent() || loop.first("EQ").isPresent() || loop.first("EB").isPresent()
                || loop.first("AAA").isPresent() || !loop.hasChildren();
    }

    private EligibilityInquiry inquiry(TransactionContext context, HierarchicalLoop loop, List<HierarchicalLoop> ancestors, String unit) {
        Parties parties = Parties.of(loop, ancestors);
        List<String> serviceTypes = new ArrayList<>();
        for (X12Segment eq : loop.all("EQ")) {
            serviceTypes.addAll(eq.element(1).repeatedValues());
        }
        String trace = trace(loop, "1");
        return new EligibilityInquiry(
                context.eventId(unit),
                EventType.ELIGIBILITY_INQUIRY,
                context.creationTime(),
                context.source(unit),
                context.facilityId(parties.providerId(), false),
                EligibilityInquiry.CURRENT_SCHEMA_VERSION,
                encounterId(loop, ancestors, trace, unit),
                trace,
                parties.payerId(),
                parties.memberId(),
                serviceDate(loop),
                serviceTypes,
                null);
    }

    private EligibilityResponse response(TransactionContext context, HierarchicalLoop loop, List<HierarchicalLoop> ancestors, String unit) {
        Parties parties = Parties.of(loop, ancestors);
        String trace = trace(loop, "2");
        List<X12Segment> benefits = loop.all("EB");
        List<RequestRejection> rejections = rejections(loop, ancestors);
        return new EligibilityResponse(
                context.eventId(unit),
                EventType.ELIGIBILITY_RESPONSE,
                context.creationTime(),
                context.source(unit),
                context.facilityId(parties.providerId(), true),
                EligibilityResponse.CURRENT_SCHEMA_VERSION,
                encounterId(loop, ancestors, trace, unit),
                trace,
                parties.payerId(),
                parties.memberId(),
                serviceDate(loop),
                coverageStatus(benefits),
                rejections,
                planName(benefits),
                dateOf(loop, "346"),
                dateOf(loop, "347"),
                amount(benefits, "B", null),
                amount(benefits, "C", "29"),
                percent(benefits, "A"),
                amount(benefits, "G", "29"),
                authorizationRequired(benefits),
                inNetwork(benefits),
                benefits.stream().anyMatch(eb -> eb.value(1).equals("R")));
    }

    /** The provider's trace: TRN01=1 in the 270, echoed as TRN01=2 in the 271; else any TRN. */
    private static String trace(HierarchicalLoop loop, String providerTraceType) {
        Optional<X12Segment> own = loop.first("TRN", providerTraceType);
        return own.or(() -> loop.first("TRN")).map(trn -> X12Values.emptyToNull(trn.value(2))).orElse(null);
    }

    private static String encounterId(HierarchicalLoop loop, List<HierarchicalLoop> ancestors, String trace, String unit) {
        Optional<String> account = patientAccount(loop);
        if (account.isEmpty() && loop.levelCode().equals("23") && !ancestors.isEmpty()) {
            account = patientAccount(ancestors.get(0));
        }
        if (account.isPresent()) {
            return account.get();
        }
        if (trace != null) {
            return trace;
        }
        throw new X12MappingException("no patient account number (REF*EJ) and no trace number (TRN) in " + unit
                + ": the eligibility event cannot be keyed to an encounter" + rejectionSummary(List.of(loop)));
    }

    private static Optional<String> patientAccount(HierarchicalLoop loop) {
        return loop.first("REF", "EJ").map(ref -> ref.value(2)).filter(value -> !value.isEmpty());
    }

    private static LocalDate serviceDate(HierarchicalLoop loop) {
        for (X12Segment dtp : loop.all("DTP")) {
            if (dtp.value(1).equals("291") || dtp.value(1).equals("307")) {
                Optional<X12Values.DateRange> range = X12Values.dateRange(dtp.value(2), dtp.value(3));
                if (range.isPresent()) {
                    return range.get().from();
                }
            }
        }
        return null;
    }

    private static LocalDate dateOf(HierarchicalLoop loop, String qualifier) {
        return loop.first("DTP", qualifier)
                .flatMap(dtp -> X12Values.dateRange(dtp.value(2), dtp.value(3)))
                .map(range -> qualifier.equals("347") ? range.to() : range.from())
                .orElse(null);
    }

    /**
     * EB01 of the plan-level benefit (service type 30, or no service type) decides; other active or
     * inactive benefits are read only when the payer sent no plan-level one.
     */
    private static CoverageStatus coverageStatus(List<X12Segment> benefits) {
        CoverageStatus fallback = CoverageStatus.UNKNOWN;
        for (X12Segment eb : benefits) {
            CoverageStatus status = ACTIVE.contains(eb.value(1)) ? CoverageStatus.ACTIVE
                    : INACTIVE.contains(eb.value(1)) ? CoverageStatus.INACTIVE : CoverageStatus.UNKNOWN;
            if (status == CoverageStatus.UNKNOWN) {
                continue;
            }
            List<String> serviceTypes = eb.element(3).repeatedValues();
            if (serviceTypes.isEmpty() || serviceTypes.contains("30")) {
                return status;
            }
            if (fallback == CoverageStatus.UNKNOWN) {
                fallback = status;
            }
        }
        return fallback;
    }

    private static String planName(List<X12Segment> benefits) {
        for (X12Segment eb : benefits) {
            if ((ACTIVE.contains(eb.value(1)) || INACTIVE.contains(eb.value(1))) && !eb.value(5).isEmpty()) {
                return eb.value(5);
            }
        }
        return benefits.stream().map(eb -> eb.value(5)).filter(name -> !name.isEmpty()).findFirst().orElse(null);
    }

    /**
     * EB07 of the first EB with this EB01 that is not out of network (EB12 N), and, when given, this EB06
     * time period (29 = remaining).
     */
    private static BigDecimal amount(List<X12Segment> benefits, String code, String period) {
        for (X12Segment eb : benefits) {
            if (eb.value(1).equals(code) && !eb.value(12).equals("N") && !eb.value(7).isEmpty()
                    && (period == null || eb.value(6).equals(period))) {
                return X12Values.decimal(eb.value(7), "EB07");
            }
        }
        return null;
    }

    /** EB08 is already a fraction in 005010 (0.20 = 20%). */
    private static BigDecimal percent(List<X12Segment> benefits, String code) {
        for (X12Segment eb : benefits) {
            if (eb.value(1).equals(code) && !eb.value(12).equals("N") && !eb.value(8).isEmpty()) {
                return X12Values.decimal(eb.value(8), "EB08");
            }
        }
        return null;
    }

    /** EB11: any Y wins, because one service needing authorization is what registration must act on. */
    private static Boolean authorizationRequired(List<X12Segment> benefits) {
        Boolean required = null;
        for (X12Segment eb : benefits) {
            if (eb.value(11).equals("Y")) {
                return Boolean.TRUE;
            }
            if (eb.value(11).equals("N")) {
                required = Boolean.FALSE;
            }
        }
        return required;
    }

    /** EB12 of the first benefit that states it (Y or N); U (unknown) and W (not applicable) say nothing. */
    private static Boolean inNetwork(List<X12Segment> benefits) {
        for (X12Segment eb : benefits) {
            if (eb.value(12).equals("Y")) {
                return Boolean.TRUE;
            }
            if (eb.value(12).equals("N")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** AAA segments that apply to this patient: the payer's (2100A), the receiver's (2100B) and its own. */
    private static List<RequestRejection> rejections(HierarchicalLoop loop, List<HierarchicalLoop> ancestors) {
        List<RequestRejection> rejections = new ArrayList<>();
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            addRejections(ancestors.get(i), rejections);
        }
        addRejections(loop, rejections);
        return rejections;
    }

    private static void addRejections(HierarchicalLoop loop, List<RequestRejection> into) {
        boolean afterBenefit = false;
        for (X12Segment segment : loop.segments()) {
            if (segment.tag().equals("EB")) {
                afterBenefit = true;
            }
            else if (segment.tag().equals("AAA")) {
                into.add(new RequestRejection(segment.value(3), X12Values.emptyToNull(segment.value(4)),
                        loopName(loop.levelCode(), afterBenefit)));
            }
        }
    }

    private static String loopName(String levelCode, boolean afterBenefit) {
        return switch (levelCode) {
            case "20" -> "2100A";
            case "21" -> "2100B";
            case "22" -> afterBenefit ? "2110C" : "2100C";
            case "23" -> afterBenefit ? "2110D" : "2100D";
            default -> "HL" + levelCode;
        };
    }

    private static String rejectionSummary(List<HierarchicalLoop> loops) {
        List<String> codes = new ArrayList<>();
        for (HierarchicalLoop loop : loops) {
            for (X12Segment aaa : loop.all("AAA")) {
                codes.add("AAA03=" + aaa.value(3) + " in " + loopName(loop.levelCode(), false));
            }
        }
        return codes.isEmpty() ? "" : " (the payer rejected the request: " + String.join(", ", codes) + ")";
    }

    /** Who is who in the HL tree: payer (HL 20), provider (HL 21), subscriber (HL 22). */
    private record Parties(String payerId, String providerId, String memberId) {
        static Parties of(HierarchicalLoop loop, List<HierarchicalLoop> ancestors) {
            String payer = null;
            String provider = null;
            String member = null;
            List<HierarchicalLoop> chain = new ArrayList<>(ancestors);
            chain.add(0, loop);
            for (HierarchicalLoop level : chain) {
                switch (level.levelCode()) {
                    case "20" -> payer = nm109(level);
                    case "21" -> provider = nm109(level);
                    case "22" -> member = level.first("NM1", "IL").map(nm1 -> X12Values.emptyToNull(nm1.value(9))).orElse(member);
                    default -> {
                        // a dependent is identified through the subscriber's member id
                    }
                }
            }
            return new Parties(payer, provider, member);
        }

        private static String nm109(HierarchicalLoop loop) {
            return loop.first("NM1").map(nm1 -> X12Values.emptyToNull(nm1.value(9))).orElse(null);
        }
    }
}

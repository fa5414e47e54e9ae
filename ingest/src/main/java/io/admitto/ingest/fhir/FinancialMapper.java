package io.admitto.ingest.fhir;

import io.admitto.events.AuthorizationDecision;
import io.admitto.events.CertificationAction;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.CoverageStatus;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.RequestRejection;
import io.admitto.events.ServiceLinePayment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UnsignedIntType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payer-side resources: CoverageEligibilityResponse (the 271 in FHIR), ClaimResponse (a Da Vinci PAS
 * prior-authorization decision, the 278 response; or a claim adjudication) and ExplanationOfBenefit
 * (CARIN Blue Button, the 835 in FHIR, whose adjudication reasons are CARCs).
 */
final class FinancialMapper {
    private static final String CARC_SYSTEM = "claim-adjustment-reason";
    private static final String GROUP_SYSTEM = "claim-adjustment-group";

    private FinancialMapper() {}

    // ---- CoverageEligibilityResponse -> eligibility.response

    static EligibilityResponse eligibility(CoverageEligibilityResponse response, ResourceContext context) {
        Optional<CoverageEligibilityRequest> request = context.index().resolve(response.getRequest(), CoverageEligibilityRequest.class);
        String trace = request.flatMap(r -> FhirValues.firstIdentifier(r.getIdentifier()))
                .or(() -> logicalIdentifier(response.getRequest()))
                .or(() -> FhirValues.firstIdentifier(response.getIdentifier()))
                .orElseThrow(() -> new FhirMappingException(context.reference()
                        + " has no identifier (nor its request): the eligibility answer cannot be keyed to an encounter"));
        CoverageEligibilityResponse.InsuranceComponent insurance = response.getInsurance().isEmpty() ? null : response.getInsuranceFirstRep();
        Optional<Coverage> coverage = insurance == null ? Optional.empty() : context.index().resolve(insurance.getCoverage(), Coverage.class);
        List<RequestRejection> rejections = new ArrayList<>();
        for (CoverageEligibilityResponse.ErrorsComponent error : response.getError()) {
            rejections.add(new RequestRejection(FhirValues.firstCode(error.getCode()).orElse(null), null, "error"));
        }
        CoverageStatus status = insurance == null || !insurance.hasInforce() ? CoverageStatus.UNKNOWN
                : insurance.getInforce() ? CoverageStatus.ACTIVE : CoverageStatus.INACTIVE;
        List<CoverageEligibilityResponse.ItemsComponent> items = insurance == null ? List.of() : insurance.getItem();
        Period benefitPeriod = insurance == null ? new Period() : insurance.getBenefitPeriod();
        return new EligibilityResponse(
                context.eventId("eligibility"),
                EventType.ELIGIBILITY_RESPONSE,
                FhirValues.dateTime(response.getCreatedElement(), context.zone()).or(context::lastUpdated)
                        .orElseThrow(() -> new FhirMappingException(context.reference() + " has no created date: no event time")),
                context.source(),
                context.facilityId(response.getRequestor()),
                EligibilityResponse.CURRENT_SCHEMA_VERSION,
                trace,
                trace,
                context.organizationId(response.getInsurer()).orElse(null),
                coverage.map(Coverage::getSubscriberId).orElse(null),
                response.getServiced() instanceof DateType date ? FhirValues.date(date, context.zone()).orElse(null)
                        : response.getServiced() instanceof Period period ? FhirValues.date(period.getStartElement(), context.zone()).orElse(null) : null,
                status,
                rejections,
                coverage.flatMap(c -> c.getClass_().stream().filter(cc -> FhirValues.hasCode(cc.getType(), "plan")).findFirst())
                        .map(Coverage.ClassComponent::getName).orElse(null),
                FhirValues.date(benefitPeriod.getStartElement(), context.zone()).orElse(null),
                FhirValues.date(benefitPeriod.getEndElement(), context.zone()).orElse(null),
                benefit(items, "copay", false),
                remaining(items, "deductible"),
                percent(items),
                remaining(items, "out-of-pocket"),
                items.stream().filter(CoverageEligibilityResponse.ItemsComponent::hasAuthorizationRequired)
                        .map(CoverageEligibilityResponse.ItemsComponent::getAuthorizationRequired)
                        .reduce(Boolean::logicalOr).orElse(null),
                items.stream().filter(item -> item.hasNetwork()).map(item -> FhirValues.hasCode(item.getNetwork(), "in")).findFirst().orElse(null),
                false);
    }

    /** An in-network benefit's allowed money (or the first one when no network is stated). */
    private static BigDecimal benefit(List<CoverageEligibilityResponse.ItemsComponent> items, String type, boolean used) {
        for (CoverageEligibilityResponse.ItemsComponent item : inNetworkFirst(items)) {
            for (CoverageEligibilityResponse.BenefitComponent benefit : item.getBenefit()) {
                if (FhirValues.hasCode(benefit.getType(), type)) {
                    Type value = used ? benefit.getUsed() : benefit.getAllowed();
                    if (value instanceof Money money) {
                        return FhirValues.amount(money);
                    }
                }
            }
        }
        return null;
    }

    /** Allowed minus used: what the patient still has to meet. */
    private static BigDecimal remaining(List<CoverageEligibilityResponse.ItemsComponent> items, String type) {
        BigDecimal allowed = benefit(items, type, false);
        if (allowed == null) {
            return null;
        }
        BigDecimal used = benefit(items, type, true);
        return used == null ? allowed : allowed.subtract(used);
    }

    /** benefit type copay-percent, a whole percentage (20) in FHIR, a fraction (0.20) in the event. */
    private static BigDecimal percent(List<CoverageEligibilityResponse.ItemsComponent> items) {
        for (CoverageEligibilityResponse.ItemsComponent item : inNetworkFirst(items)) {
            for (CoverageEligibilityResponse.BenefitComponent benefit : item.getBenefit()) {
                if (FhirValues.hasCode(benefit.getType(), "copay-percent")) {
                    if (benefit.getAllowed() instanceof UnsignedIntType percent && percent.hasValue()) {
                        return BigDecimal.valueOf(percent.getValue()).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY);
                    }
                    if (benefit.getAllowed() instanceof StringType text && text.hasValue()) {
                        try {
                            return new BigDecimal(text.getValue()).movePointLeft(2);
                        }
                        catch (NumberFormatException e) {
                            throw new FhirMappingException("copay-percent '" + text.getValue() + "' is not a number");
                        }
                    }
                }
            }
        }
        return null;
    }

    private static List<CoverageEligibilityResponse.ItemsComponent> inNetworkFirst(List<CoverageEligibilityResponse.ItemsComponent> items) {
        List<CoverageEligibilityResponse.ItemsComponent> ordered = new ArrayList<>();
        items.stream().filter(item -> FhirValues.hasCode(item.getNetwork(), "in")).forEach(ordered::add);
        items.stream().filter(item -> !item.hasNetwork()).forEach(ordered::add);
        return ordered;
    }

    // ---- ClaimResponse (Da Vinci PAS) -> authorization.decision

    static AuthorizationDecision preauthorization(ClaimResponse response, ResourceContext context) {
        Review review = review(response)
                .orElseThrow(() -> new FhirMappingException(context.reference()
                        + " is a preauthorization without a PAS reviewAction code (X12 HCR01): the decision is unknown"));
        CertificationAction action;
        try {
            action = CertificationAction.fromCode(review.code());
        }
        catch (IllegalArgumentException e) {
            throw new FhirMappingException("reviewAction code '" + review.code() + "' is not an X12 HCR01 action code (A1, A2, A3, A4, A6, C, CT, NA)");
        }
        String tracking = requestIdentifier(response, context);
        Period certified = response.getPreAuthPeriod();
        return new AuthorizationDecision(
                context.eventId("decision"),
                EventType.AUTHORIZATION_DECISION,
                FhirValues.dateTime(response.getCreatedElement(), context.zone()).or(context::lastUpdated)
                        .orElseThrow(() -> new FhirMappingException(context.reference() + " has no created date: no event time")),
                context.source(),
                context.facilityId(response.getRequestor()),
                AuthorizationDecision.CURRENT_SCHEMA_VERSION,
                encounterOfRequest(response, context).orElse(tracking),
                tracking,
                context.organizationId(response.getInsurer()).orElse(null),
                action,
                review.number() != null ? review.number() : response.hasPreAuthRef() ? response.getPreAuthRef() : null,
                review.reason(),
                FhirValues.date(certified.getStartElement(), context.zone()).orElse(null),
                FhirValues.date(certified.getEndElement(), context.zone()).orElse(null),
                null,
                null);
    }

    private record Review(String code, String number, String reason) {}

    /**
     * The PAS reviewAction extension (sub-extensions {@code code}, {@code number}, {@code reasonCode}) on an
     * item's adjudication, on the item, or on the resource; older PAS versions put a reviewActionCode
     * extension there directly.
     */
    private static Optional<Review> review(ClaimResponse response) {
        List<List<Extension>> places = new ArrayList<>();
        for (ClaimResponse.ItemComponent item : response.getItem()) {
            for (ClaimResponse.AdjudicationComponent adjudication : item.getAdjudication()) {
                places.add(adjudication.getExtension());
            }
            places.add(item.getExtension());
        }
        places.add(response.getExtension());
        for (List<Extension> extensions : places) {
            for (Extension extension : extensions) {
                String url = extension.getUrl() == null ? "" : extension.getUrl();
                if (url.endsWith("extension-reviewAction") || url.endsWith("/reviewAction")) {
                    String code = null;
                    String number = null;
                    String reason = null;
                    for (Extension part : extension.getExtension()) {
                        if ("code".equals(part.getUrl()) && part.getValue() instanceof CodeableConcept concept) {
                            code = FhirValues.firstCode(concept).orElse(null);
                        }
                        else if ("number".equals(part.getUrl()) && part.getValue() != null) {
                            number = part.getValue().primitiveValue();
                        }
                        else if ("reasonCode".equals(part.getUrl()) && part.getValue() instanceof CodeableConcept concept) {
                            reason = FhirValues.firstCode(concept).orElse(null);
                        }
                    }
                    if (code != null) {
                        return Optional.of(new Review(code, number, reason));
                    }
                }
                if (url.endsWith("extension-reviewActionCode") && extension.getValue() instanceof CodeableConcept concept) {
                    Optional<String> code = FhirValues.firstCode(concept);
                    if (code.isPresent()) {
                        return Optional.of(new Review(code.get(), null, null));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The request's identifier (the PAS trace number): from the Claim in the file, else the logical reference, else our own. */
    private static String requestIdentifier(ClaimResponse response, ResourceContext context) {
        return context.index().resolve(response.getRequest(), Claim.class).flatMap(claim -> FhirValues.firstIdentifier(claim.getIdentifier()))
                .or(() -> logicalIdentifier(response.getRequest()))
                .or(() -> FhirValues.firstIdentifier(response.getIdentifier()))
                .orElseThrow(() -> new FhirMappingException(context.reference()
                        + " has no identifier and its request has none: it cannot be keyed to an encounter"));
    }

    /** The visit number of the Encounter the requesting Claim's items name, when both are in the file. */
    private static Optional<String> encounterOfRequest(ClaimResponse response, ResourceContext context) {
        Optional<Claim> claim = context.index().resolve(response.getRequest(), Claim.class);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        for (Claim.ItemComponent item : claim.get().getItem()) {
            for (Reference reference : item.getEncounter()) {
                Optional<Encounter> encounter = context.index().resolve(reference, Encounter.class);
                if (encounter.isPresent()) {
                    List<Identifier> identifiers = encounter.get().getIdentifier();
                    Optional<String> id = FhirValues.identifierOfType(identifiers, "VN").or(() -> FhirValues.firstIdentifier(identifiers));
                    if (id.isPresent()) {
                        return id;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> logicalIdentifier(Reference reference) {
        return reference != null && reference.hasIdentifier() && reference.getIdentifier().hasValue()
                ? Optional.of(reference.getIdentifier().getValue()) : Optional.empty();
    }

    // ---- ExplanationOfBenefit (CARIN BB) -> claim.remittance

    /** One adjudication entry, whichever resource it came from. */
    private record Adjudication(CodeableConcept category, CodeableConcept reason, BigDecimal amount) {}

    static ClaimRemittance explanationOfBenefit(ExplanationOfBenefit eob, ResourceContext context) {
        String payerClaimNumber = FhirValues.identifierOfType(eob.getIdentifier(), "uc").orElse(null);
        String claimId = FhirValues.identifierOfType(eob.getIdentifier(), "pat")
                .or(() -> context.index().resolve(eob.getClaim(), Claim.class).flatMap(c -> FhirValues.firstIdentifier(c.getIdentifier())))
                .or(() -> logicalIdentifier(eob.getClaim()))
                .or(() -> Optional.ofNullable(payerClaimNumber))
                .orElseThrow(() -> new FhirMappingException(context.reference()
                        + " has no patient account number (identifier type pat), claim or unique claim id: it cannot be keyed to an encounter"));
        List<Adjudication> header = new ArrayList<>();
        eob.getAdjudication().forEach(a -> header.add(new Adjudication(a.getCategory(), a.getReason(), FhirValues.amount(a.getAmount()))));
        List<ServiceLinePayment> lines = new ArrayList<>();
        for (ExplanationOfBenefit.ItemComponent item : eob.getItem()) {
            List<Adjudication> adjudications = new ArrayList<>();
            item.getAdjudication().forEach(a -> adjudications.add(new Adjudication(a.getCategory(), a.getReason(), FhirValues.amount(a.getAmount()))));
            lines.add(new ServiceLinePayment(
                    FhirValues.firstCode(item.getProductOrService()).orElse(null),
                    Optional.ofNullable(category(adjudications, "submitted")).orElse(FhirValues.amount(item.getNet())),
                    paid(adjudications),
                    item.getQuantity().hasValue() ? item.getQuantity().getValue().setScale(0, RoundingMode.HALF_UP).intValue() : 1,
                    adjustments(adjudications),
                    List.of()));
        }
        BigDecimal billed = total(eob.getTotal(), "submitted");
        BigDecimal paid = Optional.ofNullable(total(eob.getTotal(), "paidtoprovider"))
                .or(() -> Optional.ofNullable(total(eob.getTotal(), "benefit")))
                .orElse(eob.getPayment().hasAmount() ? FhirValues.amount(eob.getPayment().getAmount()) : null);
        LocalDate paymentDate = FhirValues.date(eob.getPayment().getDateElement(), context.zone()).orElse(null);
        OffsetDateTime eventTime = Optional.ofNullable(paymentDate).map(d -> d.atStartOfDay(context.zone()).toOffsetDateTime())
                .or(() -> FhirValues.dateTime(eob.getCreatedElement(), context.zone()))
                .or(context::lastUpdated)
                .orElseThrow(() -> new FhirMappingException(context.reference() + " has no payment date or created date: no event time"));
        return new ClaimRemittance(
                context.eventId("remittance"),
                EventType.CLAIM_REMITTANCE,
                eventTime,
                context.source(),
                context.facilityId(eob.getProvider()),
                ClaimRemittance.CURRENT_SCHEMA_VERSION,
                claimId,
                claimId,
                context.organizationId(eob.getInsurer()).orElse(null),
                payerClaimNumber,
                // CLP02 has no CARIN equivalent; a cancelled EOB is the payer taking the claim back (CLP02 22)
                eob.getStatus() == ExplanationOfBenefit.ExplanationOfBenefitStatus.CANCELLED ? "22" : null,
                billed,
                paid,
                total(eob.getTotal(), "memberliability"),
                adjustments(header),
                List.of(),
                lines,
                FhirValues.date(eob.getBillablePeriod().getStartElement(), context.zone()).orElse(null),
                paymentDate);
    }

    private static BigDecimal total(List<ExplanationOfBenefit.TotalComponent> totals, String category) {
        for (ExplanationOfBenefit.TotalComponent total : totals) {
            if (FhirValues.hasCode(total.getCategory(), category)) {
                return FhirValues.amount(total.getAmount());
            }
        }
        return null;
    }

    private static BigDecimal category(List<Adjudication> adjudications, String category) {
        return adjudications.stream().filter(a -> FhirValues.hasCode(a.category(), category)).map(Adjudication::amount)
                .filter(amount -> amount != null).findFirst().orElse(null);
    }

    private static BigDecimal paid(List<Adjudication> adjudications) {
        BigDecimal paid = category(adjudications, "paidtoprovider");
        return paid != null ? paid : category(adjudications, "benefit");
    }

    /**
     * CARC adjustments: adjudications whose reason is coded in the X12 CARC system (CARIN's adjustmentreason
     * and denialreason slices), with the group from an X12 group coding when the payer sends one; and the
     * patient's cost shares as X12 would state them: deductible PR-1, coinsurance PR-2, copay PR-3.
     */
    private static List<ClaimAdjustment> adjustments(List<Adjudication> adjudications) {
        List<ClaimAdjustment> adjustments = new ArrayList<>();
        for (Adjudication adjudication : adjudications) {
            Optional<String> carc = FhirValues.codeFromSystem(adjudication.reason(), CARC_SYSTEM);
            if (carc.isPresent()) {
                String group = FhirValues.codeFromSystem(adjudication.reason(), GROUP_SYSTEM)
                        .or(() -> FhirValues.codeFromSystem(adjudication.category(), GROUP_SYSTEM)).orElse(null);
                adjustments.add(new ClaimAdjustment(group, carc.get(), adjudication.amount() == null ? BigDecimal.ZERO : adjudication.amount(), null));
                continue;
            }
            if (adjudication.amount() == null || adjudication.amount().signum() == 0) {
                continue;
            }
            if (FhirValues.hasCode(adjudication.category(), "deductible")) {
                adjustments.add(new ClaimAdjustment("PR", "1", adjudication.amount(), null));
            }
            else if (FhirValues.hasCode(adjudication.category(), "coinsurance")) {
                adjustments.add(new ClaimAdjustment("PR", "2", adjudication.amount(), null));
            }
            else if (FhirValues.hasCode(adjudication.category(), "copay")) {
                adjustments.add(new ClaimAdjustment("PR", "3", adjudication.amount(), null));
            }
        }
        return adjustments;
    }
}

package io.admitto.ingest.generator;

import io.admitto.events.PlanType;

import java.util.EnumSet;
import java.util.Set;

import static io.admitto.ingest.generator.AuthorizationCategory.ADVANCED_IMAGING;
import static io.admitto.ingest.generator.AuthorizationCategory.INPATIENT;
import static io.admitto.ingest.generator.AuthorizationCategory.SURGERY;
import static java.util.Objects.requireNonNull;

/**
 * The synthetic payers and their rules: plan type, member-ID format, what they require prior
 * authorization for, how much of the charge they allow, how they share cost with the patient and how
 * long they take to pay. Names are invented; the cost-sharing figures are of the right order
 * (2026 Medicare Part B deductible about $283, Part A about $1,736) but not any real plan's.
 *
 * <p>Prior authorization table: Medicare fee-for-service and state Medicaid fee-for-service require
 * none for these services (a simplification for Medicaid); Medicare Advantage, managed Medicaid and
 * the commercial plans require it for advanced imaging (MRI, CT), surgery and inpatient stays.
 * Referrals: only the HMO requires one, for every non-emergency service.
 */
enum Payer
{
    MEDICARE("MCR", "Medicare", "MCR-AB", "Original Medicare Part A/B", PlanType.MEDICARE_FFS, "MC",
            MemberIdFormat.MBI, 0.28, EnumSet.noneOf(AuthorizationCategory.class), 14, 21),
    MEDICARE_ADVANTAGE("HHP01", "Heartland Health Plans", "HHP-MA-H1234", "Heartland Medicare Advantage PPO", PlanType.MEDICARE_ADVANTAGE, "MA",
            MemberIdFormat.MEDICARE_ADVANTAGE, 0.30, EnumSet.of(ADVANCED_IMAGING, SURGERY, INPATIENT), 14, 30),
    MEDICAID("MCD", "State Medicaid", "MCD-FFS", "Medicaid Fee-for-Service", PlanType.MEDICAID, "MD",
            MemberIdFormat.MEDICAID, 0.22, EnumSet.noneOf(AuthorizationCategory.class), 18, 40),
    MANAGED_MEDICAID("LCC01", "Lakeside Community Care", "LCC-MMC", "Lakeside Medicaid Managed Care", PlanType.MEDICAID_MANAGED, "MM",
            MemberIdFormat.MANAGED_MEDICAID, 0.24, EnumSet.of(ADVANCED_IMAGING, SURGERY, INPATIENT), 15, 35),
    COMMERCIAL_PPO("BPR01", "Blue Prairie", "BPR-PPO-500", "Blue Prairie PPO", PlanType.COMMERCIAL_PPO, "CP",
            MemberIdFormat.BLUE_PPO, 0.52, EnumSet.of(ADVANCED_IMAGING, SURGERY, INPATIENT), 15, 30),
    COMMERCIAL_HMO("NSH01", "Northstar Health", "NSH-HMO-20", "Northstar HMO", PlanType.COMMERCIAL_HMO, "CH",
            MemberIdFormat.HMO, 0.45, EnumSet.of(ADVANCED_IMAGING, SURGERY, INPATIENT), 15, 35),
    SELF_PAY("SELF", "Self-pay", "SELF", "Self-pay", PlanType.SELF_PAY, "SP",
            null, 0.40, EnumSet.noneOf(AuthorizationCategory.class), 0, 0);

    /** Part A inpatient deductible (per benefit period), cents. */
    static final long PART_A_DEDUCTIBLE_CENTS = 1_736_00;
    /** Part B annual deductible, cents. */
    static final long PART_B_DEDUCTIBLE_CENTS = 283_00;

    private final String payerId;
    private final String payerName;
    private final String planId;
    private final String planName;
    private final PlanType planType;
    private final String financialClass;
    private final MemberIdFormat memberIdFormat;
    private final double allowedRatio;
    private final Set<AuthorizationCategory> authorizationRequired;
    private final int minRemittanceDays;
    private final int maxRemittanceDays;

    Payer(String payerId, String payerName, String planId, String planName, PlanType planType, String financialClass,
            MemberIdFormat memberIdFormat, double allowedRatio, Set<AuthorizationCategory> authorizationRequired,
            int minRemittanceDays, int maxRemittanceDays)
    {
        this.payerId = requireNonNull(payerId, "payerId is null");
        this.payerName = requireNonNull(payerName, "payerName is null");
        this.planId = requireNonNull(planId, "planId is null");
        this.planName = requireNonNull(planName, "planName is null");
        this.planType = requireNonNull(planType, "planType is null");
        this.financialClass = requireNonNull(financialClass, "financialClass is null");
        this.memberIdFormat = memberIdFormat;
        this.allowedRatio = allowedRatio;
        this.authorizationRequired = authorizationRequired;
        this.minRemittanceDays = minRemittanceDays;
        this.maxRemittanceDays = maxRemittanceDays;
    }

    String payerId()
    {
        return payerId;
    }

    String payerName()
    {
        return payerName;
    }

    String planId()
    {
        return planId;
    }

    String planName()
    {
        return planName;
    }

    PlanType planType()
    {
        return planType;
    }

    /** PV1-20 as registrars enter it for this plan. */
    String financialClass()
    {
        return financialClass;
    }

    /** Null for self-pay. */
    MemberIdFormat memberIdFormat()
    {
        return memberIdFormat;
    }

    boolean insured()
    {
        return this != SELF_PAY;
    }

    boolean isMedicare()
    {
        return this == MEDICARE || this == MEDICARE_ADVANTAGE;
    }

    boolean requiresAuthorization(AuthorizationCategory category)
    {
        return authorizationRequired.contains(category);
    }

    boolean requiresReferral(Department department)
    {
        return this == COMMERCIAL_HMO && department != Department.ED;
    }

    /** What the payer allows of a charge (the rest is the CO-45 contractual adjustment). */
    long allowedCents(long billedCents)
    {
        return Math.round(billedCents * allowedRatio);
    }

    int minRemittanceDays()
    {
        return minRemittanceDays;
    }

    int maxRemittanceDays()
    {
        return maxRemittanceDays;
    }

    /** The plan's annual deductible, cents (Part B for Medicare); zero for copay-only plans. */
    long annualDeductibleCents()
    {
        return switch (this) {
            case MEDICARE -> PART_B_DEDUCTIBLE_CENTS;
            case COMMERCIAL_PPO -> 1_500_00;
            default -> 0;
        };
    }

    /**
     * The copay (EB01 B) for the service, or -1 when the plan uses deductible and coinsurance for it.
     * Preventive visits have no copay.
     */
    long copayCents(Department department, MedicalService service, int days)
    {
        boolean preventive = service.code().equals("99396") || service.code().equals("G0439");
        boolean advancedImaging = service.authorizationCategory() == ADVANCED_IMAGING;
        return switch (this) {
            case MEDICARE, SELF_PAY -> -1;
            case MEDICAID, MANAGED_MEDICAID -> 0;
            case MEDICARE_ADVANTAGE -> switch (department) {
                case ED -> 120_00;
                case CLIN -> preventive ? 0 : 25_00;
                case IMG -> advancedImaging ? 150_00 : 0;
                case SURG -> 300_00;
                case INPT -> 350_00L * Math.min(days, 5);
            };
            case COMMERCIAL_HMO -> switch (department) {
                case ED -> 150_00;
                case CLIN -> preventive ? 0 : 20_00;
                case IMG -> advancedImaging ? 100_00 : 0;
                case SURG -> 250_00;
                case INPT -> 500_00;
            };
            case COMMERCIAL_PPO -> switch (department) {
                case ED -> 250_00;
                case CLIN -> preventive ? 0 : 30_00;
                default -> -1;
            };
        };
    }

    /** Coinsurance (EB01 A) applied after the deductible, 0..1. */
    double coinsurance()
    {
        return switch (this) {
            case MEDICARE, COMMERCIAL_PPO -> 0.20;
            default -> 0;
        };
    }
}

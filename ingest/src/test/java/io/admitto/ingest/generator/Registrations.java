package io.admitto.ingest.generator;

import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.EligibilityResponse;
import io.admitto.events.EventType;
import io.admitto.events.Insurance;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a QA rule or a denial report would read off a recorded encounter, computed from the events
 * alone, independently of the generator's code.
 */
final class Registrations
{
    /** SSA-issued format: area not 000, 666 or 9xx; group not 00; serial not 0000. */
    static final Pattern VALID_SSN = Pattern.compile("^(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$");

    private final RecordedRun run;

    Registrations(RecordedRun run)
    {
        this.run = run;
    }

    Optional<Insurance> insurance(RegistrationEvent registration)
    {
        return registration.insurances().stream().findFirst();
    }

    Optional<EligibilityResponse> eligibility(String encounter)
    {
        return run.first(encounter, EventType.ELIGIBILITY_RESPONSE).map(EligibilityResponse.class::cast);
    }

    List<ClaimAcknowledgment> acknowledgments(String encounter)
    {
        return run.of(encounter, EventType.CLAIM_ACKNOWLEDGMENT).stream().map(ClaimAcknowledgment.class::cast).toList();
    }

    List<ClaimRemittance> remittances(String encounter)
    {
        return run.of(encounter, EventType.CLAIM_REMITTANCE).stream().map(ClaimRemittance.class::cast).toList();
    }

    /** CARCs of the first 835 other than the contractual adjustment and patient responsibility. */
    Set<String> denialReasons(String encounter)
    {
        return remittances(encounter).stream().findFirst().stream()
                .flatMap(remittance -> remittance.adjustments().stream())
                .filter(adjustment -> !adjustment.groupCode().equals("PR") && !adjustment.reasonCode().equals("45"))
                .map(ClaimAdjustment::reasonCode)
                .collect(Collectors.toSet());
    }

    Set<String> remarks(String encounter)
    {
        return remittances(encounter).stream().findFirst().map(remittance -> Set.copyOf(remittance.remarkCodes())).orElse(Set.of());
    }

    static boolean isMedicare(PlanType planType)
    {
        return planType == PlanType.MEDICARE_FFS || planType == PlanType.MEDICARE_ADVANTAGE;
    }

    /** The member-ID pattern each plan type's payer uses (see the generator's documentation). */
    static Pattern memberIdPattern(PlanType planType)
    {
        return Pattern.compile(switch (planType) {
            case MEDICARE_FFS -> "^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$";
            case MEDICARE_ADVANTAGE -> "^HM[0-9]{9}$";
            case MEDICAID -> "^[1-9][0-9]{9}$";
            case MEDICAID_MANAGED -> "^LC[0-9]{8}$";
            case COMMERCIAL_PPO -> "^BPX[0-9]{9}$";
            case COMMERCIAL_HMO -> "^NS[0-9]{9}(0[1-9]|[1-9][0-9])$";
            default -> throw new IllegalArgumentException("no member IDs for " + planType);
        });
    }

    /**
     * The last timely day for a self-pay good-faith estimate (45 CFR 149.610), or null when none is
     * required: booked 10+ business days ahead, 3 business days; 3+ ahead, 1.
     */
    static LocalDate estimateDeadline(LocalDate booked, LocalDate service)
    {
        int ahead = 0;
        for (LocalDate day = booked.plusDays(1); !day.isAfter(service); day = day.plusDays(1)) {
            ahead += isWeekday(day) ? 1 : 0;
        }
        if (ahead < 3) {
            return null;
        }
        int allowed = ahead >= 10 ? 3 : 1;
        LocalDate deadline = booked;
        while (allowed > 0) {
            deadline = deadline.plusDays(1);
            allowed -= isWeekday(deadline) ? 1 : 0;
        }
        return deadline;
    }

    private static boolean isWeekday(LocalDate day)
    {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}

package io.admitto.events;

import java.time.LocalDate;

/**
 * One coverage on the registration (an IN1/IN2 pair).
 *
 * @param priority 1 primary, 2 secondary, 3 tertiary (IN1-22 order)
 * @param coverageStart plan effective date (IN1-12)
 * @param coverageEnd plan expiration date (IN1-13); null when open-ended
 * @param referralNumber the HMO referral on file, if any
 * @param authorizationNumber pre-certification number entered at registration (IN1-28), if any
 */
public record Insurance(
        String payerId,
        String payerName,
        String planId,
        String planName,
        PlanType planType,
        String memberId,
        String groupNumber,
        Subscriber subscriber,
        int priority,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        CoverageVerification verification,
        String referralNumber,
        String authorizationNumber) {}

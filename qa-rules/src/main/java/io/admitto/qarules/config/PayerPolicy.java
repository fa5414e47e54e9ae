package io.admitto.qarules.config;

import io.admitto.events.PlanType;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the organisation knows about one payer's plan (IN1-3 insurer ID).
 *
 * @param memberIdPattern the format of the ID on the member's card (IN1-49/IN1-36); a Medicare plan
 *        uses the CMS MBI format
 * @param financialClasses the PV1-20 values registrars may use with this plan
 * @param authorizationRequired CPT/HCPCS codes this payer wants prior authorization for (the payer × CPT table)
 * @param referralRequired the plan (an HMO) wants a PCP referral for non-emergency services
 */
public record PayerPolicy(
        String payerId,
        String name,
        PlanType planType,
        MemberIdPattern memberIdPattern,
        Set<String> financialClasses,
        Set<String> authorizationRequired,
        boolean referralRequired)
{
    public PayerPolicy
    {
        requireNonNull(payerId, "payerId is null");
        requireNonNull(name, "name is null");
        requireNonNull(planType, "planType is null");
        requireNonNull(memberIdPattern, "memberIdPattern is null");
        financialClasses = Set.copyOf(financialClasses);
        authorizationRequired = Set.copyOf(authorizationRequired);
    }

    public boolean memberIdMatches(String memberId)
    {
        return memberIdPattern.matches(memberId);
    }
}

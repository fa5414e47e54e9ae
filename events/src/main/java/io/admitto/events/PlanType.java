package io.admitto.events;

/**
 * The kind of health plan, which decides the registration edits that apply (MBI format and MSP for
 * Medicare FFS, referrals for HMOs, good-faith estimates for self-pay...).
 */
public enum PlanType {
    MEDICARE_FFS,
    MEDICARE_ADVANTAGE,
    MEDICAID,
    MEDICAID_MANAGED,
    COMMERCIAL_HMO,
    COMMERCIAL_PPO,
    WORKERS_COMP,
    SELF_PAY
}

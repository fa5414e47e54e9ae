package io.admitto.api.security;

import java.util.Locale;

/**
 * What a signed-in user may do. The wire names are used in {@code @RolesAllowed}, in tokens and in the
 * Trino access rules, so they are a contract.
 */
public enum Role
{
    /** Works the QA queue: sees the PHI of flagged registrations (every read audited) and records decisions. */
    QA_REVIEWER,
    /** Aggregates only: KPIs, patterns, scorecards; never PHI. */
    LEADERSHIP,
    /** De-identified data only. */
    ANALYST,
    /** Users, configuration and the audit log. */
    ADMIN;

    public static final String QA_REVIEWER_NAME = "qa_reviewer";
    public static final String LEADERSHIP_NAME = "leadership";
    public static final String ANALYST_NAME = "analyst";
    public static final String ADMIN_NAME = "admin";

    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String wireName)
    {
        for (Role role : values()) {
            if (role.wireName().equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role: " + wireName);
    }
}

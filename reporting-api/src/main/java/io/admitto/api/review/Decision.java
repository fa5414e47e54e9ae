package io.admitto.api.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a QA reviewer concluded about a flagged registration. Wire names are a contract (qa_reviews.decision). */
public enum Decision
{
    /** The finding is a real registration error, not yet fixed. */
    CONFIRMED_ERROR,
    /** The finding was real and the registration has been corrected. */
    CORRECTED,
    /** The rule fired but the registration was right. */
    FALSE_POSITIVE,
    /** Someone else must act (payer call, patient contact) before it can be closed. */
    NEEDS_FOLLOW_UP;

    @JsonValue
    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Decision fromWireName(String wireName)
    {
        for (Decision decision : values()) {
            if (decision.wireName().equals(wireName)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("decision must be one of confirmed_error, corrected, false_positive, needs_follow_up");
    }
}

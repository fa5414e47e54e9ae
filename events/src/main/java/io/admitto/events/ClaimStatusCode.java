package io.admitto.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An STC01 composite from a 277CA: category (A2 accepted; A3, A6, A7, A8 rejected...), status code
 * and, when given, the entity it concerns.
 */
public record ClaimStatusCode(String categoryCode, String statusCode, String entityCode) {
    /** Category codes of a front-end rejection: the claim never entered adjudication. */
    @JsonIgnore
    public boolean isRejection() {
        return "A3".equals(categoryCode) || "A6".equals(categoryCode)
                || "A7".equals(categoryCode) || "A8".equals(categoryCode);
    }
}

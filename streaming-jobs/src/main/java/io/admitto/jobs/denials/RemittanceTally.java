package io.admitto.jobs.denials;

/**
 * One remitted claim's share of the denial patterns of its facility, payer and department: either
 * the claim itself ({@link #category} empty, the denominator of the denial rate) or its denials of one
 * category (count and cents). Flat rather than a claim with a list, so Flink serializes it as a POJO.
 */
public record RemittanceTally(
        String facilityId,
        String payerId,
        String department,
        long remittedAtMillis,
        String claimId,
        String category,
        boolean frontEnd,
        long denials,
        long amountCents) {

    static final String CLAIM = "";

    static RemittanceTally claim(String facilityId, String payerId, String department, long remittedAtMillis, String claimId) {
        return new RemittanceTally(facilityId, payerId, department, remittedAtMillis, claimId, CLAIM, false, 0, 0);
    }

    boolean isClaim() {
        return category.isEmpty();
    }

    /** The series key: facility, payer and department. */
    String seriesKey() {
        return facilityId + '|' + payerId + '|' + department;
    }
}

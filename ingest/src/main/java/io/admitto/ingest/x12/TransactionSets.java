package io.admitto.ingest.x12;

import java.util.Map;

/**
 * Which mapper reads which transaction set, and why the others are not read. 277 is two guides under one
 * ST01: the 277CA claim acknowledgment (005010X214), which is mapped, and the 277 claim status response
 * (005010X212), which answers a 276 inquiry and is not.
 */
final class TransactionSets {
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "276", "claim status request",
            "837", "claim",
            "834", "benefit enrollment",
            "820", "premium payment",
            "999", "implementation acknowledgment",
            "997", "functional acknowledgment",
            "275", "patient information attachment");

    private TransactionSets() {}

    /** @throws X12MappingException with the reason when the transaction set is not one Admitto maps */
    static TransactionMapper mapperFor(X12Transaction transaction) {
        String type = transaction.type();
        return switch (type) {
            case "270" -> EligibilityMapper.inquiries();
            case "271" -> EligibilityMapper.responses();
            case "278" -> new AuthorizationMapper();
            case "835" -> new RemittanceMapper();
            case "277" -> {
                if (isClaimAcknowledgment(transaction)) {
                    yield new ClaimAcknowledgmentMapper();
                }
                throw new X12MappingException("unsupported transaction set 277 (" + transaction.implementation()
                        + ", claim status response to a 276): only the 277CA claim acknowledgment (005010X214) is mapped");
            }
            default -> throw new X12MappingException("unsupported transaction set " + type
                    + (UNSUPPORTED.containsKey(type) ? " (" + UNSUPPORTED.get(type) + ")" : "")
                    + ": Admitto maps 270, 271, 278, 835 and 277CA");
        };
    }

    /** The guide id says so (X214); without one, the 277CA's BHT01 hierarchy structure 0085 does. */
    private static boolean isClaimAcknowledgment(X12Transaction transaction) {
        if (transaction.implementation().contains("X214")) {
            return true;
        }
        if (transaction.implementation().contains("X212")) {
            return false;
        }
        return transaction.segments().stream().anyMatch(segment -> segment.is("BHT", "0085"));
    }
}

package io.admitto.jobs.denials;

/**
 * What a claim needs to know about its registration: where, by whom, and which QA findings it had —
 * as {@code ruleId=carc/carc;…}, so a denial can be matched with the finding that predicted it.
 * Emitted by the registration assessment with each new version. A public record (Flink POJO).
 */
public record RegistrationContext(
        String encounterId,
        int version,
        long assessedAtMillis,
        String facilityId,
        String department,
        String registrarId,
        String findings) {

    /** Rule ids of the findings that predicted {@code carc}, comma-separated; empty when none did. */
    String rulesPredicting(String carc) {
        StringBuilder rules = new StringBuilder();
        if (findings == null || findings.isEmpty()) {
            return "";
        }
        for (String finding : findings.split(";")) {
            int equals = finding.indexOf('=');
            String rule = equals < 0 ? finding : finding.substring(0, equals);
            String carcs = equals < 0 ? "" : finding.substring(equals + 1);
            for (String predicted : carcs.split("/")) {
                if (predicted.equals(carc)) {
                    if (!rules.isEmpty()) {
                        rules.append(',');
                    }
                    rules.append(rule);
                    break;
                }
            }
        }
        return rules.toString();
    }

    /** Every rule id of the findings, comma-separated. */
    String ruleIds() {
        if (findings == null || findings.isEmpty()) {
            return "";
        }
        StringBuilder rules = new StringBuilder();
        for (String finding : findings.split(";")) {
            int equals = finding.indexOf('=');
            if (!rules.isEmpty()) {
                rules.append(',');
            }
            rules.append(equals < 0 ? finding : finding.substring(0, equals));
        }
        return rules.toString();
    }
}

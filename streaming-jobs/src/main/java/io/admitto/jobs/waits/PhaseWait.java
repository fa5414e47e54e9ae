package io.admitto.jobs.waits;

/**
 * One measured wait, timestamped (in Flink) with the instant it ended. A public record, so Flink
 * serializes it as a POJO.
 *
 * @param phase {@link WaitPhase#columnValue()}
 */
public record PhaseWait(String facilityId, String department, String phase, double seconds, long endedAtMillis) {
    PhaseKey key() {
        return new PhaseKey(facilityId, department, phase);
    }
}

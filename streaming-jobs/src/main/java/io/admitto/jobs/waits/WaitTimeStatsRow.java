package io.admitto.jobs.waits;

import java.time.Instant;

/** One row of {@code wait_time_stats}. */
public record WaitTimeStatsRow(
        String facilityId,
        String department,
        String phase,
        Instant hourStart,
        long samples,
        double p50Seconds,
        double p90Seconds,
        double p95Seconds,
        double maxSeconds,
        double slaSeconds,
        long slaBreaches,
        byte[] tdigest) {

    /** The values in the column order of {@code Tables.WAIT_TIME_STATS}. */
    public Object[] columnValues() {
        return new Object[] {facilityId, department, phase, hourStart, samples, p50Seconds, p90Seconds, p95Seconds,
                maxSeconds, slaSeconds, slaBreaches, tdigest};
    }
}

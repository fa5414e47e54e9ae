package io.admitto.events;

/** What a 271 says about coverage for the service date: EB01 1 (active) or 6 (inactive); unknown when rejected. */
public enum CoverageStatus {
    ACTIVE,
    INACTIVE,
    UNKNOWN
}

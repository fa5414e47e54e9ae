package io.admitto.events;

/**
 * An X12 AAA segment: the payer could not answer the request as sent.
 *
 * @param reasonCode AAA03, e.g. 72 invalid member ID, 71 DOB mismatch, 75 subscriber not found
 * @param followUpAction AAA04: C correct and resubmit, N do not resubmit, R resubmit, ...
 * @param loop where it was reported (2100A payer, 2100B receiver, 2100C subscriber, 2100D dependent)
 */
public record RequestRejection(String reasonCode, String followUpAction, String loop) {}

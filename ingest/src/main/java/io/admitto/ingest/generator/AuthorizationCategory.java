package io.admitto.ingest.generator;

/** Why a payer might want prior authorization for a service: the rows of the payers' tables. */
enum AuthorizationCategory
{
    NONE,
    ADVANCED_IMAGING,
    SURGERY,
    INPATIENT
}

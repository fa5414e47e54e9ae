package io.admitto.ingest.x12;

/** Maps one transaction set type to canonical events. Implementations are stateless. */
interface TransactionMapper {
    void map(TransactionContext context, X12Output output);
}

package io.admitto.api.sql.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code GET} resource method whose answer depends only on the warehouse tables, the request's URI
 * and the caller's roles — not on the review store, the audit log, the clock or who the caller is — and
 * that records nothing. Its rendered JSON may then be sent again, byte for byte, until a table changes
 * ({@link RenderedAnswers}). Never put it on a method that reads PHI: every PHI read must run, to be
 * audited.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WarehouseAnswer
{
}

/**
 * Analysts' access to the warehouse through Trino: the Hive catalog over the local Parquet tables, the
 * DDL that registers every table of {@link io.admitto.tables.Tables} with partition projection, and the
 * file-based access-control rules per {@link io.admitto.api.security.Role}. {@code admitto trino-config}
 * writes them; docs/analysts.md explains them.
 */
package io.admitto.trino;

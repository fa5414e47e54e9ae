package io.admitto.api.sql;

import io.admitto.tables.TableSchema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A query written once for every engine: fixed SQL text, table references that the engine resolves
 * ({@link SqlEngine#render}), values that travel only as JDBC parameters, and identifiers taken only from
 * {@link SqlIdentifier} whitelists. There is no way to put a request's text into the SQL itself.
 *
 * <p>The SQL is the subset DuckDB and Trino share: {@code WITH}, window functions in subqueries (no
 * {@code QUALIFY}), {@code date_diff('day', a, b)}, {@code position(a IN b)}, {@code ||},
 * {@code OFFSET ? LIMIT ?}.
 */
public final class SqlQuery
{
    private final List<Fragment> fragments;

    private SqlQuery(List<Fragment> fragments)
    {
        this.fragments = List.copyOf(fragments);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public List<Fragment> fragments()
    {
        return fragments;
    }

    /** A piece of a query. */
    public sealed interface Fragment
            permits Text, Table, Parameter {}

    /** SQL written in this code base, never taken from a request. */
    public record Text(String sql)
            implements Fragment
    {
        public Text
        {
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * A catalogued table; the engine decides how to reach it.
     *
     * @param partitions when present, the query reads rows of these partition days only (its own
     * {@code WHERE} says so too), and an engine may leave the other partitions' files unlisted
     */
    public record Table(TableSchema table, Optional<PartitionDays> partitions)
            implements Fragment
    {
        public Table
        {
            requireNonNull(table, "table is null");
            requireNonNull(partitions, "partitions is null");
        }

        public Table(TableSchema table)
        {
            this(table, Optional.empty());
        }
    }

    /** An inclusive range of a table's partition days. */
    public record PartitionDays(LocalDate first, LocalDate last)
    {
        public PartitionDays
        {
            requireNonNull(first, "first is null");
            requireNonNull(last, "last is null");
            if (first.isAfter(last)) {
                throw new IllegalArgumentException("first " + first + " is after last " + last);
            }
        }

        public long days()
        {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }
    }

    /** A value bound as a JDBC parameter. */
    public record Parameter(Object value)
            implements Fragment
    {
        public Parameter
        {
            requireNonNull(value, "value is null");
            if (!(value instanceof String || value instanceof LocalDate || value instanceof Integer
                    || value instanceof Long || value instanceof Boolean || value instanceof BigDecimal || value instanceof Double)) {
                throw new IllegalArgumentException("Unsupported parameter type: " + value.getClass().getName());
            }
        }
    }

    public static final class Builder
    {
        private final List<Fragment> fragments = new ArrayList<>();

        private Builder() {}

        /** Appends SQL text; it must be a constant of this code base. */
        public Builder sql(String sql)
        {
            fragments.add(new Text(sql));
            return this;
        }

        /** Appends a reference to the table, to be followed by an alias: {@code FROM <table> q}. */
        public Builder table(TableSchema table)
        {
            fragments.add(new Table(table));
            return this;
        }

        /**
         * Appends a reference to the table of which only the partitions of the filter's dates are needed,
         * when the filter has both dates: the query must apply the filter to the table's partition column
         * ({@link #filter} with the partition column as the date column), so that reading only those
         * partitions changes nothing but the work.
         */
        public Builder table(TableSchema table, ReportFilter filter)
        {
            Optional<PartitionDays> days = filter.from().isPresent() && filter.to().isPresent()
                    ? Optional.of(new PartitionDays(filter.from().get(), filter.to().get()))
                    : Optional.empty();
            fragments.add(new Table(table, days));
            return this;
        }

        /** Appends one {@code ?} bound to the value. */
        public Builder value(Object value)
        {
            fragments.add(new Parameter(value));
            return this;
        }

        /** Appends {@code (?, ?, ...)} for a non-empty collection of values. */
        public Builder values(Collection<?> values)
        {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values is empty");
            }
            fragments.add(new Text("("));
            boolean first = true;
            for (Object value : values) {
                if (!first) {
                    fragments.add(new Text(", "));
                }
                fragments.add(new Parameter(value));
                first = false;
            }
            fragments.add(new Text(")"));
            return this;
        }

        /** Appends a whitelisted identifier (a sort column, a group-by). */
        public Builder identifier(SqlIdentifier identifier)
        {
            fragments.add(new Text(identifier.sql()));
            return this;
        }

        /** Appends {@code AND <column> = ?} for each present filter value. */
        public Builder filter(ReportFilter filter, FilterColumns columns)
        {
            filter.from().ifPresent(from -> sql(" AND " + columns.date() + " >= ").value(from));
            filter.to().ifPresent(to -> sql(" AND " + columns.date() + " <= ").value(to));
            filter.facility().ifPresent(facility -> sql(" AND " + columns.facility() + " = ").value(facility));
            filter.department().ifPresent(department -> sql(" AND " + columns.department() + " = ").value(department));
            filter.payer().ifPresent(payer -> sql(" AND " + columns.payer().orElseThrow(
                    () -> new IllegalArgumentException("This report has no payer")) + " = ").value(payer));
            return this;
        }

        public SqlQuery build()
        {
            return new SqlQuery(fragments);
        }
    }
}

package io.admitto.api.report;

import io.admitto.api.kpi.ReportFilterParameters;
import io.admitto.api.problem.InvalidParameterException;
import io.admitto.api.sql.ReportFilter;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/**
 * The filter query parameters every report accepts, {@code from}, {@code to}, {@code facility},
 * {@code department} and {@code payer}, validated with Jakarta Bean Validation before the resource runs
 * (a malformed value is a 400 problem naming the parameter, and no SQL is executed). Field names are the
 * parameter names, so a violation's property path names the parameter.
 */
public final class ReportQuery
{
    // Empty is allowed: an HTML form's blank field means "no restriction".
    private static final String DATE = "|\\d{4}-\\d{2}-\\d{2}";
    private static final String CODE = "|[A-Za-z0-9_-]{1,32}";
    private static final String DATE_MESSAGE = "must be a date as YYYY-MM-DD";
    private static final String CODE_MESSAGE = "must be 1 to 32 letters, digits, '_' or '-'";

    @QueryParam(ReportFilterParameters.FROM)
    @Pattern(regexp = DATE, message = DATE_MESSAGE)
    private String from;

    @QueryParam(ReportFilterParameters.TO)
    @Pattern(regexp = DATE, message = DATE_MESSAGE)
    private String to;

    @QueryParam(ReportFilterParameters.FACILITY)
    @Pattern(regexp = CODE, message = CODE_MESSAGE)
    private String facility;

    @QueryParam(ReportFilterParameters.DEPARTMENT)
    @Pattern(regexp = CODE, message = CODE_MESSAGE)
    private String department;

    @QueryParam(ReportFilterParameters.PAYER)
    @Pattern(regexp = CODE, message = CODE_MESSAGE)
    private String payer;

    /** The filter; also checks what a pattern cannot: real calendar dates and from ≤ to. */
    public ReportFilter filter()
    {
        return ReportFilterParameters.parse(blankToNull(from), blankToNull(to), blankToNull(facility), blankToNull(department), blankToNull(payer));
    }

    /** For reports over tables without a payer dimension: a payer filter would silently be ignored, so it is refused. */
    public ReportFilter filterWithoutPayer(String report)
    {
        ReportFilter filter = filter();
        if (filter.payer().isPresent()) {
            throw new InvalidParameterException(ReportFilterParameters.PAYER, "payer cannot filter " + report + ": its table has no payer.");
        }
        return filter;
    }

    private static String blankToNull(String value)
    {
        return value == null || value.isEmpty() ? null : value;
    }
}

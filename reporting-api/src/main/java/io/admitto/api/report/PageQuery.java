package io.admitto.api.report;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/**
 * {@code page} (from 1) and {@code size} (1 to {@value #MAX_SIZE}) of a paginated list, validated like the
 * report filters. They arrive as text: JAX-RS would answer an unparseable number with a bare 404.
 */
public final class PageQuery
{
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @Pattern(regexp = "|[1-9][0-9]{0,5}", message = "must be a whole number from 1 to 999999")
    private String page;

    @QueryParam("size")
    @Pattern(regexp = "|[1-9]|[1-9][0-9]|[1-4][0-9][0-9]|500", message = "must be a whole number from 1 to " + MAX_SIZE)
    private String size;

    public int page()
    {
        return page == null || page.isEmpty() ? 1 : Integer.parseInt(page);
    }

    public int size()
    {
        return size == null || size.isEmpty() ? DEFAULT_SIZE : Integer.parseInt(size);
    }

    /** Rows to skip. */
    public long offset()
    {
        return (long) (page() - 1) * size();
    }
}

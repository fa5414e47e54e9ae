package io.admitto.api.report;

import java.util.List;

/** One page of a list: its items, where it is and how many there are in all. */
public record Page<T>(int page, int size, long total, List<T> items)
{
    public Page
    {
        items = List.copyOf(items);
    }
}

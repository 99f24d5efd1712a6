package org.creditledger.platform.web;

import java.util.List;

/**
 * One page of a list answer: {@code items} of page {@code page} (from 0) holding at most {@code size} of the
 * {@code totalItems} that match. A page beyond the end has no items and the same {@code totalItems}.
 *
 * <p>Controllers take the two parameters as
 * {@code @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page} and
 * {@code @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size}, so a bad value is
 * a 400 naming the parameter.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;

    public Page {
        items = List.copyOf(items);
    }

    /** Rows to skip before page {@code page} of {@code size}. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}

package com.upward.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} for every paged list, taken with {@code @Valid @BeanParam PageParams paging}. They are read as
 * text and checked with a pattern: a JAX-RS Integer parameter that fails to convert answers 404 ("nothing here"),
 * which tells the caller nothing about the typo; this answers 400 naming the field.
 */
public class PageParams {

    private static final String WHOLE_NUMBER = "-?[0-9]{1,9}";
    private static final String WHOLE_NUMBER_MESSAGE = "must be a whole number";

    @QueryParam("page")
    @Pattern(regexp = WHOLE_NUMBER, message = WHOLE_NUMBER_MESSAGE)
    String page;

    @QueryParam("size")
    @Pattern(regexp = WHOLE_NUMBER, message = WHOLE_NUMBER_MESSAGE)
    String size;

    public PageParams() {
    }

    public PageParams(String page, String size) {
        this.page = page;
        this.size = size;
    }

    /** The page asked for, refused (400) when outside 0.. or 1..maxSize. */
    public PageRequest toRequest(int maxSize) {
        return PageRequest.of(page == null ? null : Integer.valueOf(page), size == null ? null : Integer.valueOf(size), maxSize);
    }
}

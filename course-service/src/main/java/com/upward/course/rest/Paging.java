package com.upward.course.rest;

import com.upward.platform.web.PageRequest;

/**
 * {@code ?page=&size=} taken as text and checked with a pattern: a JAX-RS Integer query parameter that fails to
 * convert would answer 404 ("nothing here"), which tells the caller nothing about the typo.
 */
final class Paging {

    static final String NUMBER = "-?[0-9]{1,9}";
    static final String NUMBER_MESSAGE = "must be a whole number";

    static PageRequest of(String page, String size, int maxSize) {
        return PageRequest.of(page == null ? null : Integer.valueOf(page), size == null ? null : Integer.valueOf(size), maxSize);
    }

    private Paging() {
    }
}

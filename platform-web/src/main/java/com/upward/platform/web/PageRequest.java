package com.upward.platform.web;

import com.upward.platform.web.errors.InvalidInputException;

/** A page asked for by {@code ?page=&size=}: page from 0, size from 1 up to the service's cap. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer page, Integer size, int maxSize) {
        int pageIndex = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageIndex < 0) {
            throw new InvalidInputException("page must be 0 or more, not " + pageIndex + ".");
        }
        if (pageSize < 1 || pageSize > maxSize) {
            throw new InvalidInputException("size must be between 1 and " + maxSize + ", not " + pageSize + ".");
        }
        return new PageRequest(pageIndex, pageSize);
    }

    public int offset() {
        return page * size;
    }
}

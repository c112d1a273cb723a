package com.upward.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: the items and where they sit in the whole list. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages);
    }

    /** The same page with each item turned into another (a service's record into the API's). */
    public <R> Page<R> map(Function<? super T, ? extends R> item) {
        return new Page<>(items.stream().<R>map(item).toList(), page, size, totalItems, totalPages);
    }
}

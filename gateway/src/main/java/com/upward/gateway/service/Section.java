package com.upward.gateway.service;

/** One part of a combined answer: its data, or why it is missing, so a partial answer is still useful. */
public record Section<T>(Status status, String detail, T data) {

    public enum Status { AVAILABLE, UNAVAILABLE }

    public static <T> Section<T> available(T data) {
        return new Section<>(Status.AVAILABLE, null, data);
    }

    public static <T> Section<T> unavailable(String detail) {
        return new Section<>(Status.UNAVAILABLE, detail, null);
    }

    public boolean isAvailable() {
        return status == Status.AVAILABLE;
    }
}

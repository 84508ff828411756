package com.westbethel.motel.application.booking.port.in;

/** A use case's answer: the result, or a refusal the caller must handle. */
public sealed interface Outcome<T> {

    record Success<T>(T value, boolean replayed) implements Outcome<T> {
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
    }

    static <T> Outcome<T> success(T value) {
        return new Success<>(value, false);
    }

    static <T> Outcome<T> replayed(T value) {
        return new Success<>(value, true);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    static <T> Outcome<T> invalid(String field, String reason) {
        return new Refused<>(Refusal.invalid(field, reason));
    }
}

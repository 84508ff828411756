package com.westbethel.motel.application.booking.port.in;

import java.util.function.Function;

/** A use case's answer: the result, or a refusal the caller must handle. */
public sealed interface Outcome<T> {

    /** What {@code onSuccess} makes of the value, or what {@code onRefused} makes of the refusal: the caller handles both. */
    <R> R fold(Function<? super T, ? extends R> onSuccess, Function<? super Refusal, ? extends R> onRefused);

    record Success<T>(T value, boolean replayed) implements Outcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> onSuccess, Function<? super Refusal, ? extends R> onRefused) {
            return onSuccess.apply(value);
        }
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> onSuccess, Function<? super Refusal, ? extends R> onRefused) {
            return onRefused.apply(refusal);
        }
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

package com.westbethel.motel.application.booking.port.in;

import java.util.List;
import java.util.UUID;
import java.util.Objects;

/**
 * Why a booking request was turned down. {@code field} names the request field at fault, when one is; {@code errors}
 * lists every field at fault (the first of them is {@code field}), so that a form can show each message beside its field.
 */
public record Refusal(Kind kind, String field, String reason, List<FieldError> errors) {

    public enum Kind {
        /** The request is malformed or breaks a rule (dates, guests, minimum stay, promotion, guest details). */
        INVALID,
        /** No such booking, room type... or not the caller's to see. */
        NOT_FOUND,
        /** No room of the type is free for the stay. */
        SOLD_OUT,
        /** The booking's state does not allow it (paying a cancelled booking, cancelling a checked-out one, extending a hold too often). */
        CONFLICT,
        /** The same Idempotency-Key came with a different request. */
        IDEMPOTENCY_MISMATCH,
        /** The card was declined. */
        PAYMENT_DECLINED,
        /** The guest already has as many unpaid holds running as one guest may. */
        TOO_MANY_UNPAID_HOLDS,
        /**
         * A payment's outcome is not known yet: another attempt is being charged, or the processor did not answer in time.
         * Nothing is refused; the outcome is recorded within minutes and the booking stays held meanwhile.
         */
        PAYMENT_PENDING,
        /** An inventory change would leave bookings from today on without their room; the reason names them by reference. */
        BOOKINGS_AHEAD,
        /** An upload is not of a kind accepted (a room type's photo that is not a JPEG, PNG or WebP image). */
        UNSUPPORTED_MEDIA
    }

    /** One field at fault and what is wrong with it. */
    public record FieldError(String field, String message) {

        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        errors = List.copyOf(errors);
    }

    public Refusal(Kind kind, String field, String reason) {
        this(kind, field, reason, field == null ? List.of() : List.of(new FieldError(field, reason)));
    }

    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID, field, reason);
    }

    /** Several fields at fault at once; the reason is their messages in order. */
    public static Refusal invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one field at fault");
        }
        return new Refusal(Kind.INVALID, errors.get(0).field(), String.join(" ", errors.stream().map(FieldError::message).toList()), errors);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(Kind.NOT_FOUND, null, reason);
    }

    /** No such booking, or not the caller's: the two are answered alike, so a stranger learns nothing. */
    public static Refusal noBooking(UUID bookingId) {
        return notFound("You have no booking " + bookingId + ".");
    }

    public static Refusal paymentPending(String reason) {
        return new Refusal(Kind.PAYMENT_PENDING, null, reason);
    }

    /** The bookings by reference (the first twenty, then how many more) and what to do about them. */
    public static Refusal bookingsAhead(String what, List<String> references) {
        String named = String.join(", ", references.stream().limit(20).toList())
                + (references.size() > 20 ? " and " + (references.size() - 20) + " more" : "");
        return new Refusal(Kind.BOOKINGS_AHEAD, null, what + " would leave these bookings without their room: " + named
                + ". Move or cancel them first.");
    }

    public static Refusal conflict(String reason) {
        return new Refusal(Kind.CONFLICT, null, reason);
    }
}

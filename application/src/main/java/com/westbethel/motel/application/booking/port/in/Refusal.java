package com.westbethel.motel.application.booking.port.in;

/** Why a booking request was turned down. {@code field} names the request field at fault, when one is. */
public record Refusal(Kind kind, String field, String reason) {

    public enum Kind {
        /** The request is malformed or breaks a rule (dates, guests, minimum stay, promotion). */
        INVALID,
        /** No such booking, room type... or not the caller's to see. */
        NOT_FOUND,
        /** No room of the type is free for the stay. */
        SOLD_OUT,
        /** The booking's state does not allow it (paying a cancelled booking, cancelling a checked-out one). */
        CONFLICT,
        /** The same Idempotency-Key came with a different request. */
        IDEMPOTENCY_MISMATCH,
        /** The card was declined. */
        PAYMENT_DECLINED,
        /** The guest already has as many unpaid holds running as one guest may. */
        TOO_MANY_UNPAID_HOLDS
    }

    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID, field, reason);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(Kind.NOT_FOUND, null, reason);
    }
}

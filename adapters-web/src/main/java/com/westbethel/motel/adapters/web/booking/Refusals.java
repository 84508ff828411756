package com.westbethel.motel.adapters.web.booking;

import static com.westbethel.motel.adapters.web.problem.Problems.fieldError;
import static com.westbethel.motel.adapters.web.problem.Problems.fieldProblem;
import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.booking.port.in.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Each kind of booking refusal as its problem+json: the status, a type to branch on, the field at fault. */
final class Refusals {

    private Refusals() {
    }

    /** Every field at fault, each with its message, as a form shows them. */
    private static ResponseEntity<ProblemDetail> invalid(Refusal refusal) {
        if (refusal.errors().size() <= 1) {
            return refusal.field() == null
                    ? problem(HttpStatus.BAD_REQUEST, "invalid-booking-request", "Invalid request", refusal.reason())
                    : fieldProblem(HttpStatus.BAD_REQUEST, "invalid-booking-request", "Invalid request", refusal.field(), refusal.reason());
        }
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid-booking-request", "Invalid request", refusal.reason());
        response.getBody().setProperty("errors", refusal.errors().stream().map(error -> fieldError(error.field(), error.message())).toList());
        return response;
    }

    /** How long a client should wait before asking again about a payment being processed. */
    static final int PAYMENT_PENDING_RETRY_AFTER_SECONDS = 10;

    private static ResponseEntity<ProblemDetail> retryLater(ResponseEntity<ProblemDetail> problem) {
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, String.valueOf(PAYMENT_PENDING_RETRY_AFTER_SECONDS))
                .body(problem.getBody());
    }

    static ResponseEntity<ProblemDetail> toProblem(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> invalid(refusal);
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", refusal.reason());
            case SOLD_OUT -> problem(HttpStatus.CONFLICT, "sold-out", "No room free", refusal.reason());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "booking-state", "Not possible in the booking's state", refusal.reason());
            case IDEMPOTENCY_MISMATCH -> problem(HttpStatus.valueOf(422), "idempotency-key-reused", "Idempotency-Key reused",
                    refusal.reason());
            case PAYMENT_DECLINED -> problem(HttpStatus.PAYMENT_REQUIRED, "payment-declined", "Payment declined", refusal.reason());
            // 409, not 429: nothing is wrong with the rate of requests; the guest's own unpaid bookings block a new one
            // until one is paid, cancelled or expires.
            case TOO_MANY_UNPAID_HOLDS -> problem(HttpStatus.CONFLICT, "too-many-unpaid-holds", "Too many unpaid bookings", refusal.reason());
            // Not refused: the outcome is not known yet (another attempt is being charged, or the processor did not answer in
            // time). The booking stays held; asking again later gets the outcome, or finishes a stalled attempt first.
            case BOOKINGS_AHEAD -> problem(HttpStatus.CONFLICT, "bookings-ahead", "Bookings would lose their room", refusal.reason());
            case UNSUPPORTED_MEDIA -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media", "Not an accepted kind of file", refusal.reason());
            case PAYMENT_PENDING -> retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "payment-pending", "Payment being processed", refusal.reason()));
        };
    }
}

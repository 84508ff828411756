package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.CancellationQuote;
import java.util.UUID;

/**
 * A guest (or staff) cancels a booking under the property's policy; a paid one is refunded and its points reversed. The front
 * desk may instead waive the fee, refunding everything paid, for a reason that is audited.
 */
public interface CancelBookingUseCase {

    int MAX_WAIVER_REASON_LENGTH = 500;

    /** @param channel where the cancellation was asked (the website, the API, the front desk), for the metrics */
    Outcome<BookingView> cancel(Actor actor, UUID bookingId, Channel channel);

    /**
     * Cancels as {@link #cancel} does, but refunds everything paid whatever the policy would keep: staff only (anyone else is
     * answered as if the booking did not exist), and only with a reason (1 to {@value #MAX_WAIVER_REASON_LENGTH} characters),
     * recorded in the audit log with the staff member's id. Counted as a front desk cancellation.
     */
    Outcome<BookingView> cancelWaivingFee(Actor staff, UUID bookingId, String reason);

    /** What cancelling now would refund, changing nothing: shown before the guest confirms. Refused when it cannot be cancelled. */
    Outcome<CancellationQuote> quote(Actor actor, UUID bookingId);
}

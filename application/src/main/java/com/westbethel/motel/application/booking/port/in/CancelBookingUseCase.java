package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.CancellationQuote;
import java.util.UUID;

/** A guest (or staff) cancels a booking under the property's policy; a paid one is refunded and its points reversed. */
public interface CancelBookingUseCase {

    /** @param channel where the cancellation was asked (the website, the API, the front desk), for the metrics */
    Outcome<BookingView> cancel(Actor actor, UUID bookingId, Channel channel);

    /** What cancelling now would refund, changing nothing: shown before the guest confirms. Refused when it cannot be cancelled. */
    Outcome<CancellationQuote> quote(Actor actor, UUID bookingId);
}

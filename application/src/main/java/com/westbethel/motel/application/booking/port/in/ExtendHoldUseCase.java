package com.westbethel.motel.application.booking.port.in;

import java.util.UUID;

/**
 * A guest who needs more time to pay extends their hold (WCAG 2.2.1): it runs for another hold duration from now, a
 * limited number of times ({@link BookingView#maxHoldExtensions()}).
 */
public interface ExtendHoldUseCase {

    Outcome<BookingView> extend(Actor actor, UUID bookingId);
}

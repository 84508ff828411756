package com.westbethel.motel.application.booking.port.in;

/** Unpaid holds past their time free their rooms. */
public interface ExpireHoldsUseCase {

    /** @return how many holds expired */
    int expireHolds();
}

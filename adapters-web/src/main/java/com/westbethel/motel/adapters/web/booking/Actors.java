package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;

/** The caller of a booking endpoint, as the booking use cases know callers. */
final class Actors {

    private Actors() {
    }

    static Actor of(AccessTokenClaims caller) {
        return new Actor(caller.user(), caller.roles());
    }
}

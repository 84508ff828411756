package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;

/** The caller of a booking endpoint, as the booking use cases know callers. */
final class Actors {

    private Actors() {
    }

    /**
     * The channel of a request to the JSON API: the front desk when staff or an admin make it (the front desk works through
     * this API), the API otherwise. The website sets its own.
     */
    static Channel channelOf(Actor actor) {
        return actor.isStaff() ? Channel.FRONT_DESK : Channel.API;
    }

    static Actor of(AccessTokenClaims caller) {
        return new Actor(caller.user(), caller.roles());
    }
}

package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;

/**
 * The clerk behind a console page, with the roles of their token: audited as {@code staff:<id>}. Never the site's
 * {@code Actor.guestAccount}, which acts as a guest whatever the roles.
 */
final class StaffActors {

    private StaffActors() {
    }

    static Actor of(AccessTokenClaims caller) {
        return Actor.account(caller.user(), caller.roles());
    }
}

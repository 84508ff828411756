package com.westbethel.motel.adapters.web.site.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class HeldBookingsTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest();

    @Test
    void staff_and_admins_are_guests_on_the_website_with_no_power_over_other_guests_bookings() {
        for (Role role : Set.of(Role.STAFF, Role.ADMIN)) {
            AccessTokenClaims caller = caller(role);

            Actor booker = HeldBookings.booker(caller);
            Optional<Actor> onABooking = HeldBookings.actorFor(UUID.randomUUID(), caller, request);

            assertThat(booker.isStaff()).as(role.name()).isFalse();
            assertThat(booker.account()).contains(caller.user());
            assertThat(onABooking).map(Actor::isStaff).as(role.name()).contains(false);
        }
    }

    @Test
    void a_visitor_without_an_account_holds_only_the_bookings_this_session_made() {
        UUID mine = UUID.randomUUID();
        HeldBookings.remember(request, mine);

        assertThat(HeldBookings.actorFor(mine, null, request)).contains(Actor.holderOf(mine));
        assertThat(HeldBookings.actorFor(UUID.randomUUID(), null, request)).isEmpty();
        assertThat(HeldBookings.booker(null)).isEqualTo(Actor.anonymous());
    }

    private static AccessTokenClaims caller(Role role) {
        Instant now = Instant.parse("2027-06-01T12:00:00Z");
        return new AccessTokenClaims("jti", new UserId(UUID.randomUUID()), new SessionId(UUID.randomUUID()), Set.of(role), now, now.plusSeconds(900));
    }
}

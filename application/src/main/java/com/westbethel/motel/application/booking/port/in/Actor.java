package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.UserId;
import java.util.Set;

/** Who asks: a guest sees only their own bookings; staff and admins see all. */
public record Actor(UserId user, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean isStaff() {
        return roles.contains(Role.STAFF) || roles.contains(Role.ADMIN);
    }

    public boolean sees(Booking booking) {
        return isStaff() || booking.guest().equals(user);
    }
}

package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and act on a booking from the website. A visitor without an account holds the bookings this web session
 * made (or opened from their manage link), kept in the server-side session (Spring Session, in PostgreSQL) and never in
 * the page or a cookie of its own: for those they act as {@link Actor#holderOf}. A logged-in visitor acts as their account.
 * Anyone else has no booking to see, and gets a 404 page.
 */
final class HeldBookings {

    /** Enough for any real visit; the oldest are forgotten beyond it. */
    static final int KEPT = 20;
    private static final String ATTRIBUTE = HeldBookings.class.getName();

    private HeldBookings() {
    }

    /** The actor for a new booking: the account, or a guest without one. */
    static Actor booker(AccessTokenClaims caller) {
        return caller == null ? Actor.anonymous() : Actor.guestAccount(caller.user());
    }

    /** The actor for one booking: its holder when this session holds it, else the logged-in account; empty for anyone else. */
    static Optional<Actor> actorFor(UUID booking, AccessTokenClaims caller, HttpServletRequest request) {
        if (holds(request, booking)) {
            return Optional.of(Actor.holderOf(booking));
        }
        return caller == null ? Optional.empty() : Optional.of(Actor.guestAccount(caller.user()));
    }

    /** This session holds the booking from now on. */
    static void remember(HttpServletRequest request, UUID booking) {
        HttpSession session = request.getSession(true);
        LinkedHashSet<UUID> held = new LinkedHashSet<>(stored(session));
        held.remove(booking);
        held.add(booking);
        while (held.size() > KEPT) {
            held.remove(held.iterator().next());
        }
        // A new value each time: Spring Session writes an attribute back when it is set, not when it is changed in place.
        session.setAttribute(ATTRIBUTE, held);
    }

    static boolean holds(HttpServletRequest request, UUID booking) {
        HttpSession session = request.getSession(false);
        return session != null && stored(session).contains(booking);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashSet<UUID> stored(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof LinkedHashSet<?> held ? (LinkedHashSet<UUID>) held : new LinkedHashSet<>();
    }
}

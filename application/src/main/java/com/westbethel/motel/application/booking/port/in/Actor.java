package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks. A caller with an account sees their own bookings (staff and admins: all); a guest without an account holds
 * at most one booking, proven by a verified manage link or by the web session that made the hold; an anonymous caller
 * (about to book without an account) sees none.
 *
 * @param account the caller's account, if they signed in
 * @param heldBooking the one booking a caller without an account holds
 */
public record Actor(Optional<UserId> account, Set<Role> roles, Optional<UUID> heldBooking) {

    public Actor {
        Objects.requireNonNull(account, "account");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(heldBooking, "heldBooking");
        if (account.isPresent() && heldBooking.isPresent()) {
            throw new IllegalArgumentException("an account sees its bookings as their owner, not as the holder of one");
        }
        if (account.isEmpty() && !roles.isEmpty()) {
            throw new IllegalArgumentException("roles belong to an account");
        }
    }

    public Actor(UserId user, Set<Role> roles) {
        this(Optional.of(user), roles, Optional.empty());
    }

    public static Actor account(UserId user, Set<Role> roles) {
        return new Actor(user, roles);
    }

    /**
     * An account acting as the guest it is, whatever its roles: the guest website's visitor. Staff powers belong to the
     * front desk's own tools, never to pages a guest sees ("my bookings" lists one's own bookings, not the motel's).
     */
    public static Actor guestAccount(UserId user) {
        return new Actor(user, Set.of());
    }

    /** The holder of one booking made without an account: from a verified manage link, or the session that made the hold. */
    public static Actor holderOf(UUID bookingId) {
        return new Actor(Optional.empty(), Set.of(), Optional.of(bookingId));
    }

    /** Someone without an account and without a booking yet: may book as a guest, sees nothing. */
    public static Actor anonymous() {
        return new Actor(Optional.empty(), Set.of(), Optional.empty());
    }

    public boolean isStaff() {
        return roles.contains(Role.STAFF) || roles.contains(Role.ADMIN);
    }

    /** The booking is the caller's own: made by (or claimed by) their account, or the one booking they hold. */
    public boolean owns(Booking booking) {
        return account.isPresent() ? booking.account().equals(account) : heldBooking.filter(booking.id().value()::equals).isPresent();
    }

    /** The one ownership rule: staff see every booking, anyone else their own. */
    public boolean sees(Booking booking) {
        return isStaff() || owns(booking);
    }

    /** For the audit log: {@code staff:<user>}, {@code guest:<user>}, {@code holder:<booking>} or {@code anonymous}. */
    public String auditName() {
        if (account.isPresent()) {
            return (isStaff() ? "staff:" : "guest:") + account.get();
        }
        return heldBooking.map(booking -> "holder:" + booking).orElse("anonymous");
    }
}

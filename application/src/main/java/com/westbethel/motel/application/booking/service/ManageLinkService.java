package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Issuing the signed link that manages one booking without an account, and opening it again. */
public class ManageLinkService implements ManageLinkUseCase {

    private final Bookings bookings;
    private final Inventory inventory;
    private final ManageLinks links;
    private final Clock clock;

    public ManageLinkService(Bookings bookings, Inventory inventory, ManageLinks links, Clock clock) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Outcome<ManageLink> issue(Actor actor, UUID bookingId) {
        Optional<Booking> found = bookings.find(new BookingId(bookingId)).filter(actor::owns);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        return Outcome.success(links.issue(found.get(), inventory.property(found.get().property()).orElseThrow(), clock.instant()));
    }

    @Override
    public Optional<Actor> open(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return links.open(token, clock.instant()).filter(booking -> bookings.find(new BookingId(booking)).isPresent()).map(Actor::holderOf);
    }
}

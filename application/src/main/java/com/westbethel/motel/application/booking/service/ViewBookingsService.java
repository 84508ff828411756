package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import java.util.List;
import java.util.UUID;

/** A guest's own bookings, or everyone's for staff; someone else's booking is as good as absent. */
public class ViewBookingsService implements ViewBookingsUseCase {

    private final Bookings bookings;
    private final BookingViews views;

    public ViewBookingsService(Bookings bookings, Inventory inventory) {
        this.bookings = bookings;
        this.views = new BookingViews(inventory);
    }

    @Override
    public Page<BookingView> bookings(Actor actor, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        if (actor.isStaff()) {
            return new Page<>(views(bookings.all(safePage, safeSize)), safePage, safeSize, bookings.countAll());
        }
        return new Page<>(views(bookings.ofGuest(actor.user(), safePage, safeSize)), safePage, safeSize, bookings.countOfGuest(actor.user()));
    }

    @Override
    public Outcome<BookingView> booking(Actor actor, UUID bookingId) {
        return bookings.find(new BookingId(bookingId)).filter(actor::sees)
                .<Outcome<BookingView>>map(found -> Outcome.success(views.of(found)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("You have no booking " + bookingId + ".")));
    }

    private List<BookingView> views(List<Booking> page) {
        return page.stream().map(views::of).toList();
    }
}

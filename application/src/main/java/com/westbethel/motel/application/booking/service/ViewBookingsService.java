package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.notification.calendar.StayCalendar;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.CancellationQuote;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A guest's own bookings, or everyone's for staff; someone else's booking is as good as absent. A guest without an account
 * sees the one booking they hold.
 */
public class ViewBookingsService implements ViewBookingsUseCase {

    private final Bookings bookings;
    private final Inventory inventory;
    private final Payments payments;
    private final BookingViews views;
    private final Clock clock;

    public ViewBookingsService(Bookings bookings, Inventory inventory, Payments payments, BookingSettings settings, Clock clock) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.payments = payments;
        this.views = new BookingViews(inventory, settings);
        this.clock = clock;
    }

    @Override
    public Page<BookingView> bookings(Actor actor, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        if (actor.isStaff()) {
            return new Page<>(views(bookings.all(safePage, safeSize)), safePage, safeSize, bookings.countAll());
        }
        if (actor.account().isPresent()) {
            return new Page<>(views(bookings.ofAccount(actor.account().get(), safePage, safeSize)), safePage, safeSize,
                    bookings.countOfAccount(actor.account().get()));
        }
        List<Booking> held = actor.heldBooking().flatMap(id -> bookings.find(new BookingId(id))).stream().toList();
        return new Page<>(views(safePage == 0 ? held : List.of()), safePage, safeSize, held.size());
    }

    @Override
    public Outcome<BookingView> booking(Actor actor, UUID bookingId) {
        return seen(actor, bookingId, found -> Outcome.success(views.of(found)));
    }

    @Override
    public Outcome<BookingDetails> details(Actor actor, UUID bookingId) {
        return seen(actor, bookingId, found -> {
            Property property = inventory.property(found.property()).orElseThrow();
            Optional<CancellationQuote> cancellation = CancelBookingService.quote(found, property, clock.instant())
                    .fold(Optional::of, refused -> Optional.empty());
            return Outcome.success(new BookingDetails(views.of(found), payments.ofBooking(found.id()), payments.refundsOf(found.id()),
                    cancellation));
        });
    }

    @Override
    public Outcome<CalendarFile> calendar(Actor actor, UUID bookingId) {
        return seen(actor, bookingId, found -> {
            Property property = inventory.property(found.property()).orElseThrow();
            String ics = StayCalendar.forStay(BookingNotifications.stayDetails(found, property, inventory), clock.instant());
            return Outcome.success(new CalendarFile("stay-" + found.reference() + ".ics", "text/calendar; charset=UTF-8", ics));
        });
    }

    private <T> Outcome<T> seen(Actor actor, UUID bookingId, Function<Booking, Outcome<T>> answer) {
        return bookings.find(new BookingId(bookingId)).filter(actor::sees).map(answer)
                .orElseGet(() -> Outcome.refused(Refusal.noBooking(bookingId)));
    }

    private List<BookingView> views(List<Booking> page) {
        return page.stream().map(views::of).toList();
    }
}

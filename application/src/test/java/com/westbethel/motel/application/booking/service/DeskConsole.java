package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase.WalkInCommand;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The front desk console's use cases on a {@link BookingFixture}'s motel (its fakes, clock and audit log), with a builder for
 * a walk-in as the desk types it.
 */
final class DeskConsole {

    final BookingFixture motel;
    final InMemoryDeskReads reads;
    final BookWalkInService walkIns;
    final TakeDeskPaymentService deskPayments;
    final ViewTapeChartService tapeChart;
    final SearchBookingsService search;

    DeskConsole(BookingFixture motel) {
        this.motel = motel;
        this.reads = new InMemoryDeskReads(motel.inventory, motel.bookings, motel.housekeeping);
        this.walkIns = new BookWalkInService(motel.inventory, motel.bookings, motel.promotions, motel.idempotencyKeys, motel.auditLog,
                BookingSettings.defaults(), motel.clock, motel.metrics);
        this.deskPayments = new TakeDeskPaymentService(motel.bookings, motel.inventory, motel.payments, motel.loyalty, motel.users, motel.events,
                motel.auditLog, motel.manageLinks, motel.clock, motel.metrics);
        this.tapeChart = new ViewTapeChartService(motel.inventory, motel.bookings, reads, motel.clock);
        this.search = new SearchBookingsService(reads, motel.inventory, BookingSettings.defaults());
    }

    Outcome<BookingView> book(WalkIn walkIn) {
        return walkIns.book(walkIn.command(motel));
    }

    /** A walk-in held, then paid at the desk. */
    BookingView paidAtTheDesk(WalkIn walkIn, PaymentMethod method) {
        BookingView held = BookingFixture.succeeded(book(walkIn));
        BookingFixture.succeeded(deskPayments.takePayment(walkIn.staff, held.id(), method));
        return BookingFixture.succeeded(motel.viewBookings.booking(walkIn.staff, held.id()));
    }

    Outcome<PaymentView> takePayment(Actor staff, BookingView booking, PaymentMethod method) {
        return deskPayments.takePayment(staff, booking.id(), method);
    }

    /** A walk-in as the desk types it: by default one guest, Mia Holm without email or phone, a Queen Room tonight for one night. */
    static WalkIn aWalkIn(Actor staff) {
        return new WalkIn(staff);
    }

    static final class WalkIn {

        private final Actor staff;
        private GuestDetails guest = new GuestDetails("Mia", "Holm", null, Optional.empty());
        private LocalDate checkIn = BookingFixture.TODAY;
        private int nights = 1;
        private int guests = 1;
        private Optional<String> roomNumber = Optional.empty();
        private Optional<String> key = Optional.empty();

        private WalkIn(Actor staff) {
            this.staff = staff;
        }

        WalkIn guest(String firstName, String lastName, String email) {
            this.guest = new GuestDetails(firstName, lastName, email, Optional.empty());
            return this;
        }

        WalkIn forStay(LocalDate checkIn, int nights) {
            this.checkIn = checkIn;
            this.nights = nights;
            return this;
        }

        WalkIn forGuests(int guests) {
            this.guests = guests;
            return this;
        }

        WalkIn inRoom(String number) {
            this.roomNumber = Optional.of(number);
            return this;
        }

        WalkIn withKey(String key) {
            this.key = Optional.of(key);
            return this;
        }

        WalkInCommand command(BookingFixture motel) {
            return new WalkInCommand(staff, motel.queen.id().value(), checkIn, checkIn.plusDays(nights), guests, guest, roomNumber, key);
        }
    }
}

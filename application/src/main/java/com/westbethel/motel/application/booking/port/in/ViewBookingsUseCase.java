package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.domain.booking.CancellationQuote;
import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A guest's own bookings (staff: anyone's), newest first, a page at a time; one booking in full; its calendar entry. */
public interface ViewBookingsUseCase {

    int MAX_PAGE_SIZE = 100;

    Page<BookingView> bookings(Actor actor, int page, int size);

    Outcome<BookingView> booking(Actor actor, UUID bookingId);

    /** The booking with its payments, refunds and, while it can be cancelled, what cancelling now would refund. */
    Outcome<BookingDetails> details(Actor actor, UUID bookingId);

    /** The booked stay as an iCalendar ({@code .ics}) file, the same the confirmation email attaches. */
    Outcome<CalendarFile> calendar(Actor actor, UUID bookingId);

    record Page<T>(List<T> items, int page, int size, long totalItems) {
    }

    /**
     * @param cancellation what cancelling now would refund; empty when the booking can no longer be cancelled
     */
    record BookingDetails(BookingView booking, List<PaymentView> payments, List<RefundView> refunds, Optional<CancellationQuote> cancellation) {

        public BookingDetails {
            Objects.requireNonNull(booking, "booking");
            payments = List.copyOf(payments);
            refunds = List.copyOf(refunds);
            Objects.requireNonNull(cancellation, "cancellation");
        }
    }

    /** Money given back for a payment. */
    record RefundView(UUID paymentId, Money amount, Instant refundedAt) {
    }

    /** @param content the calendar's text, lines ending in CRLF */
    record CalendarFile(String fileName, String contentType, String content) {
    }
}

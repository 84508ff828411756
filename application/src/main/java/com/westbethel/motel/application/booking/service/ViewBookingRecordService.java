package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.BookingDetails;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.notification.port.out.EmailHistory;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One booking as the front desk sees it: the guest's view of it ({@link ViewBookingsService#details}), the emails the outbox
 * holds about it (by its reference, which every booking email carries) and the audit entries of the booking and of each of
 * its payments, merged in the order they were written.
 */
public class ViewBookingRecordService implements ViewBookingRecordUseCase {

    private final ViewBookingsService views;
    private final Inventory inventory;
    private final EmailHistory emails;
    private final AuditLog audit;

    public ViewBookingRecordService(Bookings bookings, Inventory inventory, Payments payments, EmailHistory emails, AuditLog audit,
            BookingSettings settings, Clock clock) {
        this.views = new ViewBookingsService(bookings, inventory, payments, settings, clock);
        this.inventory = inventory;
        this.emails = emails;
        this.audit = audit;
    }

    @Override
    public Outcome<BookingRecord> record(Actor staff, UUID bookingId) {
        if (!staff.isStaff()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        return views.details(staff, bookingId).fold(details -> Outcome.success(record(details)), Outcome::refused);
    }

    private BookingRecord record(BookingDetails details) {
        BookingView booking = details.booking();
        String roomType = inventory.roomType(new RoomTypeId(booking.roomTypeId())).map(RoomType::name).orElse("");
        Stream<StoredEntry> ofBooking = audit.forEntity("booking", booking.id().toString(), QueryAuditLogUseCase.MAX_ENTRIES).stream();
        Stream<StoredEntry> ofPayments = details.payments().stream().map(PaymentView::id)
                .flatMap(payment -> audit.forEntity("payment", payment.toString(), QueryAuditLogUseCase.MAX_ENTRIES).stream());
        List<StoredEntry> history = Stream.concat(ofBooking, ofPayments).sorted(Comparator.comparingLong(StoredEntry::id)).toList();
        return new BookingRecord(details, roomType, emails.aboutBooking(booking.reference(), MAX_EMAILS), history);
    }
}

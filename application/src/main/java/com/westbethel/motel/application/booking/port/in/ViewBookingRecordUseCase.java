package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.BookingDetails;
import com.westbethel.motel.application.notification.port.out.EmailHistory.EmailRecord;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The front desk opens one booking in full: what the guest sees (the booking, its payments and refunds, what cancelling now
 * would refund under the policy; waiving the fee would refund all that was paid), and what only the desk sees: the room
 * type's name, the emails sent about the booking and its audited history.
 */
public interface ViewBookingRecordUseCase {

    int MAX_EMAILS = 50;

    /** Staff only: anyone else is answered as if the booking did not exist. */
    Outcome<BookingRecord> record(Actor staff, UUID bookingId);

    /**
     * @param history the booking's audit entries and its payments' (each entry's entity type says which), oldest first
     */
    record BookingRecord(BookingDetails details, String roomTypeName, List<EmailRecord> emails, List<StoredEntry> history) {

        public BookingRecord {
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(roomTypeName, "roomTypeName");
            emails = List.copyOf(emails);
            history = List.copyOf(history);
        }
    }
}

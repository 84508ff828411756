package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The front desk books a room for a guest standing at it (a walk-in): held unpaid, like any booking, until the desk takes the
 * payment. The booking belongs to no account (never the staff member's), names the guest given (first and last name; email
 * and phone optional), may start today, and may ask for one room by number.
 */
public interface BookWalkInUseCase {

    Outcome<BookingView> book(WalkInCommand command);

    /**
     * @param guest the walk-in's details as typed: {@code email} may be null or blank (no emails are sent then)
     * @param roomNumber the one room to hold, when the desk picked it; otherwise the first free room of the type
     * @param idempotencyKey the client's Idempotency-Key, if sent; a retry with it returns the first booking
     */
    record WalkInCommand(Actor staff, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, GuestDetails guest,
            Optional<String> roomNumber, Optional<String> idempotencyKey) {

        public WalkInCommand {
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(roomTypeId, "roomTypeId");
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(checkOut, "checkOut");
            Objects.requireNonNull(guest, "guest");
            Objects.requireNonNull(roomNumber, "roomNumber");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}

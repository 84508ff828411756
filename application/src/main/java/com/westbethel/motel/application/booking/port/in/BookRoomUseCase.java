package com.westbethel.motel.application.booking.port.in;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A guest books a room type for a stay: a room is held, unpaid, for a short while. */
public interface BookRoomUseCase {

    Outcome<BookingView> book(BookRoomCommand command);

    /** @param idempotencyKey the client's Idempotency-Key, if sent; a retry with it returns the first booking */
    record BookRoomCommand(Actor guest, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promotionCode,
            Optional<String> idempotencyKey) {

        public BookRoomCommand {
            Objects.requireNonNull(guest, "guest");
            Objects.requireNonNull(roomTypeId, "roomTypeId");
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(checkOut, "checkOut");
            Objects.requireNonNull(promotionCode, "promotionCode");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}

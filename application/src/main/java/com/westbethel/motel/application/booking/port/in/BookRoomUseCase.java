package com.westbethel.motel.application.booking.port.in;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A guest books a room type for a stay: a room is held, unpaid, for a short while. A caller with an account books as
 * themselves (the booking names them, from their profile, unless other guest details are given); a caller without an
 * account gives the guest's details, which are required.
 */
public interface BookRoomUseCase {

    Outcome<BookingView> book(BookRoomCommand command);

    /**
     * @param idempotencyKey the client's Idempotency-Key, if sent; a retry with it returns the first booking
     * @param guestDetails who the booking is for: required without an account, optional with one
     * @param channel where the booking was made (the website, the API, the front desk), for the metrics
     */
    record BookRoomCommand(Actor guest, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promotionCode,
            Optional<String> idempotencyKey, Optional<GuestDetails> guestDetails, Channel channel) {

        public BookRoomCommand {
            Objects.requireNonNull(guest, "guest");
            Objects.requireNonNull(roomTypeId, "roomTypeId");
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(checkOut, "checkOut");
            Objects.requireNonNull(promotionCode, "promotionCode");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(guestDetails, "guestDetails");
            Objects.requireNonNull(channel, "channel");
        }

        /** A booking by a caller with an account, for themselves. */
        public BookRoomCommand(Actor guest, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promotionCode,
                Optional<String> idempotencyKey, Channel channel) {
            this(guest, roomTypeId, checkIn, checkOut, guests, promotionCode, idempotencyKey, Optional.empty(), channel);
        }
    }

    /**
     * The guest's details as typed, checked by the use case (which names each field at fault: {@code guest.firstName},
     * {@code guest.lastName}, {@code guest.email}, {@code guest.phone}).
     */
    record GuestDetails(String firstName, String lastName, String email, Optional<String> phone) {

        public GuestDetails {
            Objects.requireNonNull(phone, "phone");
        }

        /** Personal data: never in a log line. */
        @Override
        public String toString() {
            return "GuestDetails[redacted]";
        }
    }
}

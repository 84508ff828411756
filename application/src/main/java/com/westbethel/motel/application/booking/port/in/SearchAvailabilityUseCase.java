package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Anyone asks what is free for a stay and what it costs, with a promotion code if they have one. */
public interface SearchAvailabilityUseCase {

    /**
     * @param promotionCode a code to price the stay with; one that does not apply leaves the prices undiscounted and
     *        says why in {@link Availability#promotionRefused()}, so the guest still sees what is free
     */
    Outcome<Availability> search(LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promotionCode);

    default Outcome<Availability> search(LocalDate checkIn, LocalDate checkOut, int guests) {
        return search(checkIn, checkOut, guests, Optional.empty());
    }

    /**
     * @param promotionCode the code the prices include, in its stored form, when one applies
     * @param promotionRefused why the code asked for does not apply (no such code, wrong dates, stay too short)
     * @param cancellation the property's cancellation terms for this stay
     */
    record Availability(LocalDate checkIn, LocalDate checkOut, int nights, List<RoomTypeOffer> roomTypes, Optional<String> promotionCode,
            Optional<String> promotionRefused, CancellationTerms cancellation) {

        public Availability {
            roomTypes = List.copyOf(roomTypes);
        }
    }

    /** A room type that sleeps the party, with its free rooms and the stay's price night by night, as a booking would be charged. */
    record RoomTypeOffer(UUID roomTypeId, String name, String description, List<String> amenities, int maxOccupancy, int availableRooms,
            StayQuote price) {

        public RoomTypeOffer {
            amenities = List.copyOf(amenities);
        }

        public Money total() {
            return price.total();
        }

        public List<NightlyRate> nightlyRates() {
            return price.nights();
        }

        public int minimumStay() {
            return price.minimumStay();
        }

        /** What a cancellation after the free window keeps: the first night, as paid after any discount. */
        public Money keptWhenCancelledLate() {
            return price.firstNightPaid();
        }
    }

    /**
     * Free cancellation until {@code freeUntil}, in the motel's time zone ({@code hoursBeforeCheckIn} before check-in
     * time on the check-in day); after it the first night is kept.
     *
     * @param freeNow whether the deadline is still ahead
     */
    record CancellationTerms(int hoursBeforeCheckIn, ZonedDateTime freeUntil, boolean freeNow) {
    }
}

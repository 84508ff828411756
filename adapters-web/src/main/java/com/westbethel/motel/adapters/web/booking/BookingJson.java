package com.westbethel.motel.adapters.web.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase.ManageLink;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.shared.EmailAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A booking in the API's shape (docs/architecture.md §6), with its night-by-night price and the guest it names.
 *
 * @param guestId the account the booking belongs to; null for a booking made without an account
 * @param manageToken only in the answer to a booking made without an account: send it as {@code Booking-Token} to see, pay,
 *     extend and cancel the booking; as secret as a password
 */
record BookingJson(UUID id, String reference, String status,
        @Schema(description = "The account the booking belongs to; null for a booking made without an account") UUID guestId,
        GuestContactJson guest, UUID roomTypeId, String roomNumber, LocalDate checkIn, LocalDate checkOut, int nights, int guests,
        List<NightJson> nightlyRates, MoneyJson subtotal, MoneyJson discount, MoneyJson total, String promoCode, Instant holdExpiresAt,
        @Schema(description = "How many times the hold was extended", example = "0") int holdExtensions,
        @Schema(description = "How many times a hold may be extended", example = "2") int maxHoldExtensions, MoneyJson refunded,
        @Schema(description = "Only when the booking was just made without an account: send it as the Booking-Token header to see, pay, "
                + "extend and cancel this booking. Keep it secret.", example = "G3t4Zm9vYmFyYmF6cXV4AAAAAGaK9iA.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c")
        String manageToken,
        @Schema(description = "Only when the booking was just made without an account: the page that manages it, as emailed",
                example = "https://westbethelmotel.example/manage/G3t4Zm9vYmFyYmF6cXV4AAAAAGaK9iA.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c")
        String manageUrl,
        // Left out rather than null when there is none: an object property of the document cannot be null.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to cancelling a booking paid at the front desk (cash or the desk's card terminal), "
                + "absent otherwise: the refund the desk gives back by hand; the card processor never saw that payment") DeskRefundJson deskRefund) {

    record NightJson(LocalDate night, MoneyJson rate) {
    }

    /** A refund the front desk gives back by hand, the way the booking was paid. */
    record DeskRefundJson(MoneyJson amount, @Schema(example = "CASH", allowableValues = {"CASH", "CARD_PRESENT"}) String method,
            @Schema(example = "Give 120.00 USD back in cash at the desk.") String instruction) {
    }

    /** Who the booking is for: given at booking, or copied from the account's profile. */
    record GuestContactJson(@Schema(example = "Mia") String firstName, @Schema(example = "Holm") String lastName,
            @Schema(example = "mia.holm@example.com") String email, @Schema(example = "+1 207 555 0100") String phone) {

        static GuestContactJson of(GuestContact guest) {
            return new GuestContactJson(guest.firstName(), guest.lastName(), guest.email().map(EmailAddress::value).orElse(null),
                    guest.phone().orElse(null));
        }
    }

    static BookingJson of(BookingView view) {
        return new BookingJson(view.id(), view.reference(), view.status().name(), view.account().orElse(null), GuestContactJson.of(view.guest()),
                view.roomTypeId(), view.roomNumber(), view.checkIn(), view.checkOut(), view.nights(), view.guests(),
                view.nightlyRates().stream().map(night -> new NightJson(night.night(), MoneyJson.of(night.rate()))).toList(),
                MoneyJson.of(view.subtotal()), MoneyJson.of(view.discount()), MoneyJson.of(view.total()), view.promotionCode().orElse(null),
                view.holdExpiresAt(), view.holdExtensions(), view.maxHoldExtensions(), MoneyJson.of(view.refunded()), null, null,
                view.deskRefund().map(refund -> new DeskRefundJson(MoneyJson.of(refund.amount()), refund.method().name(), refund.instruction()))
                        .orElse(null));
    }

    /** The answer to a booking made without an account: with the token and page that manage it. */
    static BookingJson of(BookingView view, ManageLink link) {
        BookingJson booking = of(view);
        return new BookingJson(booking.id, booking.reference, booking.status, booking.guestId, booking.guest, booking.roomTypeId, booking.roomNumber,
                booking.checkIn, booking.checkOut, booking.nights, booking.guests, booking.nightlyRates, booking.subtotal, booking.discount,
                booking.total, booking.promoCode, booking.holdExpiresAt, booking.holdExtensions, booking.maxHoldExtensions, booking.refunded,
                link.token(), link.url(), booking.deskRefund);
    }
}

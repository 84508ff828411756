package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase.ManageLink;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.BookingCancelled;
import com.westbethel.motel.application.notification.event.BookingConfirmed;
import com.westbethel.motel.application.notification.event.LoyaltyPointsEarned;
import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.application.notification.event.PaymentFailed;
import com.westbethel.motel.application.notification.event.PaymentReceived;
import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.event.StayDetails;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;
import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a booking's life tells its guest about, published as events inside the use case's transaction. The guest is the
 * booking's account, if it has one (with that account's address and preferences), otherwise the address on the booking.
 */
final class BookingNotifications {

    private final NotificationEvents events;
    private final Users users;
    private final Inventory inventory;

    BookingNotifications(NotificationEvents events, Users users, Inventory inventory) {
        this.events = events;
        this.users = users;
        this.inventory = inventory;
    }

    void paid(Booking booking, Property property, UUID payment, Instant at, long pointsEarned, Optional<LoyaltyLedger.Balance> balance,
            ManageLink manage) {
        StayDetails stay = stayDetails(booking, property, inventory);
        publish(booking, guest -> new BookingConfirmed(guest, stay, pointsEarned, manage.url()));
        publish(booking, guest -> new PaymentReceived(guest, stay, payment, booking.price().total(), at, manage.url()));
        if (pointsEarned > 0 && balance.isPresent()) {
            // The tier follows lifetime points, which redeeming never lowers; the balance is what can be spent.
            publish(booking, guest -> new LoyaltyPointsEarned(guest, booking.reference(), pointsEarned, balance.get().points(),
                    LoyaltyProgram.tierFor(balance.get().lifetimePoints())));
        }
    }

    void paymentFailed(Booking booking, Property property, String reason) {
        StayDetails stay = stayDetails(booking, property, inventory);
        publish(booking, guest -> new PaymentFailed(guest, stay, reason));
    }

    void cancelled(Booking booking, Property property) {
        StayDetails stay = stayDetails(booking, property, inventory);
        Money refund = booking.refunded();
        publish(booking, guest -> new BookingCancelled(guest, stay, refund));
    }

    /** The booked stay as its emails and its calendar entry describe it. */
    static StayDetails stayDetails(Booking booking, Property property, Inventory inventory) {
        String roomTypeName = inventory.roomType(booking.roomType()).map(RoomType::name).orElse("room");
        return new StayDetails(booking.reference(), property.name(), roomTypeName, booking.stay().checkIn(), booking.stay().checkOut(),
                property.checkInTime(), property.checkOutTime(), property.timeZone(), (int) booking.stay().nights(), booking.guests(),
                booking.price().total());
    }

    private void publish(Booking booking, Function<Recipient, NotificationEvent> event) {
        recipient(booking).map(event).ifPresent(events::publish);
    }

    private Optional<Recipient> recipient(Booking booking) {
        if (booking.account().isPresent()) {
            return users.findById(booking.account().get()).map(Recipient::of);
        }
        return booking.contact().email().map(email -> Recipient.withoutAccount(email, booking.contact().firstName()));
    }
}

package com.westbethel.motel.adapters.persistence.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.identity.JdbcUsers;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.application.booking.port.out.Promotions.PromotionGuest;
import com.westbethel.motel.application.booking.port.out.Promotions.Redemption;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V14 (issue 11): bookings without an account keep their guest, count against the cap by address, keep per-guest
 * promotion limits by address, and move to the account that claims the address, taking their promotion use along.
 */
class GuestCheckoutPersistenceIT {

    private static final LocalDate JULY_7 = LocalDate.of(2032, 7, 7);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcInventory inventory = new JdbcInventory(jdbc);
    private final JdbcBookings bookings = new JdbcBookings(jdbc);
    private final JdbcPayments payments = new JdbcPayments(jdbc);
    private final PropertyId property = new PropertyId(UUID.randomUUID());
    private final RoomType cabin = new RoomType(RoomTypeId.random(), property, "Cabin", "", 2, Money.of("100.00", "USD"), List.of());
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final EmailAddress mia = new EmailAddress("mia-" + run + "@example.com");
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void aPropertyWithFourCabins() {
        inventory.addProperty(new Property(property, "Guest Motel " + property, ZoneId.of("America/New_York"), Currency.getInstance("USD"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48)));
        inventory.addRoomType(cabin);
        for (int number = 1; number <= 4; number++) {
            inventory.addRoom(RoomId.random(), property, cabin.id(), "G" + number + "-" + run, 1);
        }
    }

    @Test
    void a_booking_without_an_account_keeps_its_guest_and_its_extended_hold() {
        GuestContact guest = new GuestContact("Mia", "Holm", Optional.of(mia), Optional.of("+1 207 555 0100"));
        Booking held = hold(Optional.empty(), guest, Optional.empty());

        held.extendHold(now.plus(Duration.ofMinutes(14)).atZone(ZoneOffset.UTC), Duration.ofMinutes(15), Duration.ofMinutes(5), 2);
        bookings.update(held);

        Booking stored = bookings.find(held.id()).orElseThrow();
        assertThat(stored.account()).isEmpty();
        assertThat(stored.contact()).isEqualTo(guest);
        assertThat(stored.holdExtensions()).isEqualTo(1);
        assertThat(stored.holdExpiresAt()).isEqualTo(now.plus(Duration.ofMinutes(29)));
    }

    @Test
    void the_database_refuses_a_booking_that_names_nobody() {
        Booking held = hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.empty());

        Throwable nobody = catchThrowable(() -> jdbc.sql("UPDATE bookings SET guest_email = NULL, guest_last_name = '' WHERE id = :id")
                .param("id", held.id().value()).update());

        assertThat(nobody).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("bookings_guest_known");
    }

    @Test
    void unpaid_holds_are_counted_by_the_address_whoever_made_them_and_an_accounts_by_its_own_only() {
        UserId account = account(mia);
        hold(Optional.of(account), GuestContact.of("Mia", "Holm", mia), Optional.empty());
        hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.empty());
        hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.empty());
        hold(Optional.of(account), GuestContact.of("Ola", "Holm", new EmailAddress("ola-" + run + "@example.com")), Optional.empty());

        assertThat(bookings.unpaidHoldsNaming(mia, now)).isEqualTo(3);
        assertThat(bookings.unpaidHoldsOf(account, now)).as("holds others made naming its address are not the account's").isEqualTo(2);
        assertThat(bookings.unpaidHoldsNaming(mia, now.plus(Duration.ofMinutes(15)))).as("expired").isZero();
        assertThat(bookings.unpaidHoldsOf(account, now.plus(Duration.ofMinutes(15)))).as("expired").isZero();
    }

    @Test
    void an_address_uses_a_once_per_guest_code_once_and_gets_it_back_when_the_hold_ends() {
        Promotion once = promotion();
        PromotionGuest byAddress = new PromotionGuest.Email(mia);
        assertThat(inventory.redeem(once, byAddress, Optional.empty())).isEqualTo(Redemption.REDEEMED);
        Booking held = hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.of(once.code()));

        assertThat(inventory.redeem(once, byAddress, Optional.empty())).isEqualTo(Redemption.ALREADY_USED_BY_GUEST);

        held.expireHold(now.plus(Duration.ofMinutes(15)));
        bookings.update(held);
        assertThat(inventory.redeem(once, byAddress, Optional.empty())).isEqualTo(Redemption.REDEEMED);
    }

    @Test
    void the_per_guest_limit_counts_an_accounts_row_with_its_addresss_both_ways() {
        Promotion once = promotion();
        PromotionGuest byAccount = new PromotionGuest.Account(account(mia));
        PromotionGuest byAddress = new PromotionGuest.Email(mia);
        assertThat(inventory.redeem(once, byAccount, Optional.of(byAddress))).isEqualTo(Redemption.REDEEMED);

        assertThat(inventory.redeem(once, byAddress, Optional.of(byAccount))).as("logged out, under the account's address")
                .isEqualTo(Redemption.ALREADY_USED_BY_GUEST);
        assertThat(inventory.redeem(once, byAddress, Optional.empty())).as("the rows are kept apart").isEqualTo(Redemption.REDEEMED);
        assertThat(inventory.redeem(once, byAccount, Optional.of(byAddress))).isEqualTo(Redemption.ALREADY_USED_BY_GUEST);
        assertThat(jdbc.sql("SELECT uses FROM promotions WHERE id = :id").param("id", once.id()).query(Integer.class).single())
                .as("a refused use is given back to the code").isEqualTo(2);
    }

    @Test
    void a_claim_never_puts_the_account_over_the_per_guest_limit_the_use_stays_on_the_address() {
        Promotion once = promotion();
        UserId account = account(mia);
        inventory.redeem(once, new PromotionGuest.Account(account), Optional.empty());
        hold(Optional.of(account), GuestContact.of("Mia", "Holm", mia), Optional.of(once.code()));
        // Taken before the limit counted both rows.
        inventory.redeem(once, new PromotionGuest.Email(mia), Optional.empty());
        Booking claimedLater = hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.of(once.code()));

        assertThat(bookings.claim(account, mia)).isEqualTo(1);

        assertThat(bookings.find(claimedLater.id()).orElseThrow().account()).contains(account);
        assertThat(redemptions(once, "guest_id = '" + account.value() + "'")).as("at the limit, not over it").isEqualTo(1);
        assertThat(redemptions(once, "guest_email = '" + mia.value() + "'")).as("kept on the address").isEqualTo(1);
    }

    @Test
    void claiming_the_address_moves_its_bookings_and_the_code_use_they_hold_to_the_account() {
        Promotion once = promotion();
        inventory.redeem(once, new PromotionGuest.Email(mia), Optional.empty());
        Booking withCode = hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.of(once.code()));
        Booking other = hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.empty());
        Booking stranger = hold(Optional.empty(), GuestContact.of("Sam", "Berg", new EmailAddress("sam-" + run + "@example.com")),
                Optional.empty());
        UserId account = account(mia);

        int claimed = bookings.claim(account, mia);

        assertThat(claimed).isEqualTo(2);
        assertThat(bookings.ofAccount(account, 0, 10)).extracting(Booking::id).containsExactlyInAnyOrder(withCode.id(), other.id());
        assertThat(bookings.find(stranger.id()).orElseThrow().account()).isEmpty();
        assertThat(redemptions(once, "guest_id = '" + account.value() + "'")).isEqualTo(1);
        assertThat(redemptions(once, "guest_email = '" + mia.value() + "'")).isZero();

        Booking mine = bookings.find(withCode.id()).orElseThrow();
        mine.cancel(new CancellationPolicy(48), JULY_7.atTime(15, 0).atZone(ZoneId.of("America/New_York")), now);
        bookings.update(mine);
        assertThat(redemptions(once, "guest_id = '" + account.value() + "'")).as("given back to the account").isZero();
        assertThat(jdbc.sql("SELECT uses FROM promotions WHERE id = :id").param("id", once.id()).query(Integer.class).single()).isZero();
        assertThat(bookings.claim(account, mia)).as("nothing left to claim").isZero();
    }

    @Test
    void a_bookings_payments_and_refunds_read_back_in_order() {
        Booking held = hold(Optional.empty(), GuestContact.of("Mia", "Holm", mia), Optional.empty());
        PaymentView declined = new PaymentView(UUID.randomUUID(), held.id().value(), PaymentStatus.DECLINED, held.price().total(),
                Optional.of("Your card was declined."), now);
        PaymentView paid = new PaymentView(UUID.randomUUID(), held.id().value(), PaymentStatus.SUCCEEDED, held.price().total(), Optional.empty(),
                now.plusSeconds(30));
        payments.record(declined, Optional.empty());
        payments.record(paid, Optional.of("ch_1"));

        payments.recordRefund(paid.id(), Money.of("100.00", "USD"), now.plusSeconds(60));

        assertThat(payments.ofBooking(held.id())).containsExactly(declined, paid);
        assertThat(payments.refundsOf(held.id())).containsExactly(new RefundView(paid.id(), Money.of("100.00", "USD"), now.plusSeconds(60)));
    }

    private Booking hold(Optional<UserId> account, GuestContact guest, Optional<String> code) {
        Stay stay = Stay.of(JULY_7, 2);
        return bookings.holdFreeRoom(cabin.id(), stay, room -> Booking.hold(property, account, guest, cabin.id(), room, stay, 1,
                StayPricing.quote(cabin, List.of(), stay), code, now, now.plus(Duration.ofMinutes(15)))).orElseThrow();
    }

    private UserId account(EmailAddress email) {
        User user = new User(UserId.random(), email, "Mia", "Holm", "{bcrypt}x", EnumSet.of(Role.GUEST), true, true, Instant.now(), null);
        new JdbcUsers(jdbc).add(user);
        return user.id();
    }

    private Promotion promotion() {
        Promotion promotion = new Promotion(UUID.randomUUID(), ("G" + run + UUID.randomUUID().toString().substring(0, 4)).toUpperCase(java.util.Locale.ROOT), Promotion.Kind.PERCENT,
                BigDecimal.TEN, JULY_7.minusDays(30), JULY_7.plusDays(30), Optional.empty(), 1, 1);
        inventory.addPromotion(promotion);
        return promotion;
    }

    private int redemptions(Promotion promotion, String guest) {
        return jdbc.sql("SELECT coalesce(sum(uses), 0) FROM promotion_redemptions WHERE promotion_id = :id AND " + guest)
                .param("id", promotion.id()).query(Integer.class).single();
    }
}

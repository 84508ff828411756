package com.westbethel.motel.application.booking.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Finding 7 of issue 10: holds and promotion codes cannot be hoarded. */
class BookingLimitsTest {

    private static final LocalDate JULY_1 = LocalDate.of(2027, 7, 1);

    private final MovableClock clock = new MovableClock(Instant.parse("2027-06-01T12:00:00Z"));
    private final InMemoryBooking motel = new InMemoryBooking(20);
    private final UserId anna = UserId.random();
    private final UserId ben = UserId.random();

    @Test
    void a_guest_holding_three_unpaid_bookings_is_refused_a_fourth_until_one_expires() {
        BookRoomService service = service(BookingSettings.defaults());
        for (int night = 0; night < 3; night++) {
            assertThat(book(service, anna, JULY_1.plusDays(night * 2L), Optional.empty())).isInstanceOf(Outcome.Success.class);
        }

        Outcome<BookingView> fourth = book(service, anna, JULY_1.plusDays(10), Optional.empty());

        assertThat(refusal(fourth).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
        assertThat(refusal(fourth).reason()).contains("3 unpaid bookings");
        assertThat(book(service, ben, JULY_1.plusDays(10), Optional.empty())).as("another guest is not affected").isInstanceOf(Outcome.Success.class);

        clock.advance(Duration.ofMinutes(16));

        assertThat(book(service, anna, JULY_1.plusDays(10), Optional.empty())).as("expired holds no longer count").isInstanceOf(Outcome.Success.class);
    }

    @Test
    void the_cap_on_unpaid_holds_is_configurable() {
        BookRoomService service = service(new BookingSettings(Duration.ofMinutes(15), 30, 1));
        assertThat(book(service, anna, JULY_1, Optional.empty())).isInstanceOf(Outcome.Success.class);

        assertThat(refusal(book(service, anna, JULY_1.plusDays(5), Optional.empty())).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
    }

    @Test
    void a_code_for_once_per_guest_is_refused_the_second_time_and_does_not_count_the_refusal_as_a_use() {
        Promotion welcome = promotion("WELCOME10", Optional.of(100), 1);
        BookRoomService service = service(BookingSettings.defaults());
        assertThat(book(service, anna, JULY_1, Optional.of("welcome10"))).isInstanceOf(Outcome.Success.class);

        Refusal again = refusal(book(service, anna, JULY_1.plusDays(5), Optional.of("WELCOME10")));

        assertThat(again.field()).isEqualTo("promoCode");
        assertThat(again.reason()).contains("already used");
        assertThat(motel.promotions.uses(welcome)).isEqualTo(1);
        assertThat(book(service, ben, JULY_1.plusDays(5), Optional.of("WELCOME10"))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void a_code_with_a_usage_limit_is_used_up_after_that_many_bookings() {
        Promotion firstTwo = promotion("FIRSTTWO", Optional.of(2), 1);
        BookRoomService service = service(BookingSettings.defaults());
        assertThat(book(service, anna, JULY_1, Optional.of("FIRSTTWO"))).isInstanceOf(Outcome.Success.class);
        assertThat(book(service, ben, JULY_1, Optional.of("FIRSTTWO"))).isInstanceOf(Outcome.Success.class);

        Refusal third = refusal(book(service, UserId.random(), JULY_1, Optional.of("FIRSTTWO")));

        assertThat(third.reason()).contains("used up");
        assertThat(motel.promotions.uses(firstTwo)).isEqualTo(2);
    }

    @Test
    void a_booking_refused_because_the_room_type_is_sold_out_gives_its_code_back() {
        InMemoryBooking tiny = new InMemoryBooking(1);
        Promotion once = new Promotion(UUID.randomUUID(), "ONCE", Promotion.Kind.PERCENT, BigDecimal.TEN, JULY_1.minusDays(30), JULY_1.plusDays(30),
                Optional.of(5), 1, 1);
        tiny.promotions.add(once);
        BookRoomService service = new BookRoomService(tiny.inventory, tiny.bookings, tiny.promotions, InMemoryBooking.noIdempotencyKeys(),
                tiny.auditLog(), BookingSettings.defaults(), clock);
        assertThat(book(service, tiny, ben, JULY_1, Optional.empty())).isInstanceOf(Outcome.Success.class);

        assertThat(refusal(book(service, tiny, anna, JULY_1, Optional.of("ONCE"))).kind()).isEqualTo(Refusal.Kind.SOLD_OUT);

        assertThat(tiny.promotions.uses(once)).isZero();
        assertThat(book(service, tiny, anna, JULY_1.plusDays(5), Optional.of("ONCE"))).isInstanceOf(Outcome.Success.class);
    }

    private Promotion promotion(String code, Optional<Integer> usageLimit, int perGuest) {
        Promotion promotion = new Promotion(UUID.randomUUID(), code, Promotion.Kind.PERCENT, BigDecimal.TEN, JULY_1.minusDays(30),
                JULY_1.plusDays(60), usageLimit, perGuest, 1);
        motel.promotions.add(promotion);
        return promotion;
    }

    /** Payments, loyalty, users and emails are not reached when booking. */
    private BookRoomService service(BookingSettings settings) {
        return new BookRoomService(motel.inventory, motel.bookings, motel.promotions, InMemoryBooking.noIdempotencyKeys(), motel.auditLog(),
                settings, clock);
    }

    private Outcome<BookingView> book(BookRoomService service, UserId guest, LocalDate checkIn, Optional<String> code) {
        return book(service, motel, guest, checkIn, code);
    }

    private static Outcome<BookingView> book(BookRoomService service, InMemoryBooking motel, UserId guest, LocalDate checkIn,
            Optional<String> code) {
        return service.book(new BookRoomCommand(new Actor(guest, Set.of(Role.GUEST)), motel.queen.id().value(), checkIn, checkIn.plusDays(2), 1,
                code, Optional.empty()));
    }

    private static Refusal refusal(Outcome<BookingView> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<BookingView>) outcome).refusal();
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.SITE;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.Refusal.FieldError;
import com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryBookings;
import com.westbethel.motel.application.booking.port.out.Promotions.PromotionGuest;
import com.westbethel.motel.application.notification.event.BookingConfirmed;
import com.westbethel.motel.application.notification.event.LoyaltyPointsEarned;
import com.westbethel.motel.application.notification.event.PaymentReceived;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11: booking without an account. The booking names the guest; the holder pays and cancels without one. */
class GuestCheckoutTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(5);

    @Test
    void a_guest_without_an_account_books_with_their_details_and_the_booking_names_them() {
        // when
        BookingView held = motel.held(aBooking().withoutAccountFor(" Mia ", "Holm", "Mia.Holm@Example.com"));

        // then
        assertThat(held.account()).isEmpty();
        assertThat(held.guest()).isEqualTo(GuestContact.of("Mia", "Holm", new EmailAddress("mia.holm@example.com")));
        assertThat(motel.auditLog.entries()).extracting(AuditEntry::actor).containsExactly("anonymous");
    }

    @Test
    void without_an_account_the_guests_details_are_required_and_each_fault_is_named() {
        // when
        Outcome<BookingView> none = motel.book(aBooking().by(Actor.anonymous()));
        Outcome<BookingView> wrong = motel.book(aBooking().by(Actor.anonymous())
                .forGuest(new GuestDetails("", "Holm", "mia-at-example.com", Optional.of("call me"))));

        // then
        assertThat(refusal(none)).isEqualTo(Refusal.invalid("guest",
                "Give the guest's first name, last name and email address, or sign in to book with your account."));
        assertThat(refusal(wrong).kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal(wrong).errors()).extracting(FieldError::field).containsExactly("guest.firstName", "guest.email", "guest.phone");
        assertThat(motel.bookings.all(0, 10)).isEmpty();
    }

    @Test
    void an_account_books_as_itself_from_its_profile_or_for_the_guest_it_names() {
        // given
        Actor anna = motel.guest("Anna");

        // when
        BookingView herself = motel.held(aBooking().by(anna));
        BookingView forHerMother = motel.held(aBooking().by(anna).forStay(JULY_1.plusDays(5), 1)
                .forGuest(new GuestDetails("Eva", "Lund", "eva@example.com", Optional.of("+47 22 00 00 00"))));

        // then
        assertThat(herself.guest()).isEqualTo(GuestContact.of("Anna", "Guest", new EmailAddress("anna@example.com")));
        assertThat(forHerMother.guest().phone()).contains("+47 22 00 00 00");
        assertThat(forHerMother.account()).isEqualTo(Optional.of(anna.account().orElseThrow().value()));
    }

    @Test
    void unpaid_holds_without_an_account_are_capped_by_email_in_any_case_and_never_block_the_account_of_that_email() {
        // given: three holds by somebody without an account, naming Anna's address
        for (String spelled : new String[] {"anna@example.com", "ANNA@example.com", "Anna@Example.COM"}) {
            motel.held(aBooking().withoutAccountFor("Anna", "Guest", spelled).forStay(JULY_1, 1));
        }
        Actor anna = motel.guest("Anna");

        // when
        Outcome<BookingView> fourth = motel.book(aBooking().withoutAccountFor("Anna", "Guest", "anna@example.com").forStay(JULY_1, 1));
        Outcome<BookingView> asAccount = motel.book(aBooking().by(anna).forStay(JULY_1, 1));

        // then
        assertThat(refusal(fourth).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
        assertThat(succeeded(asAccount).account()).as("the account counts its own holds only").isPresent();
        assertThat(motel.book(aBooking().withoutAccountFor("Ben", "Guest", "ben@example.com").forStay(JULY_1, 1)))
                .isInstanceOf(Outcome.Success.class);
    }

    @Test
    void an_accounts_own_holds_cap_it_whatever_address_they_name_and_count_for_the_address_they_name() {
        // given: three holds of Anna's account, one of them for her mother
        Actor anna = motel.guest("Anna");
        motel.held(aBooking().by(anna).forStay(JULY_1, 1));
        motel.held(aBooking().by(anna).forStay(JULY_1, 1));
        motel.held(aBooking().by(anna).forStay(JULY_1, 1).forGuest(new GuestDetails("Eva", "Lund", "eva@example.com", Optional.empty())));

        // when
        Outcome<BookingView> fourth = motel.book(aBooking().by(anna).forStay(JULY_1, 1)
                .forGuest(new GuestDetails("Ola", "Lund", "ola@example.com", Optional.empty())));
        Outcome<BookingView> withoutAccount = motel.book(aBooking().withoutAccountFor("Anna", "Guest", "anna@example.com").forStay(JULY_1, 1));

        // then
        assertThat(refusal(fourth).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
        assertThat(withoutAccount).as("two of the account's holds name the address, one under the cap").isInstanceOf(Outcome.Success.class);
        assertThat(refusal(motel.book(aBooking().withoutAccountFor("Anna", "Guest", "anna@example.com").forStay(JULY_1, 1))).kind())
                .isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
    }

    @Test
    void an_idempotency_key_belongs_to_the_email_so_two_strangers_keys_never_meet() {
        // when
        BookingView mia = motel.held(aBooking().withoutAccountFor("Mia", "Holm", "mia@example.com").withKey("key-1"));
        Outcome<BookingView> miaAgain = motel.book(aBooking().withoutAccountFor("Mia", "Holm", "MIA@example.com").withKey("key-1"));
        BookingView ola = motel.held(aBooking().withoutAccountFor("Ola", "Berg", "ola@example.com").withKey("key-1"));
        Outcome<BookingView> miaRenamed = motel.book(aBooking().withoutAccountFor("Mia", "Berg", "mia@example.com").withKey("key-1"));

        // then
        assertThat(succeeded(miaAgain).id()).isEqualTo(mia.id());
        assertThat(ola.id()).isNotEqualTo(mia.id());
        assertThat(refusal(miaRenamed).kind()).isEqualTo(Refusal.Kind.IDEMPOTENCY_MISMATCH);
    }

    @Test
    void a_once_per_guest_code_is_once_per_email_without_an_account() {
        // given
        Promotion once = motel.offers(aPromotion().code("ONCE").perGuest(1));

        // when
        motel.held(aBooking().withoutAccountFor("Mia", "Holm", "mia@example.com").withCode("ONCE"));
        Outcome<BookingView> again = motel.book(aBooking().withoutAccountFor("Mia", "Holm", "mia@example.com").withCode("ONCE")
                .forStay(JULY_1.plusDays(4), 1));

        // then
        assertThat(refusal(again).field()).isEqualTo("promoCode");
        assertThat(motel.promotions.usesBy(once, new PromotionGuest.Email(new EmailAddress("mia@example.com")))).isEqualTo(1);
    }

    @Test
    void an_account_holder_gets_no_second_use_of_a_once_per_guest_code_by_booking_logged_out_under_their_address() {
        // given
        Promotion once = motel.offers(aPromotion().code("ONCE").perGuest(1));
        Actor anna = motel.guest("Anna");
        motel.held(aBooking().by(anna).withCode("ONCE"));

        // when
        Outcome<BookingView> loggedOut = motel.book(aBooking().withoutAccountFor("Anna", "Guest", "ANNA@example.com").withCode("ONCE")
                .forStay(JULY_1.plusDays(4), 1));

        // then
        assertThat(refusal(loggedOut).field()).isEqualTo("promoCode");
        assertThat(motel.promotions.uses(once)).isEqualTo(1);
    }

    @Test
    void a_use_under_an_address_counts_against_the_account_that_has_it() {
        // given
        motel.offers(aPromotion().code("ONCE").perGuest(1));
        motel.held(aBooking().withoutAccountFor("Anna", "Guest", "anna@example.com").withCode("ONCE"));
        Actor anna = motel.guest("Anna");

        // when
        Outcome<BookingView> asAccount = motel.book(aBooking().by(anna).withCode("ONCE").forStay(JULY_1.plusDays(4), 1));

        // then
        assertThat(refusal(asAccount).field()).isEqualTo("promoCode");
        assertThat(motel.book(aBooking().withoutAccountFor("Ben", "Guest", "ben@example.com").withCode("ONCE").forStay(JULY_1.plusDays(4), 1)))
                .as("another guest still may").isInstanceOf(Outcome.Success.class);
    }

    @Test
    void the_holder_pays_without_an_account_earns_no_points_and_is_emailed_the_manage_link() {
        // given
        BookingView held = motel.held(aBooking().withoutAccountFor("Mia", "Holm", "mia@example.com"));

        // when
        succeeded(motel.pay(Actor.holderOf(held.id()), held, FakeCardProcessor.GOOD_CARD, Optional.empty()));

        // then
        BookingConfirmed confirmed = motel.events.of(BookingConfirmed.class).get(0);
        assertThat(confirmed.recipient().user()).isEmpty();
        assertThat(confirmed.recipient().email()).isEqualTo(new EmailAddress("mia@example.com"));
        assertThat(confirmed.pointsEarned()).isZero();
        assertThat(confirmed.manageUrl()).startsWith(SITE + "/manage/" + held.id());
        assertThat(motel.events.of(PaymentReceived.class)).singleElement().satisfies(receipt ->
                assertThat(receipt.manageUrl()).isEqualTo(confirmed.manageUrl()));
        assertThat(motel.events.of(LoyaltyPointsEarned.class)).isEmpty();
        assertThat(motel.manageLink.open(confirmed.manageUrl().substring((SITE + "/manage/").length())))
                .contains(Actor.holderOf(held.id()));
    }

    @Test
    void nobody_but_the_holder_pays_sees_or_cancels_a_booking_made_without_an_account() {
        // given
        BookingView held = motel.held(aBooking().withoutAccountFor("Mia", "Holm", "mia@example.com"));
        BookingView other = motel.held(aBooking().withoutAccountFor("Ola", "Berg", "ola@example.com"));
        Actor holderOfOther = Actor.holderOf(other.id());

        // then
        assertThat(refusal(motel.viewBookings.booking(holderOfOther, held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.cancelBooking.cancel(holderOfOther, held.id(), Channel.API)).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.pay(Actor.anonymous(), held, FakeCardProcessor.GOOD_CARD, Optional.empty())).kind())
                .isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.viewBookings.bookings(holderOfOther, 0, 10).items()).extracting(BookingView::id).containsExactly(other.id());
        assertThat(motel.viewBookings.bookings(Actor.anonymous(), 0, 10).items()).isEmpty();
        assertThat(succeeded(motel.cancelBooking.cancel(Actor.holderOf(held.id()), held.id(), Channel.API)).refunded()).isEqualTo(usd("0.00"));
    }

    @Test
    void an_address_claimed_by_an_account_brings_its_bookings_and_their_code_use_along() {
        // given
        Promotion once = motel.offers(aPromotion().code("ONCE").perGuest(1));
        BookingView held = motel.held(aBooking().withoutAccountFor("Anna", "Guest", "anna@example.com").withCode("ONCE"));
        Actor anna = motel.guest("Anna");
        InMemoryBookings claims = motel.bookings;

        // when
        int claimed = claims.claim(anna.account().orElseThrow(), new EmailAddress("anna@example.com"));

        // then
        assertThat(claimed).isEqualTo(1);
        assertThat(motel.viewBookings.bookings(anna, 0, 10).items()).extracting(BookingView::id).containsExactly(held.id());
        assertThat(motel.promotions.usesBy(once, new PromotionGuest.Account(anna.account().orElseThrow()))).isEqualTo(1);
        succeeded(motel.cancelBooking.cancel(anna, held.id(), Channel.API));
        assertThat(motel.promotions.usesBy(once, new PromotionGuest.Account(anna.account().orElseThrow()))).as("given back to the account")
                .isZero();
    }
}

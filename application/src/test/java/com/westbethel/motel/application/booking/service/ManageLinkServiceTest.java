package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.SITE;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase.ManageLink;
import com.westbethel.motel.application.booking.port.in.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signed link that manages one booking without an account: valid until the day after check-out ends at the motel. */
class ManageLinkServiceTest {

    /** Midnight at the motel (America/New_York) ending the day after the check-out day, 3 July 2027. */
    private static final Instant AFTER_CHECK_OUT = Instant.parse("2027-07-05T04:00:00Z");

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);

    @Test
    void the_link_opens_its_booking_for_its_holder_until_the_day_after_check_out() {
        // given
        BookingView held = motel.held(aBooking().withoutAccountFor("Mia", "Holm", "mia@example.com").forStay(JULY_1, 2));

        // when
        ManageLink link = succeeded(motel.manageLink.issue(Actor.holderOf(held.id()), held.id()));

        // then
        assertThat(link.expiresAt()).isEqualTo(AFTER_CHECK_OUT);
        assertThat(link.url()).isEqualTo(SITE + "/manage/" + link.token());
        assertThat(link.toString()).doesNotContain(link.token());
        assertThat(motel.manageLink.open(link.token())).contains(Actor.holderOf(held.id()));
        motel.clock.advance(Duration.between(NOW, AFTER_CHECK_OUT));
        assertThat(motel.manageLink.open(link.token())).as("expired").isEmpty();
    }

    @Test
    void a_link_issued_after_check_out_still_lasts_a_day() {
        // given: a one-night stay from today, whose link would end at midnight ending the day after check-out (2027-06-04 at the motel)
        Actor anna = motel.guest("Anna");
        BookingView held = motel.held(aBooking().by(anna).forStay(BookingFixture.TODAY, 1));
        motel.clock.advance(Duration.ofDays(4));

        // when
        ManageLink link = succeeded(motel.manageLink.issue(anna, held.id()));

        // then
        assertThat(link.expiresAt()).isEqualTo(Instant.parse("2027-06-06T12:00:00Z"));
    }

    @Test
    void staff_get_no_guests_manage_link_it_is_the_guests_own_credential() {
        // given
        BookingView held = motel.held(aBooking().by(motel.guest("Anna")));

        // then: the front desk acts through its own tools, audited as staff, never as the guest's link
        assertThat(refusal(motel.manageLink.issue(motel.staff("Sam"), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.manageLink.issue(motel.admin("Ada"), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    @Test
    void a_forged_or_unknown_token_opens_nothing_and_a_stranger_gets_no_link() {
        // given
        BookingView held = motel.held(aBooking().by(motel.guest("Anna")));
        String forged = held.id() + "." + AFTER_CHECK_OUT.getEpochSecond() + ".unsigned";

        // then
        assertThat(motel.manageLink.open(forged)).isEmpty();
        assertThat(motel.manageLink.open("")).isEmpty();
        assertThat(motel.manageLink.open(null)).isEmpty();
        assertThat(motel.manageLink.open(java.util.UUID.randomUUID() + "." + AFTER_CHECK_OUT.getEpochSecond() + ".signed"))
                .as("no such booking").isEmpty();
        assertThat(refusal(motel.manageLink.issue(motel.guest("Ben"), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.manageLink.issue(Actor.anonymous(), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }
}

package com.westbethel.motel.application.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.service.InMemoryNotifications.InMemoryPreferences;
import com.westbethel.motel.application.notification.service.NotificationPolicy.Addressee;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    private static final Recipient ANNA = new Recipient(UserId.random(), new EmailAddress("anna@example.com"), "Anna");
    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb");
    private static final EmailAddress FRONT_DESK = new EmailAddress("frontdesk@westbethelmotel.test");

    private final InMemoryPreferences preferences = new InMemoryPreferences().with(ANNA.user().orElseThrow(), NORWEGIAN);
    private final NotificationPolicy policy = new NotificationPolicy(preferences, List.of(FRONT_DESK));

    @Test
    void account_mail_goes_to_the_guest_alone_in_their_language_with_no_link_to_turn_it_off() {
        // when
        List<Addressee> addressees = policy.addressees(ANNA, NotificationType.ACCOUNT_SECURITY);

        // then
        assertThat(addressees).containsExactly(new Addressee(ANNA.email(), NORWEGIAN, Optional.empty()));
    }

    @Test
    void booking_mail_goes_to_the_guest_and_a_copy_of_its_own_to_each_front_desk_address_in_english() {
        // when
        List<Addressee> addressees = policy.addressees(ANNA, NotificationType.BOOKINGS);

        // then
        assertThat(addressees).containsExactly(new Addressee(ANNA.email(), NORWEGIAN, Optional.empty()),
                Addressee.frontDesk(FRONT_DESK));
    }

    @Test
    void mail_the_guest_may_turn_off_carries_a_link_that_turns_off_that_kind_and_is_not_copied_to_the_front_desk() {
        // when
        List<Addressee> receipts = policy.addressees(ANNA, NotificationType.PAYMENT_RECEIPTS);
        List<Addressee> loyalty = policy.addressees(ANNA, NotificationType.LOYALTY);

        // then
        assertThat(receipts).singleElement()
                .satisfies(guest -> assertThat(guest.unsubscribe()).contains(new UnsubscribeToken(ANNA.user().orElseThrow().value(), NotificationType.PAYMENT_RECEIPTS)));
        assertThat(loyalty).extracting(Addressee::address).containsExactly(ANNA.email());
    }

    @Test
    void a_guest_without_an_account_gets_the_mail_of_their_booking_in_english_without_an_unsubscribe_link_and_nothing_else() {
        // given
        Recipient mia = Recipient.withoutAccount(new EmailAddress("mia@example.com"), "Mia");

        // then
        assertThat(policy.addressees(mia, NotificationType.BOOKINGS)).containsExactly(
                new Addressee(mia.email(), Locale.ENGLISH, Optional.empty()), Addressee.frontDesk(FRONT_DESK));
        assertThat(policy.addressees(mia, NotificationType.PAYMENT_RECEIPTS)).containsExactly(
                new Addressee(mia.email(), Locale.ENGLISH, Optional.empty()));
        assertThat(policy.addressees(mia, NotificationType.LOYALTY)).isEmpty();
        assertThat(policy.addressees(mia, NotificationType.MARKETING)).isEmpty();
    }

    @Test
    void mail_the_guest_turned_off_goes_to_nobody() {
        // given
        preferences.save(ANNA.user().orElseThrow(), preferences.find(ANNA.user().orElseThrow()).with(NotificationType.LOYALTY, NotificationChannel.EMAIL, false), "account",
                Instant.now());

        // when
        List<Addressee> addressees = policy.addressees(ANNA, NotificationType.LOYALTY);

        // then
        assertThat(addressees).isEmpty();
    }

    @Test
    void mail_the_guest_never_chose_follows_its_kinds_default() {
        // when
        List<Addressee> marketing = policy.addressees(ANNA, NotificationType.MARKETING);

        // then
        assertThat(marketing).as("marketing starts off until the guest opts in").isEmpty();
    }

    @Test
    void a_guest_without_a_language_on_record_reads_english() {
        // given
        Recipient stranger = new Recipient(UserId.random(), new EmailAddress("bob@example.com"), "Bob");

        // when
        List<Addressee> addressees = policy.addressees(stranger, NotificationType.ACCOUNT_SECURITY);

        // then
        assertThat(addressees).extracting(Addressee::locale).containsExactly(Locale.ENGLISH);
    }
}

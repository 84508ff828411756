package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.notification.event.EmailVerified;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyEmailServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void the_token_in_the_verification_email_verifies_the_address() {
        // given
        String token = identity.newGuestsVerificationToken();

        // when
        Optional<EmailAddress> verified = identity.verifications.verifyEmail(token);

        // then
        assertThat(verified).contains(new EmailAddress(EMAIL));
        assertThat(identity.users.stored(EMAIL).emailVerified()).isTrue();
    }

    @Test
    void a_verification_token_works_only_once() {
        // given
        String token = identity.newGuestsVerificationToken();

        // when
        Optional<EmailAddress> first = identity.verifications.verifyEmail(token);
        Optional<EmailAddress> second = identity.verifications.verifyEmail(token);

        // then
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void an_expired_verification_token_verifies_nothing() {
        // given
        String token = identity.newGuestsVerificationToken();
        identity.clock.advance(Duration.ofHours(24).plusSeconds(1));

        // when
        Optional<EmailAddress> verified = identity.verifications.verifyEmail(token);

        // then
        assertThat(verified).isEmpty();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isFalse();
        assertThat(identity.outbox.all(EmailVerified.class)).isEmpty();
    }

    @Test
    void an_unknown_verification_token_verifies_nothing() {
        // given
        identity.registrations.register(registration(EMAIL, PASSWORD));

        // when
        Optional<EmailAddress> verified = identity.verifications.verifyEmail("no-such-token");

        // then
        assertThat(verified).isEmpty();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isFalse();
    }

    @Test
    void verifying_the_address_sends_a_welcome_email_once() {
        // given
        String token = identity.newGuestsVerificationToken();

        // when
        identity.verifications.verifyEmail(token);
        identity.verifications.verifyEmail(token);

        // then
        EmailVerified welcome = identity.outbox.only(EmailVerified.class);
        assertThat(welcome.recipient().email()).isEqualTo(new EmailAddress(EMAIL));
        assertThat(welcome.recipient().firstName()).isEqualTo("Anna");
    }

    @Test
    void a_guest_may_log_in_once_the_address_is_verified() {
        // given
        identity.registrations.register(registration(EMAIL, PASSWORD));
        LoginResult beforeVerifying = identity.attemptLogIn(EMAIL, PASSWORD);

        // when
        identity.verifications.verifyEmail(identity.outbox.latestVerificationToken());

        // then
        assertThat(beforeVerifying).isInstanceOf(LoginResult.EmailNotVerified.class);
        assertThat(identity.attemptLogIn(EMAIL, PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void resending_to_an_unknown_address_queues_nothing_and_does_not_fail() {
        // given
        identity.registrations.register(registration(EMAIL, PASSWORD));

        // when / then
        assertThatCode(() -> identity.verifications.resendVerification("nobody@example.com")).doesNotThrowAnyException();
        assertThat(identity.outbox.verificationTokens()).hasSize(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-an-email", "anna@", "anna at example.com"})
    void resending_to_a_malformed_address_queues_nothing_and_does_not_fail(String malformed) {
        // when / then
        assertThatCode(() -> identity.verifications.resendVerification(malformed)).doesNotThrowAnyException();
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void resending_to_a_verified_account_queues_nothing() {
        // given
        identity.verifiedGuest();

        // when
        identity.verifications.resendVerification(EMAIL);

        // then
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void resending_to_a_disabled_unverified_account_queues_nothing() {
        // given
        identity.existingGuest(EMAIL, PASSWORD, false, false);

        // when
        identity.verifications.resendVerification(EMAIL);

        // then
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void resending_to_an_unverified_account_sends_a_new_token_and_the_old_one_stops_working() {
        // given
        String oldToken = identity.newGuestsVerificationToken();
        identity.clock.advance(Duration.ofHours(2));

        // when
        identity.verifications.resendVerification("ANNA@example.com");

        // then
        assertThat(identity.outbox.verificationTokens()).hasSize(2);
        String newToken = identity.outbox.latestVerificationToken();
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(identity.verifications.verifyEmail(oldToken)).isEmpty();
        assertThat(identity.verifications.verifyEmail(newToken)).isPresent();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isTrue();
    }

    @Test
    void proving_the_address_alone_claims_no_booking_made_without_an_account_under_it() {
        // given: whoever registered the address chose the password, and may not be the one who clicks the link
        identity.bookingClaims.bookedWithoutAccount(new EmailAddress(EMAIL), 2);
        String token = identity.newGuestsVerificationToken();

        // when
        identity.verifications.verifyEmail(token);

        // then
        assertThat(identity.bookingClaims.claimedBy(identity.users.stored(EMAIL).id())).isZero();
        assertThat(identity.auditLog.entries()).extracting(AuditEntry::action).doesNotContain("USER_BOOKINGS_CLAIMED");
    }

    @Test
    void registering_alone_claims_no_booking_under_the_address() {
        // given
        identity.bookingClaims.bookedWithoutAccount(new EmailAddress(EMAIL), 1);

        // when
        identity.newGuestsVerificationToken();

        // then
        assertThat(identity.bookingClaims.claimedBy(identity.users.stored(EMAIL).id())).isZero();
        assertThat(identity.auditLog.entries()).extracting(AuditEntry::action).doesNotContain("USER_BOOKINGS_CLAIMED");
    }
}

package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.WEAK_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.identity.port.in.EnsureFirstAdminUseCase.FirstAdminResult;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegistrationResult;
import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.notification.event.EmailVerified;
import com.westbethel.motel.application.notification.event.SignUpAttempted;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void a_registered_guest_is_stored_unverified_and_sent_a_verification_email() {
        // when
        RegistrationResult result = identity.accounts.register(registration(EMAIL, PASSWORD));

        // then
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        UserView view = ((RegistrationResult.Registered) result).user();
        assertThat(view.email()).isEqualTo(EMAIL);
        assertThat(view.roles()).containsExactly(Role.GUEST);
        assertThat(view.emailVerified()).isFalse();
        assertThat(view.createdAt()).isEqualTo(IdentityFixture.START);

        User stored = identity.users.stored(EMAIL);
        assertThat(stored.id().value()).isEqualTo(view.id());
        assertThat(stored.passwordHash()).isEqualTo(identity.hasher.hash(PASSWORD)).isNotEqualTo(PASSWORD);

        UserRegistered registered = identity.outbox.only(UserRegistered.class);
        assertThat(registered.recipient().email()).isEqualTo(new EmailAddress(EMAIL));
        assertThat(registered.recipient().firstName()).isEqualTo("Anna");
        assertThat(registered.expiresIn()).isEqualTo(Duration.ofHours(24));
        assertThat(identity.accounts.verifyEmail(registered.verificationToken())).isTrue();
    }

    @Test
    void the_token_in_the_verification_email_verifies_the_address() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));
        String token = identity.outbox.latestVerificationToken();

        // when
        boolean verified = identity.accounts.verifyEmail(token);

        // then
        assertThat(verified).isTrue();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isTrue();
    }

    // Finding 9: sign-up reveals no account; the owner hears of the attempt by email instead.
    @Test
    void signing_up_with_a_known_address_creates_nothing_and_emails_the_owner_instead_of_a_verification_link() {
        // given
        User owner = identity.verifiedGuest();

        // when
        RegistrationResult result = identity.accounts.register(registration(EMAIL, "another fine passphrase"));

        // then
        assertThat(result).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.outbox.all(UserRegistered.class)).isEmpty();
        assertThat(identity.outbox.only(SignUpAttempted.class).recipient().user()).isEqualTo(owner.id());
    }

    // Finding 9: the owner's notice cannot be turned into a flood by signing up again and again.
    @Test
    void repeated_sign_ups_with_a_known_address_tell_the_owner_once_an_hour() {
        // given
        identity.verifiedGuest();

        // when
        for (int i = 0; i < 5; i++) {
            identity.accounts.register(registration(EMAIL, "another fine passphrase"));
        }
        identity.clock.advance(Duration.ofHours(2));
        identity.accounts.register(registration(EMAIL, "another fine passphrase"));

        // then
        assertThat(identity.outbox.all(SignUpAttempted.class)).hasSize(2);
    }

    @Test
    void an_address_already_registered_is_taken_whatever_its_letter_case() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));

        // when
        RegistrationResult sameCase = identity.accounts.register(registration(EMAIL, "another fine passphrase"));
        RegistrationResult otherCase = identity.accounts.register(registration("  Anna@Example.COM ", "another fine passphrase"));

        // then
        assertThat(sameCase).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(otherCase).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.users.stored(EMAIL).passwordHash()).isEqualTo(identity.hasher.hash(PASSWORD));
        assertThat(identity.outbox.all(UserRegistered.class)).hasSize(1);
    }

    @Test
    void a_guessable_password_is_refused_with_reason_and_advice_and_nothing_is_stored_or_queued() {
        // when
        RegistrationResult result = identity.accounts.register(registration(EMAIL, WEAK_PASSWORD));

        // then
        assertThat(result).isInstanceOf(RegistrationResult.PasswordRefused.class);
        RegistrationResult.PasswordRefused refused = (RegistrationResult.PasswordRefused) result;
        assertThat(refused.reason()).isEqualTo("The password is too easy to guess: This is similar to a commonly used password.");
        assertThat(refused.advice()).startsWith("Avoid common words.").contains("passphrase");
        assertThat(identity.users.count()).isZero();
        assertThat(identity.oneTimeTokens.count()).isZero();
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void a_password_shorter_than_the_minimum_is_refused_and_nothing_is_stored() {
        // when
        RegistrationResult result = identity.accounts.register(registration(EMAIL, "short one"));

        // then
        assertThat(result).isInstanceOf(RegistrationResult.PasswordRefused.class);
        assertThat(((RegistrationResult.PasswordRefused) result).reason()).contains("shorter than 12");
        assertThat(identity.users.count()).isZero();
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void a_verification_token_works_only_once() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));
        String token = identity.outbox.latestVerificationToken();

        // when
        boolean first = identity.accounts.verifyEmail(token);
        boolean second = identity.accounts.verifyEmail(token);

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void an_expired_verification_token_verifies_nothing() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));
        String token = identity.outbox.latestVerificationToken();
        identity.clock.advance(Duration.ofHours(24).plusSeconds(1));

        // when
        boolean verified = identity.accounts.verifyEmail(token);

        // then
        assertThat(verified).isFalse();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isFalse();
        assertThat(identity.outbox.all(EmailVerified.class)).isEmpty();
    }

    @Test
    void an_unknown_verification_token_verifies_nothing() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));

        // when
        boolean verified = identity.accounts.verifyEmail("no-such-token");

        // then
        assertThat(verified).isFalse();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isFalse();
    }

    @Test
    void verifying_the_address_sends_a_welcome_email_once() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));
        String token = identity.outbox.latestVerificationToken();

        // when
        identity.accounts.verifyEmail(token);
        identity.accounts.verifyEmail(token);

        // then
        EmailVerified welcome = identity.outbox.only(EmailVerified.class);
        assertThat(welcome.recipient().email()).isEqualTo(new EmailAddress(EMAIL));
        assertThat(welcome.recipient().firstName()).isEqualTo("Anna");
    }

    @Test
    void a_guest_may_log_in_once_the_address_is_verified() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));
        LoginResult beforeVerifying = identity.attemptLogIn(EMAIL, PASSWORD);

        // when
        identity.accounts.verifyEmail(identity.outbox.latestVerificationToken());

        // then
        assertThat(beforeVerifying).isInstanceOf(LoginResult.EmailNotVerified.class);
        assertThat(identity.attemptLogIn(EMAIL, PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void resending_to_an_unknown_address_queues_nothing_and_does_not_fail() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));

        // when / then
        assertThatCode(() -> identity.accounts.resendVerification("nobody@example.com")).doesNotThrowAnyException();
        assertThat(identity.outbox.verificationTokens()).hasSize(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-an-email", "anna@", "anna at example.com"})
    void resending_to_a_malformed_address_queues_nothing_and_does_not_fail(String malformed) {
        // when / then
        assertThatCode(() -> identity.accounts.resendVerification(malformed)).doesNotThrowAnyException();
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void resending_to_a_verified_account_queues_nothing() {
        // given
        identity.verifiedGuest();

        // when
        identity.accounts.resendVerification(EMAIL);

        // then
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void resending_to_a_disabled_unverified_account_queues_nothing() {
        // given
        identity.existingGuest(EMAIL, PASSWORD, false, false);

        // when
        identity.accounts.resendVerification(EMAIL);

        // then
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void resending_to_an_unverified_account_sends_a_new_token_and_the_old_one_stops_working() {
        // given
        identity.accounts.register(registration(EMAIL, PASSWORD));
        String oldToken = identity.outbox.latestVerificationToken();
        identity.clock.advance(Duration.ofHours(2));

        // when
        identity.accounts.resendVerification("ANNA@example.com");

        // then
        assertThat(identity.outbox.verificationTokens()).hasSize(2);
        String newToken = identity.outbox.latestVerificationToken();
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(identity.accounts.verifyEmail(oldToken)).isFalse();
        assertThat(identity.accounts.verifyEmail(newToken)).isTrue();
        assertThat(identity.users.stored(EMAIL).emailVerified()).isTrue();
    }

    @Test
    void the_profile_shows_the_account_and_an_unknown_user_has_none() {
        // given
        User guest = identity.verifiedGuest();

        // when
        var profile = identity.accounts.profile(guest.id());
        var nobody = identity.accounts.profile(UserId.random());

        // then
        assertThat(profile).hasValueSatisfying(view -> {
            assertThat(view.id()).isEqualTo(guest.id().value());
            assertThat(view.email()).isEqualTo(EMAIL);
            assertThat(view.emailVerified()).isTrue();
        });
        assertThat(nobody).isEmpty();
    }

    @Test
    void the_first_admin_is_created_once_verified_and_can_log_in() {
        // when
        FirstAdminResult first = identity.accounts.ensureFirstAdmin("Owner@Motel.example", PASSWORD);
        FirstAdminResult second = identity.accounts.ensureFirstAdmin("someone.else@motel.example", PASSWORD);

        // then
        assertThat(first).isEqualTo(FirstAdminResult.CREATED);
        assertThat(second).isEqualTo(FirstAdminResult.ADMIN_ALREADY_EXISTS);
        User admin = identity.users.stored("owner@motel.example");
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.emailVerified()).isTrue();
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.attemptLogIn("owner@motel.example", PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void the_first_admin_cannot_take_an_address_a_guest_already_uses() {
        // given
        identity.verifiedGuest();

        // when
        FirstAdminResult result = identity.accounts.ensureFirstAdmin(EMAIL, "another fine passphrase");

        // then
        assertThat(result).isEqualTo(FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN);
        assertThat(identity.users.anyWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void a_guessable_first_admin_password_is_refused_loudly_and_no_admin_is_created() {
        // when / then
        assertThatThrownBy(() -> identity.accounts.ensureFirstAdmin("owner@motel.example", WEAK_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too easy to guess");
        assertThat(identity.users.anyWithRole(Role.ADMIN)).isFalse();
    }
}

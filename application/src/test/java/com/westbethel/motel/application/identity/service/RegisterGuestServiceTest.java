package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.WEAK_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.registration;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegistrationResult;
import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.notification.event.SignUpAttempted;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegisterGuestServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void a_registered_guest_is_stored_unverified_and_sent_a_verification_email() {
        // when
        RegistrationResult result = identity.registrations.register(registration(EMAIL, PASSWORD));

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
        assertThat(identity.verifications.verifyEmail(registered.verificationToken())).isPresent();
        assertThat(identity.metrics.recorded()).containsExactly("registration");
    }

    // Finding 9: sign-up reveals no account; the owner hears of the attempt by email instead.
    @Test
    void signing_up_with_a_known_address_creates_nothing_and_emails_the_owner_instead_of_a_verification_link() {
        // given
        User owner = identity.verifiedGuest();

        // when
        RegistrationResult result = identity.registrations.register(registration(EMAIL, "another fine passphrase"));

        // then
        assertThat(result).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.outbox.all(UserRegistered.class)).isEmpty();
        assertThat(identity.outbox.only(SignUpAttempted.class).recipient().user()).contains(owner.id());
        assertThat(identity.metrics.recorded()).as("no new account").doesNotContain("registration");
    }

    // Finding 9: the owner's notice cannot be turned into a flood by signing up again and again.
    @Test
    void repeated_sign_ups_with_a_known_address_tell_the_owner_once_an_hour() {
        // given
        identity.verifiedGuest();

        // when
        for (int i = 0; i < 5; i++) {
            identity.registrations.register(registration(EMAIL, "another fine passphrase"));
        }
        identity.clock.advance(Duration.ofHours(2));
        identity.registrations.register(registration(EMAIL, "another fine passphrase"));

        // then
        assertThat(identity.outbox.all(SignUpAttempted.class)).hasSize(2);
    }

    @Test
    void an_address_already_registered_is_taken_whatever_its_letter_case() {
        // given
        identity.registrations.register(registration(EMAIL, PASSWORD));

        // when
        RegistrationResult sameCase = identity.registrations.register(registration(EMAIL, "another fine passphrase"));
        RegistrationResult otherCase = identity.registrations.register(registration("  Anna@Example.COM ", "another fine passphrase"));

        // then
        assertThat(sameCase).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(otherCase).isInstanceOf(RegistrationResult.EmailTaken.class);
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(PASSWORD);
        assertThat(identity.outbox.all(UserRegistered.class)).hasSize(1);
    }

    @Test
    void a_guessable_password_is_refused_with_reason_and_advice_and_nothing_is_stored_or_queued() {
        // when
        RegistrationResult result = identity.registrations.register(registration(EMAIL, WEAK_PASSWORD));

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
        RegistrationResult result = identity.registrations.register(registration(EMAIL, "short one"));

        // then
        assertThat(result).isInstanceOf(RegistrationResult.PasswordRefused.class);
        assertThat(((RegistrationResult.PasswordRefused) result).reason()).contains("shorter than 12");
        assertThat(identity.users.count()).isZero();
        assertThat(identity.outbox.published()).isEmpty();
    }
}

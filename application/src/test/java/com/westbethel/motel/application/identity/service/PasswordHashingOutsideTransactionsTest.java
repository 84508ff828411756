package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.NEW_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase.ChangeResult;
import com.westbethel.motel.application.identity.port.in.EnsureFirstAdminUseCase.FirstAdminResult;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegistrationResult;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase.ResetResult;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import org.junit.jupiter.api.Test;

/**
 * Finding 2 of issue 10: bcrypt inside a transaction holds a database connection for a quarter of a second,
 * so a few dozen parallel sign-ups starve the pool. Every use case that hashes a password does it before
 * (or between) its transactions, never inside one.
 */
class PasswordHashingOutsideTransactionsTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void registering_hashes_the_password_before_the_transaction_opens() {
        RegistrationResult result = identity.registrations.register(IdentityFixture.registration(EMAIL, PASSWORD));

        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(PASSWORD);
        assertThat(identity.hasher.calls).isPositive();
        assertThat(identity.hasher.insideTransactions).isZero();
    }

    @Test
    void resetting_a_password_hashes_the_new_one_outside_any_transaction() {
        identity.verifiedGuest();
        identity.passwordResets.requestPasswordReset(EMAIL);
        int before = identity.hasher.calls;

        ResetResult result = identity.passwordResets.resetPassword(identity.outbox.latestResetToken(), NEW_PASSWORD);

        assertThat(result).isInstanceOf(ResetResult.Done.class);
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(NEW_PASSWORD);
        assertThat(identity.hasher.calls).isGreaterThan(before);
        assertThat(identity.hasher.insideTransactions).isZero();
    }

    @Test
    void changing_a_password_checks_the_old_one_and_hashes_the_new_one_outside_any_transaction() {
        AccessTokenClaims caller = identity.loggedInGuest();

        ChangeResult result = identity.passwordChanges.changePassword(caller, PASSWORD, NEW_PASSWORD);

        assertThat(result).isInstanceOf(ChangeResult.Changed.class);
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(NEW_PASSWORD);
        assertThat(identity.hasher.insideTransactions).isZero();
    }

    @Test
    void the_first_admin_is_hashed_outside_any_transaction_too() {
        FirstAdminResult result = identity.firstAdmin.ensureFirstAdmin("owner@example.com", "granite lighthouse meadow quiver");

        assertThat(result).isEqualTo(FirstAdminResult.CREATED);
        assertThat(identity.hasher.insideTransactions).isZero();
    }
}

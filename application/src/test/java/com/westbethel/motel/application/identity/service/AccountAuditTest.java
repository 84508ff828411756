package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.NEW_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegisterGuestCommand;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.shared.EmailAddress;
import org.junit.jupiter.api.Test;

class AccountAuditTest {

    private final IdentityFixture fixture = new IdentityFixture();

    @Test
    void registering_verifying_and_changing_the_password_are_audited_and_no_secret_is_written() {
        fixture.registrations.register(new RegisterGuestCommand(new EmailAddress(EMAIL), PASSWORD, "Anna", "Berg"));
        fixture.verifications.verifyEmail(fixture.outbox.only(UserRegistered.class).verificationToken());
        var caller = fixture.claimsOf(fixture.logIn(LAPTOP));
        fixture.passwordChanges.changePassword(caller, PASSWORD, NEW_PASSWORD);

        assertThat(fixture.audited).extracting(AuditEntry::action)
                .containsExactly("USER_REGISTERED", "USER_EMAIL_VERIFIED", "USER_PASSWORD_CHANGED");
        assertThat(fixture.audited).allSatisfy(entry -> {
            assertThat(entry.entityType()).isEqualTo("user");
            assertThat(entry.before().toString() + entry.after()).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD).doesNotContain("hashed:");
        });
        assertThat(fixture.audited.get(1).after()).containsEntry("emailVerified", "true");
    }
}

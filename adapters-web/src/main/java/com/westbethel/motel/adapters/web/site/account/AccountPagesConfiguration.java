package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.SiteSessions;
import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.application.identity.port.in.ClaimGuestBookingsUseCase;
import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the website's account pages, whose controllers stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class AccountPagesConfiguration {

    @Bean
    MailboxProofs mailboxProofs(ClaimGuestBookingsUseCase claims, AuthenticateUseCase authenticate, Clock clock) {
        return new MailboxProofs(claims, authenticate, clock);
    }

    @Bean
    LoginController loginController(LogInUseCase logIn, CompleteMfaLoginUseCase completeLogin, LogOutUseCase logOut, MailboxProofs mailboxProofs,
            SiteSessions siteSessions) {
        return new LoginController(logIn, completeLogin, logOut, mailboxProofs, siteSessions);
    }

    @Bean
    RegistrationController registrationController(RegisterGuestUseCase register, VerifyEmailUseCase verifyEmail, AdmitRequestUseCase admit,
            MailboxProofs mailboxProofs) {
        return new RegistrationController(register, verifyEmail, admit, mailboxProofs);
    }

    @Bean
    PasswordResetController passwordResetController(ResetPasswordUseCase resetPassword, AdmitRequestUseCase admit) {
        return new PasswordResetController(resetPassword, admit);
    }

    @Bean
    AccountController accountController(ViewProfileUseCase profile, ChangePasswordUseCase changePassword) {
        return new AccountController(profile, changePassword);
    }

    @Bean
    TwoFactorController twoFactorController(ManageMfaUseCase mfa, SecretCipher cipher) {
        return new TwoFactorController(mfa, cipher);
    }

    @Bean
    SessionsController sessionsController(ManageSessionsUseCase sessions, LogOutUseCase logOut) {
        return new SessionsController(sessions, logOut);
    }

    @Bean
    NotificationsController notificationsController(ManageNotificationPreferencesUseCase preferences) {
        return new NotificationsController(preferences);
    }
}

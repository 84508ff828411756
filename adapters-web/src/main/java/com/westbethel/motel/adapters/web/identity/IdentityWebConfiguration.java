package com.westbethel.motel.adapters.web.identity;

import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.in.RevokeTokensUseCase;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.in.ViewLoginHistoryUseCase;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the identity controllers, which stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class IdentityWebConfiguration {

    @Bean
    AuthController authController(RegisterGuestUseCase register, LogInUseCase logIn, RefreshTokensUseCase refresh, LogOutUseCase logOut,
            VerifyEmailUseCase verifyEmail, ResetPasswordUseCase resetPassword, AdmitRequestUseCase admit) {
        return new AuthController(register, logIn, refresh, logOut, verifyEmail, resetPassword, admit);
    }

    @Bean
    MeController meController(ViewProfileUseCase profile, ChangePasswordUseCase changePassword, ManageSessionsUseCase sessions,
            ViewLoginHistoryUseCase loginHistory) {
        return new MeController(profile, changePassword, sessions, loginHistory);
    }

    @Bean
    MfaController mfaController(ManageMfaUseCase mfa, CompleteMfaLoginUseCase completeLogin) {
        return new MfaController(mfa, completeLogin);
    }

    @Bean
    AdminTokenController adminTokenController(RevokeTokensUseCase revoke) {
        return new AdminTokenController(revoke);
    }

    @Bean
    AdminUsersController adminUsersController(ManageUserAccountsUseCase accounts) {
        return new AdminUsersController(accounts);
    }
}

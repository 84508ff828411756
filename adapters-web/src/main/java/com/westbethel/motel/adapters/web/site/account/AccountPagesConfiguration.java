package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the website's account pages, whose controllers stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class AccountPagesConfiguration {

    @Bean
    LoginController loginController(LogInUseCase logIn, CompleteMfaLoginUseCase completeLogin, LogOutUseCase logOut,
            VerifyEmailUseCase verifyEmail, AdmitRequestUseCase admit) {
        return new LoginController(logIn, completeLogin, logOut, verifyEmail, admit);
    }
}

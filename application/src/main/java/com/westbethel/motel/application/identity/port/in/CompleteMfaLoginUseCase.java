package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.domain.identity.Device;

/** The second login step: the token from the first step and a code from the authenticator (or a backup code). */
public interface CompleteMfaLoginUseCase {

    LoginResult completeLogin(String mfaToken, String code, Device device);
}

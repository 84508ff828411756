package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics.LoginOutcome;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The second step of a login: the challenge from the password step and a code, throttled apart from passwords. */
public class CompleteMfaLoginService implements CompleteMfaLoginUseCase {

    private final Users users;
    private final MfaEnrolments enrolments;
    private final MfaCodeCheck codes;
    private final OneTimeTokens oneTimeTokens;
    private final LoginThrottling throttling;
    private final SessionStarter sessionStarter;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public CompleteMfaLoginService(Users users, MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher, OneTimeTokens oneTimeTokens,
            LoginThrottling throttling, SessionStarter sessionStarter, Clock clock, BusinessMetrics metrics) {
        this.users = users;
        this.enrolments = enrolments;
        this.codes = new MfaCodeCheck(enrolments, totp, cipher);
        this.oneTimeTokens = oneTimeTokens;
        this.throttling = throttling;
        this.sessionStarter = sessionStarter;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public LoginResult completeLogin(String mfaToken, String code, Device device) {
        LoginResult result = attempt(mfaToken, code, device);
        metrics.login(LoginOutcome.of(result));
        return result;
    }

    private LoginResult attempt(String mfaToken, String code, Device device) {
        Instant now = clock.instant();
        String challengeHash = OpaqueToken.hash(mfaToken);
        Optional<User> found = oneTimeTokens.peek(challengeHash, Purpose.MFA_LOGIN, now).flatMap(users::findById);
        Optional<MfaEnrolment> enrolment = found.flatMap(user -> enrolments.find(user.id())).filter(MfaEnrolment::enabled);
        if (found.isEmpty() || enrolment.isEmpty()) {
            return new LoginResult.InvalidMfaChallenge();
        }
        User user = found.get();
        Optional<Instant> locked = throttling.codeTryLockedUntil(user, device, now);
        if (locked.isPresent()) {
            return new LoginResult.LockedOut(Duration.between(now, locked.get()));
        }
        if (!codes.accepts(enrolment.get(), code, now)) {
            // A challenge survives a few typos only; then the password must be given again.
            if (throttling.codeFailed(user, challengeHash, device, now)) {
                oneTimeTokens.consume(challengeHash, Purpose.MFA_LOGIN, now);
            }
            return new LoginResult.InvalidMfaCode();
        }
        if (oneTimeTokens.consume(challengeHash, Purpose.MFA_LOGIN, now).isEmpty()) {
            return new LoginResult.InvalidMfaChallenge();
        }
        throttling.codeSucceeded(user, device);
        return new LoginResult.LoggedIn(sessionStarter.start(user, device, now));
    }
}

package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics.LoginOutcome;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The password step of a login: throttled against guessing, then a session, or a challenge for the second factor. */
public class LogInService implements LogInUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final MfaEnrolments enrolments;
    private final OneTimeTokens oneTimeTokens;
    private final LoginThrottling throttling;
    private final SessionStarter sessionStarter;
    private final IdentitySettings settings;
    private final Clock clock;
    private final Transactions transactions;
    private final BusinessMetrics metrics;
    /** Checked against when the email is unknown, so that a login takes as long whether or not the account exists. */
    private final String decoyHash;

    public LogInService(Users users, PasswordHasher hasher, MfaEnrolments enrolments, OneTimeTokens oneTimeTokens, LoginThrottling throttling,
            SessionStarter sessionStarter, IdentitySettings settings, Clock clock, Transactions transactions, BusinessMetrics metrics) {
        this.users = users;
        this.hasher = hasher;
        this.enrolments = enrolments;
        this.oneTimeTokens = oneTimeTokens;
        this.throttling = throttling;
        this.sessionStarter = sessionStarter;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
        this.metrics = metrics;
        this.decoyHash = hasher.hash(OpaqueToken.generate().value());
    }

    @Override
    @OpensItsOwnTransaction
    public LoginResult logIn(LogInCommand command) {
        // Counted once its transactions have committed: every try, whatever its answer.
        LoginResult result = attempt(command);
        metrics.login(LoginOutcome.of(result));
        return result;
    }

    private LoginResult attempt(LogInCommand command) {
        Instant now = clock.instant();
        String email = command.email().strip().toLowerCase(Locale.ROOT);
        Device device = command.device();

        // Three steps, so that no database connection waits on bcrypt (a quarter of a second): read the account and
        // the locks in one short transaction, check the password outside any, record the outcome in another.
        Gate gate = transactions.inTransaction(() -> {
            Optional<User> found = EmailAddress.isValid(email) ? users.findByEmail(new EmailAddress(email)) : Optional.empty();
            return new Gate(found, throttling.passwordTryLockedUntil(found, email, device, now));
        });
        if (gate.lockedUntil().isPresent()) {
            return new LoginResult.LockedOut(Duration.between(now, gate.lockedUntil().get()));
        }
        // Checked against a decoy when the email is unknown, so that a login takes as long either way.
        String checkedHash = gate.user().map(User::passwordHash).orElse(decoyHash);
        boolean passwordMatches = hasher.matches(command.password(), checkedHash) && gate.user().isPresent();

        return transactions.inTransaction(() -> {
            // The password is judged against the hash read before; one changed meanwhile makes this try a failure.
            Optional<User> current = gate.user().flatMap(user -> users.findById(user.id()));
            if (!passwordMatches || current.isEmpty() || !current.get().passwordHash().equals(checkedHash)) {
                throttling.passwordFailed(current, email, device, now);
                return new LoginResult.BadCredentials();
            }
            throttling.passwordSucceeded(email, device);
            return succeeded(current.get(), device, now);
        });
    }

    /** What the first step of a login read: the account, if any, and a lock that refuses the try. */
    private record Gate(Optional<User> user, Optional<Instant> lockedUntil) {
    }

    private LoginResult succeeded(User user, Device device, Instant now) {
        if (!user.enabled()) {
            return new LoginResult.AccountDisabled();
        }
        if (settings.requireVerifiedEmail() && !user.emailVerified()) {
            return new LoginResult.EmailNotVerified();
        }
        if (enrolments.find(user.id()).map(MfaEnrolment::enabled).orElse(false)) {
            OpaqueToken challenge = OpaqueToken.generate();
            oneTimeTokens.save(challenge.hash(), Purpose.MFA_LOGIN, user.id(), now.plus(IdentitySettings.MFA_CHALLENGE_TTL));
            return new LoginResult.MfaRequired(challenge.value());
        }
        return new LoginResult.LoggedIn(sessionStarter.start(user, device, now));
    }
}

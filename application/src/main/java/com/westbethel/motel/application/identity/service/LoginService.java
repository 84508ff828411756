package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.AccessTokens.IssuedAccessToken;
import com.westbethel.motel.application.identity.port.out.GeoLocator;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.RefreshToken;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.GeoPoint;
import com.westbethel.motel.domain.identity.ImpossibleTravel;
import com.westbethel.motel.domain.identity.LoginThrottle;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.SessionPolicy;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Logging in (with a second factor, brute-force throttling, login history and new-device alerts) and refreshing tokens. */
public class LoginService implements LogInUseCase, CompleteMfaLoginUseCase, RefreshTokensUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final Sessions sessions;
    private static final int MFA_TRIES_PER_CHALLENGE = 5;

    private final LoginAttempts attempts;
    private final MfaEnrolments enrolments;
    private final MfaCodeCheck mfaCodes;
    private final OneTimeTokens oneTimeTokens;
    private final GeoLocator geo;
    private final SecurityEvents events;
    private final SessionTermination termination;
    private final IdentityNotifications emails;
    private final IdentitySettings settings;
    private final Clock clock;
    private final Transactions transactions;
    /** Checked against when the email is unknown, so that a login takes as long whether or not the account exists. */
    private final String decoyHash;

    public LoginService(Users users, PasswordHasher hasher, AccessTokens accessTokens, Sessions sessions, RevocationList revocations,
            LoginAttempts attempts, SecurityEvents events, MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher,
            OneTimeTokens oneTimeTokens, GeoLocator geo, NotificationEvents notifications, IdentitySettings settings, Clock clock,
            Transactions transactions) {
        this.transactions = transactions;
        this.users = users;
        this.geo = geo;
        this.enrolments = enrolments;
        this.mfaCodes = new MfaCodeCheck(enrolments, totp, cipher);
        this.oneTimeTokens = oneTimeTokens;
        this.attempts = attempts;
        this.events = events;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.termination = new SessionTermination(users, sessions, oneTimeTokens, revocations, accessTokens.timeToLive(), clock);
        this.emails = new IdentityNotifications(notifications, settings);
        this.settings = settings;
        this.clock = clock;
        this.decoyHash = hasher.hash(OpaqueToken.generate().value());
    }

    @Override
    @OpensItsOwnTransaction
    public LoginResult logIn(LogInCommand command) {
        Instant now = clock.instant();
        String email = command.email().strip().toLowerCase(Locale.ROOT);
        Device device = command.device();
        // Keyed by the address as typed, known account or not, so that a lock reveals nothing.
        String addressAndAccount = "password:" + device.throttleKey() + "|" + email;
        String address = "password:" + device.throttleKey();
        String account = accountPaceKey(email);

        // Three steps, so that no database connection waits on bcrypt (a quarter of a second): read the account and
        // the locks in one short transaction, check the password outside any, record the outcome in another.
        Gate gate = transactions.inTransaction(() -> {
            Optional<User> found = EmailAddress.isValid(email) ? users.findByEmail(new EmailAddress(email)) : Optional.empty();
            Optional<Instant> locked = attempts.lockedUntil(List.of(addressAndAccount, address), now);
            if (locked.isEmpty() && !ownersDevice(found, device)) {
                locked = claimAccountTry(account, now);
            }
            locked.ifPresent(until -> event(found, email, SecurityEvents.Type.LOGIN_LOCKED, device, now));
            return new Gate(found, locked);
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
                return failed(current, email, addressAndAccount, address, device, now);
            }
            return succeeded(current.get(), addressAndAccount, account, device, now);
        });
    }

    /** The account pace's key: by the email as typed, known account or not, so that the pace reveals nothing. */
    static String accountPaceKey(String email) {
        return "password:account:" + email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * ASVS 2.2.1: whatever the addresses, an account sees at most 100 failed tries an hour. After a few free tries,
     * every further one waits its turn; never a lock that grows, and the owner's next login clears it. The turn is
     * claimed before the password is checked, in one atomic step: checked only afterwards, tries sent at once would
     * all pass before the first of them was counted.
     */
    private Optional<Instant> claimAccountTry(String account, Instant now) {
        LoginThrottle pace = LoginThrottle.accountPace(settings.accountFreeFailures());
        return attempts.claimPacedTry(account, now, pace.freeFailures(), pace.spacing(), pace.forgetAfter());
    }

    /**
     * A device the owner has logged in from before, where it is now, skips the account pace (the address and
     * address-and-account lockouts still apply): otherwise a stranger sending one wrong try each time the wait ends
     * would keep the owner out from everywhere, a hard lock after all. Its own typos take no turn either. Posing as it
     * takes the owner's network and browser, and from there the address-and-account lockout holds the guesses.
     */
    private boolean ownersDevice(Optional<User> user, Device device) {
        return user.map(found -> sessions.loggedInBeforeFrom(found.id(), device)).orElse(false);
    }

    /** What the first step of a login read: the account, if any, and a lock that refuses the try. */
    private record Gate(Optional<User> user, Optional<Instant> lockedUntil) {
    }

    private LoginResult succeeded(User user, String addressAndAccount, String account, Device device, Instant now) {
        // The address's own counter stays: succeeding on one's own account must not reset a spray. The account's pace
        // goes, free tries and all: the owner is in.
        attempts.clear(addressAndAccount);
        attempts.clear(account);
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
        return new LoginResult.LoggedIn(startSession(user, device, now));
    }

    @Override
    public LoginResult completeLogin(String mfaToken, String code, Device device) {
        Instant now = clock.instant();
        String challengeHash = OpaqueToken.hash(mfaToken);
        Optional<User> found = oneTimeTokens.peek(challengeHash, Purpose.MFA_LOGIN, now).flatMap(users::findById);
        Optional<MfaEnrolment> enrolment = found.flatMap(user -> enrolments.find(user.id())).filter(MfaEnrolment::enabled);
        if (found.isEmpty() || enrolment.isEmpty()) {
            return new LoginResult.InvalidMfaChallenge();
        }
        User user = found.get();
        // Its own counters: a password guesser and a code guesser are throttled apart.
        String addressAndAccount = "mfa:" + device.throttleKey() + "|" + user.id();
        String address = "mfa:" + device.throttleKey();
        Optional<Instant> locked = attempts.lockedUntil(List.of(addressAndAccount, address, "mfa:account:" + user.id()), now);
        if (locked.isPresent()) {
            event(found, user.email().value(), SecurityEvents.Type.LOGIN_LOCKED, device, now);
            return new LoginResult.LockedOut(Duration.between(now, locked.get()));
        }
        if (!mfaCodes.accepts(enrolment.get(), code, now)) {
            failed(found, user.email().value(), addressAndAccount, address, device, now);
            // Across every address: a password holder spreading guesses over many addresses is slowed too.
            LoginThrottle accountWide = LoginThrottle.address();
            String account = "mfa:account:" + user.id();
            accountWide.lockAfter(attempts.recordFailure(account, now, accountWide.forgetAfter()))
                    .ifPresent(lock -> attempts.lock(account, now.plus(lock)));
            // A challenge survives a few typos only; then the password must be given again.
            if (attempts.recordFailure("mfa:challenge:" + challengeHash, now, IdentitySettings.MFA_CHALLENGE_TTL) >= MFA_TRIES_PER_CHALLENGE) {
                oneTimeTokens.consume(challengeHash, Purpose.MFA_LOGIN, now);
            }
            return new LoginResult.InvalidMfaCode();
        }
        if (oneTimeTokens.consume(challengeHash, Purpose.MFA_LOGIN, now).isEmpty()) {
            return new LoginResult.InvalidMfaChallenge();
        }
        attempts.clear(addressAndAccount);
        return new LoginResult.LoggedIn(startSession(user, device, now));
    }

    private TokenPair startSession(User user, Device device, Instant now) {
        Sessions.DeviceHistory history = sessions.deviceHistory(user.id(), device.fingerprint());
        checkTravel(user, device, now);
        Session session = new Session(SessionId.random(), user.id(), device, now, now, Optional.empty());
        sessions.start(session);
        Optional<User> found = Optional.of(user);
        event(found, user.email().value(), SecurityEvents.Type.LOGIN_SUCCEEDED, device, now);
        if (history.anySession() && !history.knownDevice()) {
            event(found, user.email().value(), SecurityEvents.Type.NEW_DEVICE, device, now);
            emails.securityAlert(user, "new-device", "A new device signed in to your account from %s (%s). If it was not you, "
                    .formatted(device.ipAddress(), device.userAgent().isBlank() ? "unknown browser" : device.userAgent())
                    + "end that session under your account's sessions and change your password.");
        }
        return issueTokens(user, session.id(), now, now);
    }

    /** Compares this login's place with the previous login's, when the GeoIP source knows both. */
    private void checkTravel(User user, Device device, Instant now) {
        Optional<GeoPoint> here = geo.locate(device.ipAddress());
        if (here.isEmpty()) {
            return;
        }
        events.lastLogin(user.id())
                .ifPresent(previous -> geo.locate(previous.ipAddress())
                        .filter(there -> ImpossibleTravel.between(there, previous.occurredAt(), here.get(), now))
                        .ifPresent(there -> {
                            event(Optional.of(user), user.email().value(), SecurityEvents.Type.IMPOSSIBLE_TRAVEL, device, now);
                            emails.securityAlert(user, "impossible-travel", ("Your account was used from %s and, soon after, from %s: "
                                    + "farther apart than anyone travels in that time. If one of them was not you, change your password "
                                    + "and end the sessions you do not recognise.").formatted(there.label(), here.get().label()));
                        }));
    }

    private LoginResult failed(Optional<User> user, String email, String addressAndAccount, String address, Device device, Instant now) {
        event(user, email, SecurityEvents.Type.LOGIN_FAILED, device, now);
        LoginThrottle accountThrottle = LoginThrottle.addressAndAccount();
        int failures = attempts.recordFailure(addressAndAccount, now, accountThrottle.forgetAfter());
        accountThrottle.lockAfter(failures).ifPresent(lock -> {
            attempts.lock(addressAndAccount, now.plus(lock));
            if (failures == accountThrottle.freeFailures()) {
                user.ifPresent(found -> emails.securityAlert(found, "lockout", ("Someone at %s failed to log in to your account %d times, "
                        + "so logins from there are paused. You can still log in from your own devices; if it was not you, "
                        + "consider a longer password.").formatted(device.ipAddress(), failures)));
            }
        });
        LoginThrottle addressThrottle = LoginThrottle.address();
        int addressFailures = attempts.recordFailure(address, now, addressThrottle.forgetAfter());
        addressThrottle.lockAfter(addressFailures).ifPresent(lock -> attempts.lock(address, now.plus(lock)));
        return new LoginResult.BadCredentials();
    }

    private void event(Optional<User> user, String email, SecurityEvents.Type type, Device device, Instant now) {
        events.record(new SecurityEvents.SecurityEvent(user.map(User::id), email, type, device.ipAddress(), device.userAgent(), now));
    }

    @Override
    public RefreshResult refresh(String refreshToken, Device device) {
        String hash = OpaqueToken.hash(refreshToken);
        Optional<RefreshToken> found = sessions.findRefreshToken(hash);
        if (found.isEmpty() || found.get().revokedAt().isPresent()) {
            return new RefreshResult.Invalid();
        }
        RefreshToken token = found.get();
        if (token.rotatedAt().isPresent()) {
            return reused(token, device);
        }
        Instant now = clock.instant();
        Optional<User> user = users.findById(token.user());
        Optional<Session> active = sessions.find(token.session()).filter(Session::active);
        if (active.isEmpty() || user.isEmpty() || !user.get().enabled()
                || user.get().tokensValidAfter().map(token.issuedAt()::isBefore).orElse(false)) {
            return new RefreshResult.Invalid();
        }
        Session session = active.get();
        Optional<SessionPolicy.Ending> ending = settings.sessions().ending(user.get().roles(), session.createdAt(), session.lastSeenAt(), now);
        if (ending.isPresent()) {
            // Past its lifetime or idle too long: the session ends here, and the client must log in again.
            termination.end(session.id(), ending.get() == SessionPolicy.Ending.LIFETIME_REACHED ? "SESSION_LIFETIME_REACHED" : "SESSION_IDLE_TIMEOUT");
            return new RefreshResult.SessionExpired();
        }
        if (!token.expiresAt().isAfter(now)) {
            return new RefreshResult.Invalid();
        }
        if (!sessions.markRotated(hash, now)) {
            // Another request used this token a moment ago: one of the two holders is not the owner.
            return reused(token, device);
        }
        sessions.touch(token.session(), now);
        return new RefreshResult.Refreshed(issueTokens(user.get(), token.session(), session.createdAt(), now));
    }

    /**
     * An admin or a member of staff who must enrol in MFA and has not yet gets a token without roles:
     * it reaches the account itself and MFA set-up, nothing an admin or the front desk may do.
     */
    private Set<Role> grantedRoles(User user) {
        boolean privileged = settings.requireAdminMfa() && user.hasRole(Role.ADMIN) || settings.requireStaffMfa() && user.hasRole(Role.STAFF);
        boolean mustEnrol = privileged && !enrolments.find(user.id()).map(MfaEnrolment::enabled).orElse(false);
        return mustEnrol ? Set.of() : user.roles();
    }

    private RefreshResult reused(RefreshToken token, Device device) {
        termination.end(token.session(), "REFRESH_TOKEN_REUSE");
        Optional<User> owner = users.findById(token.user());
        owner.ifPresent(user -> event(owner, user.email().value(), SecurityEvents.Type.REFRESH_TOKEN_REUSED, device, clock.instant()));
        owner.ifPresent(user -> emails.securityAlert(user, "refresh-token-reuse",
                "A sign-in token of yours was used twice, which happens when it has been copied. "
                        + "We ended that session; if it was not you, change your password."));
        return new RefreshResult.Reused();
    }

    private TokenPair issueTokens(User user, SessionId session, Instant sessionStartedAt, Instant now) {
        IssuedAccessToken access = accessTokens.issue(user.id(), session, grantedRoles(user));
        OpaqueToken refresh = OpaqueToken.generate();
        // No refresh token outlives its session's lifetime.
        Instant expiresAt = Collections.min(List.of(now.plus(settings.refreshTokenTtl()), settings.sessions().endOfLife(user.roles(), sessionStartedAt)));
        sessions.saveRefreshToken(new RefreshToken(refresh.hash(), session, user.id(), now, expiresAt, Optional.empty(), Optional.empty()));
        return new TokenPair(access.token(), refresh.value(), accessTokens.timeToLive().toSeconds());
    }
}

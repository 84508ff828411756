package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.AccessTokens.IssuedAccessToken;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.RefreshToken;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Logging in and refreshing tokens. */
public class LoginService implements LogInUseCase, RefreshTokensUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final Sessions sessions;
    private final SessionTermination termination;
    private final IdentityEmails emails;
    private final IdentitySettings settings;
    private final Clock clock;
    /** Checked against when the email is unknown, so that a login takes as long whether or not the account exists. */
    private final String decoyHash;

    public LoginService(Users users, PasswordHasher hasher, AccessTokens accessTokens, Sessions sessions, RevocationList revocations,
            EmailOutbox outbox, IdentitySettings settings, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.termination = new SessionTermination(users, sessions, revocations, accessTokens, clock);
        this.emails = new IdentityEmails(outbox, settings);
        this.settings = settings;
        this.clock = clock;
        this.decoyHash = hasher.hash(OpaqueToken.generate().value());
    }

    @Override
    public LoginResult logIn(LogInCommand command) {
        Optional<User> found = EmailAddress.isValid(command.email())
                ? users.findByEmail(new EmailAddress(command.email()))
                : Optional.empty();
        if (found.isEmpty()) {
            hasher.matches(command.password(), decoyHash);
            return new LoginResult.BadCredentials();
        }
        User user = found.get();
        if (!hasher.matches(command.password(), user.passwordHash())) {
            return new LoginResult.BadCredentials();
        }
        if (!user.enabled()) {
            return new LoginResult.AccountDisabled();
        }
        if (settings.requireVerifiedEmail() && !user.emailVerified()) {
            return new LoginResult.EmailNotVerified();
        }
        Instant now = clock.instant();
        Session session = new Session(SessionId.random(), user.id(), command.device(), now, now, Optional.empty());
        sessions.start(session);
        return new LoginResult.LoggedIn(issueTokens(user, session.id(), now));
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
            return reused(token);
        }
        Instant now = clock.instant();
        Optional<User> user = users.findById(token.user());
        boolean sessionActive = sessions.find(token.session()).map(Session::active).orElse(false);
        if (!token.expiresAt().isAfter(now) || !sessionActive || user.isEmpty() || !user.get().enabled()
                || user.get().tokensValidAfter().map(token.issuedAt()::isBefore).orElse(false)) {
            return new RefreshResult.Invalid();
        }
        if (!sessions.markRotated(hash, now)) {
            // Another request used this token a moment ago: one of the two holders is not the owner.
            return reused(token);
        }
        sessions.touch(token.session(), now);
        return new RefreshResult.Refreshed(issueTokens(user.get(), token.session(), now));
    }

    private RefreshResult reused(RefreshToken token) {
        termination.end(token.session(), "REFRESH_TOKEN_REUSE");
        users.findById(token.user()).ifPresent(user -> emails.securityAlert(user, "refresh-token-reuse",
                "A sign-in token of yours was used twice, which happens when it has been copied. "
                        + "We ended that session; if it was not you, change your password."));
        return new RefreshResult.Reused();
    }

    private TokenPair issueTokens(User user, SessionId session, Instant now) {
        IssuedAccessToken access = accessTokens.issue(user.id(), session, user.roles());
        OpaqueToken refresh = OpaqueToken.generate();
        sessions.saveRefreshToken(new RefreshToken(refresh.hash(), session, user.id(), now, now.plus(settings.refreshTokenTtl()),
                Optional.empty(), Optional.empty()));
        return new TokenPair(access.token(), refresh.value(), accessTokens.timeToLive().toSeconds());
    }
}

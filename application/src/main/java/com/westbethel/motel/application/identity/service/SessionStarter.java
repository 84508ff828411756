package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.Optional;

/** Opens a session for a user who has just proved who they are, raises the alerts a login may call for, and issues its first tokens. */
public final class SessionStarter {

    private final Sessions sessions;
    private final TokenIssuer tokens;
    private final LoginAlerts alerts;

    public SessionStarter(Sessions sessions, AccessTokens accessTokens, MfaEnrolments enrolments, LoginAlerts alerts, IdentitySettings settings) {
        this.sessions = sessions;
        this.tokens = new TokenIssuer(accessTokens, sessions, enrolments, settings);
        this.alerts = alerts;
    }

    TokenPair start(User user, Device device, Instant now) {
        Sessions.DeviceHistory history = sessions.deviceHistory(user.id(), device.fingerprint());
        alerts.loggedIn(user, device, history, now);
        Session session = new Session(SessionId.random(), user.id(), device, now, now, Optional.empty());
        sessions.start(session);
        return tokens.issue(user, session.id(), now, now);
    }
}

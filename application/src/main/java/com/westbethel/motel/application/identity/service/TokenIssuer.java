package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.AccessTokens.IssuedAccessToken;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.RefreshToken;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A session's token pair: an access token with the roles the user may use now, and a refresh token stored by its hash. */
record TokenIssuer(AccessTokens accessTokens, Sessions sessions, MfaEnrolments enrolments, IdentitySettings settings) {

    TokenPair issue(User user, SessionId session, Instant sessionStartedAt, Instant now) {
        IssuedAccessToken access = accessTokens.issue(user.id(), session, grantedRoles(user));
        OpaqueToken refresh = OpaqueToken.generate();
        // No refresh token outlives its session's lifetime.
        Instant expiresAt = Collections.min(List.of(now.plus(settings.refreshTokenTtl()), settings.sessions().endOfLife(user.roles(), sessionStartedAt)));
        sessions.saveRefreshToken(new RefreshToken(refresh.hash(), session, user.id(), now, expiresAt, Optional.empty(), Optional.empty()));
        return new TokenPair(access.token(), refresh.value(), accessTokens.timeToLive().toSeconds());
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
}

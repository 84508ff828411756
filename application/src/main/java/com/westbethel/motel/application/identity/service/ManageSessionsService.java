package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.domain.identity.SessionId;
import java.util.Comparator;
import java.util.List;

/** A user's own sessions: where they are logged in, and ending one of them. */
public record ManageSessionsService(Sessions sessions, SessionTermination termination) implements ManageSessionsUseCase {

    @Override
    public List<SessionView> sessions(AccessTokenClaims caller) {
        return sessions.activeOf(caller.user()).stream()
                .sorted(Comparator.comparing(Session::lastSeenAt).reversed())
                .map(session -> new SessionView(session.id().value(), session.device().ipAddress(), session.device().userAgent(),
                        session.createdAt(), session.lastSeenAt(), session.id().equals(caller.session())))
                .toList();
    }

    @Override
    public boolean endSession(AccessTokenClaims caller, SessionId session) {
        boolean owned = sessions.find(session)
                .filter(found -> found.user().equals(caller.user()) && found.active())
                .isPresent();
        return owned && termination.end(session, "ENDED_BY_USER");
    }
}

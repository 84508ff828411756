package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user reviews where they are logged in and ends a session they do not recognise. */
public interface ManageSessionsUseCase {

    List<SessionView> sessions(AccessTokenClaims caller);

    /** False when the caller has no such active session. */
    boolean endSession(AccessTokenClaims caller, SessionId session);

    record SessionView(UUID id, String ipAddress, String userAgent, Instant createdAt, Instant lastSeenAt, boolean current) {
    }
}

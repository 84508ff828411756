package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The security log of accounts: logins, failures, locks, alerts. Its login part is the user's login history. */
public interface SecurityEvents {

    void record(SecurityEvent event);

    List<SecurityEvent> recentOf(UserId user, int limit);

    /** The user's latest successful login, however many other events came after it. */
    Optional<SecurityEvent> lastLogin(UserId user);

    enum Type { LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, NEW_DEVICE, IMPOSSIBLE_TRAVEL, REFRESH_TOKEN_REUSED, PASSWORD_CHANGED, PASSWORD_RESET }

    record SecurityEvent(Optional<UserId> user, String email, Type type, String ipAddress, String userAgent, Instant occurredAt) {
    }
}

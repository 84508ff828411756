package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import java.time.Instant;
import java.util.List;

/** A user reviews recent logins, failed attempts and security events on the account, newest first. */
public interface ViewLoginHistoryUseCase {

    int MAX_ENTRIES = 50;

    List<LoginHistoryEntry> loginHistory(AccessTokenClaims caller);

    record LoginHistoryEntry(String event, String ipAddress, String userAgent, Instant occurredAt) {
    }
}

package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.ViewLoginHistoryUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import java.util.List;

/** A user's recent logins and security events, from the security log. */
public record ViewLoginHistoryService(SecurityEvents events) implements ViewLoginHistoryUseCase {

    @Override
    public List<LoginHistoryEntry> loginHistory(AccessTokenClaims caller) {
        return events.recentOf(caller.user(), MAX_ENTRIES).stream()
                .map(event -> new LoginHistoryEntry(event.type().name(), event.ipAddress(), event.userAgent(), event.occurredAt()))
                .toList();
    }
}

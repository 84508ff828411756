package com.westbethel.motel.application.audit.service;

import com.westbethel.motel.application.audit.port.in.LinkAuditChainUseCase;
import com.westbethel.motel.application.audit.port.out.AuditLog;

/** Opens no transaction around the call: linking runs in short transactions of its own, so that the chain's lock is brief. */
public record LinkAuditChainService(AuditLog log) implements LinkAuditChainUseCase {

    @Override
    public int linkUnlinkedEntries() {
        return log.link();
    }
}

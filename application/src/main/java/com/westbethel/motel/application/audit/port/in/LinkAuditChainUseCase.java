package com.westbethel.motel.application.audit.port.in;

/** The worker links audit entries that were committed but never linked (their process stopped in between). */
public interface LinkAuditChainUseCase {

    /** Links every committed entry not linked yet; how many. */
    int linkUnlinkedEntries();
}

package com.westbethel.motel.adapters.web.audit;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;

/**
 * What {@code motel-admin audit verify} reports: the hash chain walked from its start, and entries left unlinked longer than
 * its default grace.
 *
 * @param intact every linked entry's hash matches its content and its predecessor, and no row was forged
 * @param healthy intact, and nothing waits to be linked longer than five minutes
 */
public record AuditVerificationJson(boolean intact, boolean healthy,
        @Schema(description = "The first broken entry, when not intact") Long brokenEntryId,
        @Schema(description = "What differs there") String problem,
        @Schema(description = "Entries committed over five minutes ago and still not linked: the worker's linking job is not running") long unlinkedEntries,
        Long oldestUnlinkedEntryId,
        @Schema(description = "Entries from before the chain was keyed, checked with their plain hash; this number never grows") long unkeyedEntries) {

    /** motel-admin's default: a committed entry is linked within seconds, so five minutes unlinked means linking stalled. */
    static final Duration UNLINKED_GRACE = Duration.ofMinutes(5);

    public static AuditVerificationJson check(QueryAuditLogUseCase audit) {
        var broken = audit.verify();
        var unlinked = audit.unlinkedLongerThan(UNLINKED_GRACE);
        return new AuditVerificationJson(broken.isEmpty(), broken.isEmpty() && unlinked.isEmpty(), broken.map(link -> link.entryId()).orElse(null),
                broken.map(link -> link.problem()).orElse(null), unlinked.map(late -> late.entries()).orElse(0L),
                unlinked.map(late -> late.oldestEntryId()).orElse(null), audit.unkeyedEntries());
    }
}

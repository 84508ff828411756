package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.adapters.web.audit.AuditVerificationJson;
import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /staff/admin/audit} (admins only): the audit log's hash chain checked as {@code motel-admin audit verify} checks it,
 * and the newest entries: who did what to which record, when.
 */
@Controller
class StaffAuditController {

    private static final int RECENT = 50;

    private final QueryAuditLogUseCase audit;
    private final BrowseRoomTypesUseCase motel;
    private final StaffLabels labels;

    StaffAuditController(QueryAuditLogUseCase audit, BrowseRoomTypesUseCase motel, StaffLabels labels) {
        this.audit = audit;
        this.motel = motel;
        this.labels = labels;
    }

    @GetMapping("/staff/admin/audit")
    String audit(Model model) {
        model.addAttribute("verification", AuditVerificationJson.check(audit));
        ZoneId zone = StaffLabels.motelZone(motel);
        model.addAttribute("entries", audit.recent(RECENT).stream().map(entry -> EntryLine.of(entry, labels.minute(entry.entry().occurredAt(), zone)))
                .toList());
        return "staff/admin-audit";
    }

    /** An entry as a row: {@code linked} is false while it waits to be chained. */
    record EntryLine(long id, String when, String actor, String action, String entity, boolean linked) {

        static EntryLine of(StoredEntry stored, String when) {
            return new EntryLine(stored.id(), when, stored.entry().actor(), stored.entry().action(),
                    stored.entry().entityType() + " " + stored.entry().entityId(), stored.hash() != null);
        }
    }
}

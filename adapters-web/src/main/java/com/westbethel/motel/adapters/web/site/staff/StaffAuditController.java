package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.adapters.web.audit.AuditVerificationJson;
import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
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

    StaffAuditController(QueryAuditLogUseCase audit) {
        this.audit = audit;
    }

    @GetMapping("/staff/admin/audit")
    String audit(Model model) {
        model.addAttribute("verification", AuditVerificationJson.check(audit));
        model.addAttribute("entries", audit.recent(RECENT).stream().map(EntryLine::of).toList());
        return "staff/admin-audit";
    }

    /** An entry as a row: {@code linked} is false while it waits to be chained. */
    record EntryLine(long id, String when, String actor, String action, String entity, boolean linked) {

        static EntryLine of(StoredEntry stored) {
            return new EntryLine(stored.id(), StaffLabels.utc(stored.entry().occurredAt()), stored.entry().actor(), stored.entry().action(),
                    stored.entry().entityType() + " " + stored.entry().entityId(), stored.hash() != null);
        }
    }
}

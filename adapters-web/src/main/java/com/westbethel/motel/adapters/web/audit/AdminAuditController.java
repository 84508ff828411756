package com.westbethel.motel.adapters.web.audit;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin/audit/... (admins only): what {@code motel-admin audit verify} reports, the hash chain walked from its
 * start, and the newest entries. An entity's history, which staff read too, is {@code GET /api/v1/admin/audit}.
 */
@Tag(name = "Admin: audit log")
@RestController
@RequestMapping("/api/v1/admin/audit")
class AdminAuditController {

    private final QueryAuditLogUseCase audit;

    AdminAuditController(QueryAuditLogUseCase audit) {
        this.audit = audit;
    }

    @Operation(summary = "Walk the audit log's hash chain: intact, or the first broken link; entries left unlinked too long")
    @GetMapping("/verification")
    AuditVerificationJson verification() {
        return AuditVerificationJson.check(audit);
    }

    @Operation(summary = "The newest audit entries, newest first")
    @ApiResponse(responseCode = "200", description = "The entries", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AuditJson.class))))
    @GetMapping("/recent")
    ResponseEntity<?> recent(@Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > QueryAuditLogUseCase.MAX_ENTRIES) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "limit is 1 to " + QueryAuditLogUseCase.MAX_ENTRIES + ".");
        }
        return ResponseEntity.ok(audit.recent(limit).stream().map(AuditJson::of).toList());
    }
}

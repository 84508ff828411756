package com.westbethel.motel.adapters.web.notification;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance.DeadEmail;
import com.westbethel.motel.domain.notification.EmailStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin/email-queue (admins only): how the outgoing email stands, the emails that failed every attempt (recipients
 * masked), and sending a dead one again, audited under the admin's user id.
 */
@Tag(name = "Admin: email queue")
@RestController
@RequestMapping("/api/v1/admin/email-queue")
class AdminEmailQueueController {

    static final Duration SENT_WINDOW = Duration.ofHours(24);
    static final int MAX_DEAD = 200;

    private final InspectEmailQueueUseCase inspect;
    private final AdministerEmailQueueUseCase queue;

    AdminEmailQueueController(InspectEmailQueueUseCase inspect, AdministerEmailQueueUseCase queue) {
        this.inspect = inspect;
        this.queue = queue;
    }

    @Operation(summary = "How many emails wait, are being sent, are dead, and were sent in the last 24 hours")
    @GetMapping
    QueueStatusJson status() {
        EmailQueueReport report = inspect.inspectEmailQueue();
        return new QueueStatusJson(report.awaitingDelivery(), report.count(EmailStatus.SENDING), report.count(EmailStatus.DEAD),
                queue.sentWithin(SENT_WINDOW), report.oldestWait().toSeconds());
    }

    @Operation(summary = "Emails that failed every attempt, newest first (recipients masked)")
    @ApiResponse(responseCode = "200", description = "The dead emails",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DeadEmailJson.class))))
    @GetMapping("/dead")
    ResponseEntity<?> dead(@Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_DEAD) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "limit is 1 to " + MAX_DEAD + ".");
        }
        return ResponseEntity.ok(queue.dead(limit).stream().map(DeadEmailJson::of).toList());
    }

    @Operation(summary = "Send a dead email again, with a fresh count of attempts")
    @ApiResponse(responseCode = "204", description = "Queued again; the worker sends it")
    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@AuthenticationPrincipal AccessTokenClaims admin, @PathVariable UUID id) {
        return switch (queue.retry(id, "admin:" + admin.user())) {
            case QUEUED -> ResponseEntity.noContent().build();
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "There is no such email.");
            case NOT_DEAD -> problem(HttpStatus.CONFLICT, "email-not-dead", "Email not dead",
                    "The email is not dead: the worker is still trying it or has sent it.");
            case LINK_SCRUBBED -> problem(HttpStatus.CONFLICT, "email-link-scrubbed", "Email link scrubbed",
                    "The email carried a one-time link that was scrubbed when it died; the guest must ask for a new one.");
        };
    }

    record QueueStatusJson(@Schema(description = "Queued or waiting to be retried") long pending, long sending, long dead,
            @Schema(description = "Sent in the last 24 hours") long sentLast24Hours,
            @Schema(description = "How long the oldest pending email has waited; 0 when none waits") long oldestWaitSeconds) {
    }

    record DeadEmailJson(UUID id, @Schema(example = "booking-confirmation") String template,
            @Schema(example = "a***@example.com") String recipient, int attempts, @Schema(description = "The last failure, addresses masked") String lastError,
            Instant queuedAt) {

        static DeadEmailJson of(DeadEmail email) {
            return new DeadEmailJson(email.id(), email.template(), MaskedRecipients.mask(email.recipient()), email.attempts(),
                    MaskedRecipients.maskWithin(email.lastError()), email.createdAt());
        }
    }
}
